package io.conduithex.domain.user;

/** A one-way hash of a password in the hasher's self-describing format. Masked in {@link #toString()}. */
public record PasswordHash(String value) {
    public PasswordHash {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("password hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[****]";
    }
}
