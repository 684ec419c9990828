package io.nocraven.codec.snmp;

/**
 * OBJECT IDENTIFIER contents (X.690 §8.19) to dotted numeric text, without allocation. Sub-identifiers are base-128
 * with the high bit as continuation; the first one holds the first two arcs ({@code X * 40 + Y}). SNMP arcs are
 * 32-bit unsigned (RFC 2578 §3.5), so a longer sub-identifier is rejected.
 */
final class OidText
{
    /** The most sub-identifiers SNMP allows in an OID (RFC 2578 §3.5: 128 arcs). */
    static final int MAX_ARCS = 128;

    private OidText()
    {
    }

    /**
     * @param b   bytes.
     * @param pos start of a sub-identifier.
     * @param end end of the OID contents.
     * @return the offset after the sub-identifier, or -1 when it is truncated or longer than 32 bits.
     */
    static int subidEnd(final byte[] b, final int pos, final int end)
    {
        int i = pos;
        long v = 0;
        while (i < end)
        {
            final int x = b[i++] & 0xFF;
            v = (v << 7) | (x & 0x7F);
            if (v > 0xFFFF_FFFFL)
            {
                return -1;
            }
            if ((x & 0x80) == 0)
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param b   bytes.
     * @param pos start of a sub-identifier.
     * @param end what {@link #subidEnd} returned for it.
     * @return its value.
     */
    static long subidValue(final byte[] b, final int pos, final int end)
    {
        long v = 0;
        for (int i = pos; i < end; i++)
        {
            v = (v << 7) | (b[i] & 0x7F);
        }
        return v;
    }

    /**
     * @param b   bytes.
     * @param off first content byte.
     * @param len content length.
     * @return true when the contents are a valid SNMP OID (at least one sub-identifier, none truncated, 32-bit
     *         arcs, at most {@link #MAX_ARCS} arcs).
     */
    static boolean isValid(final byte[] b, final int off, final int len)
    {
        if (len < 1)
        {
            return false;
        }
        final int end = off + len;
        int arcs = 1;
        int i = off;
        while (i < end)
        {
            i = subidEnd(b, i, end);
            if (i < 0 || ++arcs > MAX_ARCS)
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the dotted text of valid OID contents (check with {@link #isValid} first).
     *
     * @param sb  where to append.
     * @param b   bytes.
     * @param off first content byte.
     * @param len content length.
     */
    static void append(final StringBuilder sb, final byte[] b, final int off, final int len)
    {
        final int end = off + len;
        int i = off;
        int e = subidEnd(b, i, end);
        final long first = subidValue(b, i, e);
        if (first < 40)
        {
            sb.append('0').append('.').append(first);
        }
        else if (first < 80)
        {
            sb.append('1').append('.').append(first - 40);
        }
        else
        {
            sb.append('2').append('.').append(first - 80);
        }
        i = e;
        while (i < end)
        {
            e = subidEnd(b, i, end);
            sb.append('.').append(subidValue(b, i, e));
            i = e;
        }
    }

    /**
     * @param b     bytes.
     * @param off   first content byte.
     * @param len   content length.
     * @param other BER contents to compare with.
     * @return true when equal.
     */
    static boolean contentEquals(final byte[] b, final int off, final int len, final byte[] other)
    {
        if (len != other.length)
        {
            return false;
        }
        for (int i = 0; i < len; i++)
        {
            if (b[off + i] != other[i])
            {
                return false;
            }
        }
        return true;
    }
}
