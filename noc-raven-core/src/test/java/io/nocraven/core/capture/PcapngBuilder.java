package io.nocraven.core.capture;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes pcapng blocks in either byte order, for tests.
 */
final class PcapngBuilder
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ByteOrder order;

    PcapngBuilder section(final ByteOrder byteOrder)
    {
        this.order = byteOrder;
        final ByteBuffer body = body(16);
        body.putInt(0x1A2B3C4D).putShort((short)1).putShort((short)0).putLong(-1L);
        return block(PcapngDescriptor.SHB, body);
    }

    /** An IDB; {@code tsresol} &lt; 0 for none; {@code tsoffset} 0 for none. */
    PcapngBuilder iface(final int linkType, final int snapLength, final int tsresol, final long tsoffset)
    {
        final ByteBuffer body = body(8 + 8 + 8 + 12 + 4);
        body.putShort((short)linkType).putShort((short)0).putInt(snapLength);
        body.putShort((short)2).putShort((short)3).put(new byte[] {'l', 'o', 0, 0});
        if (tsresol >= 0)
        {
            body.putShort((short)9).putShort((short)1).put((byte)tsresol).put(new byte[3]);
        }
        if (tsoffset != 0)
        {
            body.putShort((short)14).putShort((short)8).putLong(tsoffset);
        }
        body.putShort((short)0).putShort((short)0);
        return block(1, body);
    }

    PcapngBuilder epb(final int iface, final long ts, final byte[] data)
    {
        final ByteBuffer body = body(20 + pad(data.length));
        body.putInt(iface).putInt((int)(ts >>> 32)).putInt((int)ts).putInt(data.length).putInt(data.length).put(data);
        body.position(20 + pad(data.length));
        return block(6, body);
    }

    PcapngBuilder opb(final int iface, final long ts, final byte[] data)
    {
        final ByteBuffer body = body(20 + pad(data.length));
        body.putShort((short)iface).putShort((short)0).putInt((int)(ts >>> 32)).putInt((int)ts).putInt(data.length).putInt(data.length)
            .put(data);
        body.position(20 + pad(data.length));
        return block(2, body);
    }

    PcapngBuilder spb(final int originalLength, final byte[] data)
    {
        final ByteBuffer body = body(4 + pad(data.length));
        body.putInt(originalLength).put(data);
        body.position(4 + pad(data.length));
        return block(3, body);
    }

    /** A block of a type this reader skips (e.g. name resolution 4, statistics 5, custom 0xBAD). */
    PcapngBuilder other(final int type, final int bodyLength)
    {
        final ByteBuffer body = body(bodyLength);
        body.position(bodyLength);
        return block(type, body);
    }

    PcapngBuilder raw(final byte[] bytes)
    {
        out.writeBytes(bytes);
        return this;
    }

    byte[] build()
    {
        return out.toByteArray();
    }

    private ByteBuffer body(final int length)
    {
        return ByteBuffer.allocate(length).order(order);
    }

    private static int pad(final int n)
    {
        return (n + 3) & ~3;
    }

    private PcapngBuilder block(final int type, final ByteBuffer body)
    {
        final int length = 12 + body.position();
        final ByteBuffer block = ByteBuffer.allocate(length).order(order);
        block.putInt(type).putInt(length).put(body.array(), 0, body.position()).putInt(length);
        out.writeBytes(block.array());
        return this;
    }
}
