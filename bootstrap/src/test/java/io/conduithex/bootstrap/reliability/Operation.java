package io.conduithex.bootstrap.reliability;

/** What a request of the fault tests does, and whether it writes. */
enum Operation {
    REGISTER(true),
    CREATE_ARTICLE(true),
    COMMENT(true),
    LIST_ARTICLES(false),
    GET_ARTICLE(false),
    /** Anything a test sends by hand outside the load's mix. */
    OTHER(false);

    private final boolean write;

    Operation(boolean write) {
        this.write = write;
    }

    boolean isWrite() {
        return write;
    }
}
