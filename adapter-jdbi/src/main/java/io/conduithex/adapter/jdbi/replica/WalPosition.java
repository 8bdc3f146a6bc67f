package io.conduithex.adapter.jdbi.replica;

import java.util.regex.Pattern;

/**
 * A position in PostgreSQL's write-ahead log (an {@code pg_lsn}, written {@code 16/B374D848}): how far the primary
 * has written, or a standby has replayed. Compared as unsigned 64-bit numbers, as PostgreSQL does.
 */
public record WalPosition(long value) implements Comparable<WalPosition> {
    private static final Pattern TEXT = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    /** @throws IllegalArgumentException when {@code text} is not an {@code pg_lsn} */
    public static WalPosition parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a WAL position: " + text);
        }
        int slash = text.indexOf('/');
        long high = Long.parseLong(text.substring(0, slash), 16);
        long low = Long.parseLong(text.substring(slash + 1), 16);
        return new WalPosition(high << 32 | low);
    }

    public boolean isAtLeast(WalPosition other) {
        return compareTo(other) >= 0;
    }

    /** How many bytes of WAL lie between {@code behind} and this position; zero when {@code behind} is not behind. */
    public long bytesAhead(WalPosition behind) {
        return isAtLeast(behind) ? value - behind.value : 0;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
