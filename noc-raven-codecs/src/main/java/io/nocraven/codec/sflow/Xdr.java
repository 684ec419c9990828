package io.nocraven.codec.sflow;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;

/**
 * Bounds-checked walks over the variable-length XDR items sFlow records contain: strings ({@code length, bytes,
 * padding to 4}) and sFlow addresses ({@code type, 0/4/16 bytes}). Each {@code *End} method returns where the
 * item ends, or -1 when it does not fit before {@code end}; a string whose padding is missing at the very end of
 * its record is accepted (some agents omit it, goflow2's tests expect it to decode).
 */
final class Xdr
{
    static final int ADDRESS_UNKNOWN = 0;
    static final int ADDRESS_IPV4 = 1;
    static final int ADDRESS_IPV6 = 2;

    private Xdr()
    {
    }

    static int stringEnd(final byte[] buf, final int at, final int end)
    {
        if (end - at < 4)
        {
            return -1;
        }
        final long length = u32(buf, at);
        if (length > end - at - 4)
        {
            return -1;
        }
        final int padded = (int)((length + 3) & ~3L);
        return (int)Math.min((long)at + 4 + padded, end);
    }

    /** Writes the string at {@code at} (already checked with {@link #stringEnd}) without trailing NULs. */
    static void writeString(final String name, final byte[] buf, final int at, final RecordWriter out)
    {
        int length = i32(buf, at);
        while (length > 0 && buf[at + 4 + length - 1] == 0)
        {
            length--;
        }
        out.name(name);
        out.utf8Value(buf, at + 4, length);
    }

    static int addressEnd(final byte[] buf, final int at, final int end)
    {
        if (end - at < 4)
        {
            return -1;
        }
        final int type = i32(buf, at);
        final int length = type == ADDRESS_IPV4 ? 4 : type == ADDRESS_IPV6 ? 16 : type == ADDRESS_UNKNOWN ? 0 : -1;
        if (length < 0 || end - at - 4 < length)
        {
            return -1;
        }
        return at + 4 + length;
    }

    /** Writes the address at {@code at} (already checked with {@link #addressEnd}); an unknown address writes nothing. */
    static void writeAddress(final String v4Name, final String v6Name, final byte[] buf, final int at,
        final RecordWriter out)
    {
        final int type = i32(buf, at);
        if (type == ADDRESS_IPV4)
        {
            out.name(v4Name);
            out.ipv4Value(i32(buf, at + 4));
        }
        else if (type == ADDRESS_IPV6)
        {
            out.name(v6Name);
            out.ipv6Value(buf, at + 4);
        }
    }

    /**
     * @return the end of a counted list of 32-bit words ({@code count, words...}), or -1.
     */
    static int wordListEnd(final byte[] buf, final int at, final int end)
    {
        if (end - at < 4)
        {
            return -1;
        }
        final long count = u32(buf, at);
        if (count > (end - at - 4) / 4)
        {
            return -1;
        }
        return at + 4 + (int)count * 4;
    }

    /** Writes a counted list of unsigned 32-bit words (checked with {@link #wordListEnd}) as a JSON array. */
    static void writeWordList(final String name, final byte[] buf, final int at, final RecordWriter out)
    {
        final int count = i32(buf, at);
        out.name(name);
        out.startArray();
        for (int i = 0; i < count; i++)
        {
            out.longValue(u32(buf, at + 4 + 4 * i));
        }
        out.endArray();
    }
}
