package io.conduithex.domain.failure;

/** The resource named by the request does not exist. */
public final class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String resource;

    public NotFoundException(String resource) {
        super(resource + " not found");
        this.resource = resource;
    }

    /** A short name of the kind of resource, such as {@code profile}. */
    public String resource() {
        return resource;
    }
}
