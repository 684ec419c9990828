package io.nocraven.codec.snmp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test-only: UDP payloads from the classic-pcap, Ethernet, IPv4 fixtures (no fragments, no options beyond IHL).
 * A stop-gap until the shared capture reader ({@code io.nocraven.testing.Captures}) lands on main.
 */
final class PcapUdp
{
    record Datagram(int frame, long epochNanos, byte[] srcAddress, int srcPort, int dstPort, byte[] payload)
    {
    }

    private PcapUdp()
    {
    }

    static List<Datagram> read(final String resource)
    {
        try (InputStream in = PcapUdp.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return parse(in.readAllBytes());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Datagram> parse(final byte[] file)
    {
        final ByteBuffer bb = ByteBuffer.wrap(file);
        final int magic = bb.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        final boolean nanos = magic == 0xa1b23c4d;
        if (magic != 0xa1b2c3d4 && !nanos)
        {
            throw new IllegalArgumentException("not a little-endian classic pcap");
        }
        if (bb.getInt(20) != 1)
        {
            throw new IllegalArgumentException("link type " + bb.getInt(20) + " (expected Ethernet)");
        }
        final List<Datagram> out = new ArrayList<>();
        int pos = 24;
        int frame = 0;
        while (pos + 16 <= file.length)
        {
            frame++;
            final long sec = bb.getInt(pos) & 0xFFFFFFFFL;
            final long frac = bb.getInt(pos + 4) & 0xFFFFFFFFL;
            final int caplen = bb.getInt(pos + 8);
            final int p = pos + 16;
            pos = p + caplen;
            final ByteBuffer f = ByteBuffer.wrap(file, p, caplen).slice().order(ByteOrder.BIG_ENDIAN);
            if (f.getShort(12) != 0x0800 || f.get(14 + 9) != 17)
            {
                continue;
            }
            final int ihl = (f.get(14) & 0x0F) * 4;
            final int udp = 14 + ihl;
            final int udpLen = f.getShort(udp + 4) & 0xFFFF;
            final byte[] src = Arrays.copyOfRange(file, p + 14 + 12, p + 14 + 16);
            final byte[] payload = Arrays.copyOfRange(file, p + udp + 8, p + udp + udpLen);
            out.add(new Datagram(frame, sec * 1_000_000_000L + (nanos ? frac : frac * 1000), src,
                f.getShort(udp) & 0xFFFF, f.getShort(udp + 2) & 0xFFFF, payload));
        }
        return out;
    }
}
