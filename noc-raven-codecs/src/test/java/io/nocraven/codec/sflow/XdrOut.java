package io.nocraven.codec.sflow;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test builder of XDR bytes for hand-made sFlow datagrams.
 */
final class XdrOut
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    XdrOut u32(final long... values)
    {
        for (final long v : values)
        {
            out.write((int)(v >>> 24));
            out.write((int)(v >>> 16));
            out.write((int)(v >>> 8));
            out.write((int)v);
        }
        return this;
    }

    XdrOut u64(final long v)
    {
        return u32(v >>> 32, v & 0xFFFFFFFFL);
    }

    XdrOut bytes(final byte[] b)
    {
        out.writeBytes(b);
        return this;
    }

    XdrOut string(final String s)
    {
        final byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        out.writeBytes(b);
        out.writeBytes(new byte[(4 - b.length % 4) % 4]);
        return this;
    }

    /** Appends {@code format, length, body}. */
    XdrOut item(final long format, final XdrOut body)
    {
        final byte[] b = body.toBytes();
        u32(format, b.length);
        out.writeBytes(b);
        return this;
    }

    byte[] toBytes()
    {
        return out.toByteArray();
    }

    /** A datagram header with an IPv4 agent 192.0.2.1, sub-agent 7, sequence 9, uptime 1000. */
    static XdrOut datagram(final int samples)
    {
        return new XdrOut().u32(5, 1, 0xC0000201L, 7, 9, 1000, samples);
    }
}
