package io.conduithex.domain.port.persistence;

/**
 * Hears what units of work committed, so that whoever keeps answers from the database can drop the ones a commit
 * may have changed. The persistence adapter tells it about this instance's own commits synchronously, on the
 * committing thread, after COMMIT and before the unit of work returns (so before its caller answers anyone); a
 * commit whose outcome is unknown is reported as if it committed, rolled-back work is not reported, and of a
 * retried unit of work only the attempt that committed. Where several instances share a database, the adapter may
 * also report other instances' commits as it learns of them, and says when it may be missing some
 * ({@link #outOfTouch}) and when it hears them again ({@link #inTouch}).
 *
 * <p>Implementations are thread-safe and fast: they run inside every writing request, and must not throw.
 */
public interface ChangeListener {

    /** {@code changes} were committed, here or, when the adapter hears it, by another instance. */
    void committed(CommittedChanges changes);

    /**
     * Commits by other instances may go unheard from now on (the channel they travel on was lost), until
     * {@link #inTouch()}; anything remembered may already be out of date.
     */
    void outOfTouch(String reason);

    /** Commits by other instances are heard from now on; any made before may have been missed. */
    void inTouch();
}
