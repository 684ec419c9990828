package io.nocraven.codec.snmp;

/**
 * A cursor over BER-encoded bytes (the subset SNMP uses: definite lengths, single-byte tags): reads one TLV header
 * at a time, keeps the current limit so that nested reads can never leave their enclosing SEQUENCE, and reports
 * the first error as a short reason plus the offset where it happened. Allocates nothing.
 * <p>
 * Written here rather than decoding with SNMP4J's {@code BERInputStream}/{@code PDU} classes because the hot path
 * must allocate nothing per datagram (SNMP4J builds an object per OID and value), and an {@code invalid} record
 * needs the exact offset and a stable reason, which SNMP4J's exceptions do not give. SNMP4J still does all the
 * cryptography (keys, HMAC, DES/AES) and the encoding of inform responses, and the tests cross-check this reader
 * against SNMP4J's own PDU decoder on every capture.
 */
final class BerReader
{
    private byte[] buf;
    private int pos;
    private int limit;
    private int tag;
    private int valueOffset;
    private int valueLength;
    private String error;
    private int errorOffset;

    /**
     * Points the cursor at new bytes and clears the error.
     *
     * @param bytes  the buffer.
     * @param offset first byte.
     * @param length number of bytes.
     */
    void wrap(final byte[] bytes, final int offset, final int length)
    {
        this.buf = bytes;
        this.pos = offset;
        this.limit = offset + length;
        this.error = null;
        this.errorOffset = 0;
        this.tag = -1;
    }

    /**
     * Reads the TLV header at the cursor; on success the cursor is at the value.
     *
     * @param what what is expected here (used in the reason when the bytes run out).
     * @return false (with {@link #error()} set) when the header is malformed or the value overruns the limit.
     */
    boolean readHeader(final String what)
    {
        final int start = pos;
        if (pos >= limit)
        {
            return fail("truncated " + what, start);
        }
        final int t = buf[pos++] & 0xFF;
        if ((t & 0x1F) == 0x1F)
        {
            return fail("unsupported BER tag", start);
        }
        if (pos >= limit)
        {
            return fail("truncated " + what, start);
        }
        int len = buf[pos++] & 0xFF;
        if (len > 0x80)
        {
            final int n = len & 0x7F;
            if (n > 4)
            {
                return fail("bad BER length", start);
            }
            if (limit - pos < n)
            {
                return fail("truncated " + what, start);
            }
            len = 0;
            for (int i = 0; i < n; i++)
            {
                len = (len << 8) | (buf[pos++] & 0xFF);
            }
            if (len < 0)
            {
                return fail("bad BER length", start);
            }
        }
        else if (len == 0x80)
        {
            return fail("indefinite BER length", start);
        }
        if (len > limit - pos)
        {
            return fail("truncated " + what, start);
        }
        this.tag = t;
        this.valueOffset = pos;
        this.valueLength = len;
        return true;
    }

    /**
     * Reads a header and checks its tag.
     *
     * @param expectedTag the tag.
     * @param what        the element's name (used in reasons: {@code "bad <what>"}, {@code "truncated <what>"}).
     * @return false (with the error set) on a malformed header or another tag.
     */
    boolean expect(final int expectedTag, final String what)
    {
        final int start = pos;
        if (!readHeader(what))
        {
            return false;
        }
        if (tag != expectedTag)
        {
            return fail("bad " + what, start);
        }
        return true;
    }

    /**
     * Reads an INTEGER that must fit a signed 64-bit value (content 1..8 bytes).
     *
     * @param what the element's name.
     * @return the value; check {@link #failed()}.
     */
    long readInteger(final String what)
    {
        final int start = pos;
        if (!expect(SnmpMessageDescriptor.TAG_INTEGER, what))
        {
            return 0;
        }
        if (valueLength < 1 || valueLength > 8)
        {
            fail("bad " + what, start);
            return 0;
        }
        final long v = signed(buf, valueOffset, valueLength);
        skipValue();
        return v;
    }

    /**
     * Enters the constructed value just read: the limit becomes the value's end.
     *
     * @return the previous limit, for {@link #exit(int)}.
     */
    int enter()
    {
        final int outer = limit;
        limit = valueOffset + valueLength;
        return outer;
    }

    /**
     * Leaves a constructed value: the cursor moves to its end and the outer limit comes back.
     *
     * @param outerLimit what {@link #enter()} returned.
     */
    void exit(final int outerLimit)
    {
        pos = limit;
        limit = outerLimit;
    }

    /** Moves the cursor past the value just read. */
    void skipValue()
    {
        pos = valueOffset + valueLength;
    }

    /**
     * Records an error (the first one wins).
     *
     * @param reason short, stable text.
     * @param at     offset in the buffer.
     * @return false, for {@code return fail(...)}.
     */
    boolean fail(final String reason, final int at)
    {
        if (error == null)
        {
            error = reason;
            errorOffset = at;
        }
        return false;
    }

    /**
     * Decodes a two's-complement big-endian integer.
     *
     * @param b   bytes.
     * @param off first byte.
     * @param len 1..8.
     * @return the value.
     */
    static long signed(final byte[] b, final int off, final int len)
    {
        long v = b[off];
        for (int i = 1; i < len; i++)
        {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /**
     * Decodes an unsigned big-endian integer (leading zero bytes allowed).
     *
     * @param b   bytes.
     * @param off first byte.
     * @param len number of bytes; the caller checks that the value fits 64 bits.
     * @return the value (bits of an unsigned 64-bit number).
     */
    static long unsigned(final byte[] b, final int off, final int len)
    {
        long v = 0;
        for (int i = 0; i < len; i++)
        {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /**
     * Decodes the value of an unsigned SMI type (Counter32, Gauge32, TimeTicks: 32 bits; Counter64: 64 bits) the
     * way net-snmp does: contents with the high bit set and no leading zero byte are two's complement, so they
     * are sign-extended and then truncated to the type's width ({@code ff} as Counter32 is 4294967295).
     *
     * @param b    bytes.
     * @param off  first byte.
     * @param len  number of bytes (checked with {@link #unsignedFits}).
     * @param bits 32 or 64.
     * @return the value (bits of an unsigned number).
     */
    static long unsignedValue(final byte[] b, final int off, final int len, final int bits)
    {
        if (b[off] < 0 && len <= bits / 8)
        {
            final long v = signed(b, off, len);
            return bits == 64 ? v : v & 0xFFFF_FFFFL;
        }
        return unsigned(b, off, len);
    }

    /**
     * @param b   bytes.
     * @param off first byte.
     * @param len number of bytes.
     * @param maxBytes most significant bytes the value may have (4 for 32-bit types, 8 for Counter64).
     * @return true when an unsigned value fits in {@code maxBytes} bytes after skipping leading zeros.
     */
    static boolean unsignedFits(final byte[] b, final int off, final int len, final int maxBytes)
    {
        int i = 0;
        while (i < len - 1 && b[off + i] == 0)
        {
            i++;
        }
        return len >= 1 && len - i <= maxBytes;
    }

    byte[] buffer()
    {
        return buf;
    }

    int position()
    {
        return pos;
    }

    void position(final int newPosition)
    {
        pos = newPosition;
    }

    int limit()
    {
        return limit;
    }

    int tag()
    {
        return tag;
    }

    int valueOffset()
    {
        return valueOffset;
    }

    int valueLength()
    {
        return valueLength;
    }

    int valueEnd()
    {
        return valueOffset + valueLength;
    }

    boolean failed()
    {
        return error != null;
    }

    String error()
    {
        return error;
    }

    int errorOffset()
    {
        return errorOffset;
    }
}
