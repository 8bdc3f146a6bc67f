package io.conduithex.application.seed;

/** The steps of a seed run, in order, and what each counts its progress in. */
public enum SeedPhase {
    /** Progress in users written. */
    USERS("users"),
    /** Progress in users whose follows are written. */
    FOLLOWS("follows"),
    /** Progress in articles written, each with its tags, favorites and comments. */
    ARTICLES("articles");

    private final String label;

    SeedPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
