package io.conduithex.adapter.jdbi.replica;

/** Whether a replica serves reads, and if not, why. */
public enum ReplicaState {
    /** Not checked yet: serves nothing until its first check. */
    STARTING,
    SERVING,
    /** Behind the primary by more than a lag bound; serves again once well within both. */
    LAGGING,
    /** Could not be reached or did not answer its check. */
    UNREACHABLE,
    /** No longer in recovery: it was promoted and is a primary of its own, whose data may diverge from ours. */
    PROMOTED;

    public String label() {
        return name().toLowerCase();
    }
}
