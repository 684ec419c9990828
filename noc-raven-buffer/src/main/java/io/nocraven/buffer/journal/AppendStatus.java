package io.nocraven.buffer.journal;

/**
 * Negative results of {@link StreamJournal#append}; a non-negative result is the record's sequence (Aeron
 * {@code Publication.offer} style: failure is a return value, not an exception).
 */
public final class AppendStatus
{
    /** The record was dropped by the overflow policy (counted under its reason). */
    public static final long DROPPED = -1;
    /** Policy {@code block}: no room until consumers acknowledge; retry later (nothing was counted). */
    public static final long WOULD_BLOCK = -2;
    /** The payload is longer than the stream's maximum record length (counted as {@code too_large}). */
    public static final long TOO_LARGE = -3;
    /** The stream is closed. */
    public static final long CLOSED = -4;

    private AppendStatus()
    {
    }
}
