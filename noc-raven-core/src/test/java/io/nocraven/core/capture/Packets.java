package io.nocraven.core.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds IP packets, fragments and TCP segments for synthetic captures, and reads captures back into lists.
 */
final class Packets
{
    /** A capture time with whole microseconds (what a microsecond pcap keeps). */
    static final long T0 = 1_700_000_000_123_456_000L;

    private Packets()
    {
    }

    static InetSocketAddress endpoint(final String address, final int port)
    {
        try
        {
            return new InetSocketAddress(InetAddress.getByName(address), port);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(address, ex);
        }
    }

    static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] p : parts)
        {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] bytes(final int... values)
    {
        final byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            out[i] = (byte)values[i];
        }
        return out;
    }

    static byte[] payload(final int length, final int seed)
    {
        final byte[] out = new byte[length];
        for (int i = 0; i < length; i++)
        {
            out[i] = (byte)(i * 7 + seed);
        }
        return out;
    }

    /** A UDP header (checksum 0) followed by the payload. */
    static byte[] udp(final int srcPort, final int dstPort, final byte[] payload)
    {
        final byte[] out = new byte[8 + payload.length];
        Bytes.putInt16(out, 0, srcPort);
        Bytes.putInt16(out, 2, dstPort);
        Bytes.putInt16(out, 4, out.length);
        System.arraycopy(payload, 0, out, 8, payload.length);
        return out;
    }

    /** A TCP header of 20 bytes followed by the payload. */
    static byte[] tcp(final int srcPort, final int dstPort, final int seq, final int flags, final byte[] payload)
    {
        final byte[] out = new byte[20 + payload.length];
        Bytes.putInt16(out, 0, srcPort);
        Bytes.putInt16(out, 2, dstPort);
        Bytes.putInt32(out, 4, seq);
        out[12] = 0x50;
        out[13] = (byte)flags;
        Bytes.putInt16(out, 14, 65_535);
        System.arraycopy(payload, 0, out, 20, payload.length);
        return out;
    }

    /** An IPv4 packet: header with the given id and fragment offset (bytes) / more-fragments flag. */
    static byte[] ipv4(final String src, final String dst, final int protocol, final int id, final int fragmentAt, final boolean more,
        final byte[] payload)
    {
        final byte[] out = new byte[20 + payload.length];
        out[0] = 0x45;
        Bytes.putInt16(out, 2, out.length);
        Bytes.putInt16(out, 4, id);
        Bytes.putInt16(out, 6, (more ? 0x2000 : 0) | (fragmentAt / 8));
        out[8] = 64;
        out[9] = (byte)protocol;
        System.arraycopy(address(src), 0, out, 12, 4);
        System.arraycopy(address(dst), 0, out, 16, 4);
        System.arraycopy(payload, 0, out, 20, payload.length);
        return out;
    }

    static byte[] ipv4(final String src, final String dst, final int protocol, final byte[] payload)
    {
        return ipv4(src, dst, protocol, 1, 0, false, payload);
    }

    /** An IPv6 packet whose payload starts with the given extension headers (already chained by the caller). */
    static byte[] ipv6(final String src, final String dst, final int nextHeader, final byte[] payload)
    {
        final byte[] out = new byte[40 + payload.length];
        out[0] = 0x60;
        Bytes.putInt16(out, 4, payload.length);
        out[6] = (byte)nextHeader;
        out[7] = 64;
        System.arraycopy(address(src), 0, out, 8, 16);
        System.arraycopy(address(dst), 0, out, 24, 16);
        System.arraycopy(payload, 0, out, 40, payload.length);
        return out;
    }

    /** An IPv6 fragment header (8 bytes) followed by the fragment. */
    static byte[] ipv6Fragment(final int nextHeader, final int id, final int fragmentAt, final boolean more, final byte[] fragment)
    {
        final byte[] out = new byte[8 + fragment.length];
        out[0] = (byte)nextHeader;
        Bytes.putInt16(out, 2, fragmentAt | (more ? 1 : 0));
        Bytes.putInt32(out, 4, id);
        System.arraycopy(fragment, 0, out, 8, fragment.length);
        return out;
    }

    /** A generic IPv6 extension header (hop-by-hop, routing, destination options): 8 bytes of padding options. */
    static byte[] ipv6Extension(final int nextHeader)
    {
        final byte[] out = new byte[8];
        out[0] = (byte)nextHeader;
        out[2] = 1;
        out[3] = 4;
        return out;
    }

    static byte[] address(final String text)
    {
        try
        {
            final byte[] a = InetAddress.getByName(text).getAddress();
            if (text.contains(":") && a.length == 4)
            {
                final byte[] mapped = new byte[16];
                mapped[10] = (byte)0xFF;
                mapped[11] = (byte)0xFF;
                System.arraycopy(a, 0, mapped, 12, 4);
                return mapped;
            }
            return a;
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(text, ex);
        }
    }

    /** Writes frames of one link type into a microsecond pcap held in memory. */
    static byte[] pcap(final int linkType, final byte[]... frames)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = new PcapWriter(out, linkType, false))
        {
            for (int i = 0; i < frames.length; i++)
            {
                writer.writeFrame(T0 + i * 1000L, frames[i], 0, frames[i].length);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /** What a capture delivered, as readable text lines, plus the stats. */
    static class Recorded implements PacketHandler
    {
        final List<String> events = new ArrayList<>();
        final List<byte[]> udpPayloads = new ArrayList<>();
        final List<Long> udpTimes = new ArrayList<>();
        final ByteArrayOutputStream tcpBytes = new ByteArrayOutputStream();
        CaptureStats stats;

        @Override
        public void onUdp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
            final int length)
        {
            events.add("udp " + text(src) + " > " + text(dst) + " " + length);
            udpPayloads.add(Arrays.copyOfRange(data, offset, offset + length));
            udpTimes.add(ts);
        }

        @Override
        public void onTcp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
            final int length)
        {
            events.add("tcp " + text(src) + " > " + text(dst) + " " + new String(data, offset, length, StandardCharsets.ISO_8859_1));
            tcpBytes.write(data, offset, length);
        }

        @Override
        public void onTcpEnd(final long ts, final InetSocketAddress src, final InetSocketAddress dst)
        {
            events.add("end " + text(src) + " > " + text(dst));
        }

        private static String text(final InetSocketAddress a)
        {
            return a.getAddress().getHostAddress() + ":" + a.getPort();
        }
    }

    static Recorded read(final byte[] capture)
    {
        final Recorded recorded = new Recorded();
        try
        {
            recorded.stats = CaptureReader.read(capture, Path.of("synthetic.pcap"), recorded);
        }
        catch (final CaptureFormatException ex)
        {
            throw new AssertionError(ex);
        }
        return recorded;
    }
}
