package io.nocraven.appliance.panel;

import java.nio.ByteBuffer;

/**
 * Synthesizes IPv4/IPv6 packets carrying one TCP segment, with RFC 1071 checksums, for {@link QuarantinePcap}
 * (core's {@code PcapWriter} synthesizes UDP only). Big-endian (network order) throughout.
 */
final class IpPackets
{
    private IpPackets()
    {
    }

    static byte[] tcp(final byte[] src, final byte[] dst, final int sport, final int dport, final byte[] data)
    {
        final ByteBuffer b = ByteBuffer.allocate(20 + data.length);
        b.putShort((short)sport).putShort((short)dport).putInt(1).putInt(1).put((byte)0x50).put((byte)0x18)
            .putShort((short)65_535).putShort((short)0).putShort((short)0).put(data);
        final byte[] seg = b.array();
        final int c = checksum(pseudo(src, dst, 6, seg.length), seg);
        seg[16] = (byte)(c >>> 8);
        seg[17] = (byte)c;
        return seg;
    }

    static byte[] ip(final byte[] src, final byte[] dst, final int proto, final byte[] l4)
    {
        if (src.length == 4)
        {
            final ByteBuffer b = ByteBuffer.allocate(20 + l4.length);
            b.put((byte)0x45).put((byte)0).putShort((short)(20 + l4.length)).putShort((short)0).putShort((short)0x4000)
                .put((byte)64).put((byte)proto).putShort((short)0).put(src).put(dst);
            final byte[] header = java.util.Arrays.copyOf(b.array(), 20);
            final int c = checksum(new byte[0], header);
            b.putShort(10, (short)c);
            b.position(20);
            b.put(l4);
            return b.array();
        }
        final ByteBuffer b = ByteBuffer.allocate(40 + l4.length);
        b.putInt(0x6000_0000).putShort((short)l4.length).put((byte)proto).put((byte)64).put(src).put(dst).put(l4);
        return b.array();
    }

    private static byte[] pseudo(final byte[] src, final byte[] dst, final int proto, final int length)
    {
        final ByteBuffer b = ByteBuffer.allocate(src.length * 2 + (src.length == 4 ? 4 : 8));
        b.put(src).put(dst);
        if (src.length == 4)
        {
            b.put((byte)0).put((byte)proto).putShort((short)length);
        }
        else
        {
            b.putInt(length).putShort((short)0).put((byte)0).put((byte)proto);
        }
        return b.array();
    }

    /** RFC 1071 one's complement sum over {@code a} then {@code b} (a has even length). */
    static int checksum(final byte[] a, final byte[] b)
    {
        long sum = 0;
        for (int i = 0; i + 1 < a.length; i += 2)
        {
            sum += ((a[i] & 0xff) << 8) | (a[i + 1] & 0xff);
        }
        for (int i = 0; i < b.length; i += 2)
        {
            sum += ((b[i] & 0xff) << 8) | (i + 1 < b.length ? b[i + 1] & 0xff : 0);
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int)(~sum & 0xffff);
    }
}
