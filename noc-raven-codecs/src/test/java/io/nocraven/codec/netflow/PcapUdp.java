package io.nocraven.codec.netflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test support until the shared capture reader ({@code io.nocraven.testing.Captures}) lands on main: the UDP
 * payloads of a classic pcap file whose link type is Ethernet and whose frames are unfragmented IPv4/IPv6 UDP,
 * which is exactly what the flow fixtures are (captured on {@code lo} with a port filter). Anything else fails the
 * test loudly rather than being skipped.
 */
public final class PcapUdp
{
    /** One UDP datagram of a capture. */
    public record Datagram(int frame, byte[] source, int sourcePort, int destinationPort, long epochNanos,
        byte[] payload)
    {
    }

    private PcapUdp()
    {
    }

    /**
     * @param resource a classpath resource, e.g. {@code /fixtures/netflow/softflowd_v5.pcap}.
     * @return its UDP datagrams in capture order.
     */
    public static List<Datagram> read(final String resource)
    {
        return parse(resourceBytes(resource));
    }

    /**
     * @param resource a classpath resource.
     * @return its bytes.
     */
    public static byte[] resourceBytes(final String resource)
    {
        try (InputStream in = PcapUdp.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalArgumentException("no such resource: " + resource);
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Datagram> parse(final byte[] file)
    {
        final ByteBuffer bb = ByteBuffer.wrap(file);
        final int magic = bb.getInt(0);
        final boolean nanos;
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d)
        {
            bb.order(ByteOrder.BIG_ENDIAN);
            nanos = magic == 0xa1b23c4d;
        }
        else
        {
            bb.order(ByteOrder.LITTLE_ENDIAN);
            final int swapped = bb.getInt(0);
            if (swapped != 0xa1b2c3d4 && swapped != 0xa1b23c4d)
            {
                throw new IllegalArgumentException("not a classic pcap file");
            }
            nanos = swapped == 0xa1b23c4d;
        }
        if (bb.getInt(20) != 1)
        {
            throw new IllegalArgumentException("link type " + bb.getInt(20) + " (expected: 1, Ethernet)");
        }
        final List<Datagram> out = new ArrayList<>();
        int pos = 24;
        int frame = 0;
        while (pos + 16 <= file.length)
        {
            frame++;
            final long secs = bb.getInt(pos) & 0xFFFFFFFFL;
            final long frac = bb.getInt(pos + 4) & 0xFFFFFFFFL;
            final int captured = bb.getInt(pos + 8);
            final int at = pos + 16;
            pos = at + captured;
            final long epochNanos = secs * 1_000_000_000L + (nanos ? frac : frac * 1000L);
            final Datagram d = udp(frame, file, at, captured, epochNanos);
            if (d != null)
            {
                out.add(d);
            }
        }
        return out;
    }

    private static Datagram udp(final int frame, final byte[] f, final int at, final int length, final long nanos)
    {
        int type = ((f[at + 12] & 0xFF) << 8) | (f[at + 13] & 0xFF);
        int ip = at + 14;
        while (type == 0x8100)
        {
            type = ((f[ip + 2] & 0xFF) << 8) | (f[ip + 3] & 0xFF);
            ip += 4;
        }
        final byte[] source;
        final int udp;
        final int protocol;
        if (type == 0x0800)
        {
            source = Arrays.copyOfRange(f, ip + 12, ip + 16);
            protocol = f[ip + 9] & 0xFF;
            udp = ip + (f[ip] & 0x0F) * 4;
        }
        else if (type == 0x86DD)
        {
            source = Arrays.copyOfRange(f, ip + 8, ip + 24);
            protocol = f[ip + 6] & 0xFF;
            udp = ip + 40;
        }
        else
        {
            return null;
        }
        if (protocol != 17)
        {
            return null;
        }
        final int udpLength = ((f[udp + 4] & 0xFF) << 8) | (f[udp + 5] & 0xFF);
        if (udp + udpLength > at + length)
        {
            throw new IllegalArgumentException("frame " + frame + ": UDP datagram cut short by the snap length");
        }
        return new Datagram(frame, source, ((f[udp] & 0xFF) << 8) | (f[udp + 1] & 0xFF),
            ((f[udp + 2] & 0xFF) << 8) | (f[udp + 3] & 0xFF), nanos,
            Arrays.copyOfRange(f, udp + 8, udp + udpLength));
    }
}
