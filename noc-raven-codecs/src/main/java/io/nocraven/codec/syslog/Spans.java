package io.nocraven.codec.syslog;

/**
 * A growable list of name/value byte ranges into one input buffer (SD-PARAMs, FortiGate {@code key=value} pairs,
 * Palo Alto CSV fields), reused across messages: parsing records offsets only and copies no bytes.
 * <p>
 * A value whose {@link #escaped} flag is set holds backslash escapes that {@link SyslogRecords} resolves when it
 * writes the value. The list grows (an allocation on a rare path) up to {@link #MAX_ENTRIES}.
 */
final class Spans
{
    /** The most entries one message may hold; beyond this a parser stops adding and reports the message. */
    static final int MAX_ENTRIES = 1024;

    int[] nameStart;
    int[] nameEnd;
    int[] valueStart;
    int[] valueEnd;
    boolean[] escaped;
    int count;

    Spans(final int initialCapacity)
    {
        nameStart = new int[initialCapacity];
        nameEnd = new int[initialCapacity];
        valueStart = new int[initialCapacity];
        valueEnd = new int[initialCapacity];
        escaped = new boolean[initialCapacity];
    }

    void clear()
    {
        count = 0;
    }

    /**
     * Appends an entry.
     *
     * @return false when the list is full ({@link #MAX_ENTRIES}).
     */
    boolean add(final int nStart, final int nEnd, final int vStart, final int vEnd, final boolean esc)
    {
        if (count == nameStart.length)
        {
            if (count >= MAX_ENTRIES)
            {
                return false;
            }
            final int n = Math.min(MAX_ENTRIES, count * 2);
            nameStart = java.util.Arrays.copyOf(nameStart, n);
            nameEnd = java.util.Arrays.copyOf(nameEnd, n);
            valueStart = java.util.Arrays.copyOf(valueStart, n);
            valueEnd = java.util.Arrays.copyOf(valueEnd, n);
            escaped = java.util.Arrays.copyOf(escaped, n);
        }
        nameStart[count] = nStart;
        nameEnd[count] = nEnd;
        valueStart[count] = vStart;
        valueEnd[count] = vEnd;
        escaped[count] = esc;
        count++;
        return true;
    }

    /**
     * @return true when entries {@code a} and {@code b} have the same name bytes.
     */
    boolean sameName(final byte[] buf, final int a, final int b)
    {
        return SyslogBytes.equalRanges(buf, nameStart[a], nameEnd[a], nameStart[b], nameEnd[b]);
    }
}
