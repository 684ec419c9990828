package io.nocraven.codec.ipfix;

import java.io.ByteArrayOutputStream;

/**
 * Builds IPFIX messages for tests: sets are appended with {@link #set}, the message header (version, length, export
 * time, sequence, domain) is filled in by {@link #message}.
 */
final class IpfixBytes
{
    private final ByteArrayOutputStream sets = new ByteArrayOutputStream();

    static byte[] hex(final String hex)
    {
        final String h = hex.replace(" ", "");
        final byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++)
        {
            b[i] = (byte)Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** Appends a set: id, length, then the content given as hex. */
    IpfixBytes set(final int id, final String contentHex)
    {
        final byte[] c = hex(contentHex);
        u16(sets, id);
        u16(sets, c.length + 4);
        sets.writeBytes(c);
        return this;
    }

    byte[] message(final long exportTime, final long sequence, final long domain)
    {
        final ByteArrayOutputStream m = new ByteArrayOutputStream();
        u16(m, 10);
        u16(m, sets.size() + 16);
        u32(m, exportTime);
        u32(m, sequence);
        u32(m, domain);
        m.writeBytes(sets.toByteArray());
        return m.toByteArray();
    }

    private static void u16(final ByteArrayOutputStream o, final int v)
    {
        o.write(v >>> 8);
        o.write(v);
    }

    private static void u32(final ByteArrayOutputStream o, final long v)
    {
        u16(o, (int)(v >>> 16) & 0xFFFF);
        u16(o, (int)v & 0xFFFF);
    }
}
