package io.nocraven.core.capture;

import io.nocraven.testing.Captures;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.nocraven.core.capture.Packets.endpoint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcapWriterTest
{
    @Test
    void shouldRoundTripEveryDatagramOfACaptureOverRawIpAndEthernet() throws IOException
    {
        final List<Captures.Datagram> original = Captures.udp("/fixtures/traffic/traffic.pcap");
        for (final int linkType : new int[] {LinkType.RAW, LinkType.ETHERNET})
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PcapWriter writer = new PcapWriter(out, linkType, true))
            {
                for (final Captures.Datagram d : original)
                {
                    writer.writeUdp(d.timestampNanos(), d.source(), d.destination(), d.payload(), 0, d.payload().length);
                }
            }
            final List<Captures.Datagram> again = new ArrayList<>();
            final Packets.Recorded r = new Packets.Recorded()
            {
                @Override
                public void onUdp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data,
                    final int offset, final int length)
                {
                    again.add(new Captures.Datagram(ts, src, dst, Arrays.copyOfRange(data, offset, offset + length)));
                }
            };
            CaptureReader.read(out.toByteArray(), Path.of("written.pcap"), r);
            assertEquals(original.size(), again.size());
            for (int i = 0; i < original.size(); i++)
            {
                assertEquals(CaptureReaderFixtureTest.oracleLine(original.get(i)), CaptureReaderFixtureTest.oracleLine(again.get(i)));
            }
        }
    }

    @Test
    void shouldWriteValidIpv4HeaderAndUdpChecksums()
    {
        final byte[] payload = {'a', 'b', 'c'};
        final byte[] v4 = PcapWriter.udpPacket(endpoint("192.0.2.1", 5000), endpoint("198.51.100.7", 514), payload, 0, 3);
        assertEquals(0xFFFF, sum(v4, 0, 20, 0), "IPv4 header sums to all ones");
        final int pseudo4 = sum(v4, 12, 8, 0) + 17 + 11;
        assertEquals(0xFFFF, sum(v4, 20, 11, pseudo4), "UDP over IPv4 with pseudo-header");

        final byte[] v6 = PcapWriter.udpPacket(endpoint("2001:db8::1", 5000), endpoint("2001:db8::2", 514), payload, 0, 3);
        assertEquals(51, v6.length);
        final int pseudo6 = sum(v6, 8, 32, 0) + 17 + 11;
        assertEquals(0xFFFF, sum(v6, 40, 11, pseudo6), "UDP over IPv6 with pseudo-header");
        assertArrayEquals(payload, Arrays.copyOfRange(v6, 48, 51));
    }

    @Test
    void shouldRefuseMixedFamiliesOversizePayloadsAndUnrepresentableTimes() throws IOException
    {
        assertThrows(IllegalArgumentException.class,
            () -> PcapWriter.udpPacket(endpoint("192.0.2.1", 1), endpoint("2001:db8::2", 2), new byte[0], 0, 0));
        assertThrows(IllegalArgumentException.class,
            () -> PcapWriter.udpPacket(endpoint("192.0.2.1", 1), endpoint("192.0.2.2", 2), new byte[65_508], 0, 65_508));
        final PcapWriter writer = new PcapWriter(new ByteArrayOutputStream(), LinkType.RAW, false);
        assertThrows(IllegalArgumentException.class, () -> writer.writeFrame(-1, new byte[1], 0, 1));
        final PcapWriter sll = new PcapWriter(new ByteArrayOutputStream(), LinkType.LINUX_SLL, false);
        assertThrows(IllegalStateException.class,
            () -> sll.writeUdp(0, endpoint("192.0.2.1", 1), endpoint("192.0.2.2", 2), new byte[1], 0, 1));
    }

    private static int sum(final byte[] buf, final int offset, final int length, final int initial)
    {
        long s = initial;
        for (int i = 0; i < length; i += 2)
        {
            s += ((buf[offset + i] & 0xFF) << 8) | (i + 1 < length ? buf[offset + i + 1] & 0xFF : 0);
        }
        while ((s >>> 16) != 0)
        {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int)s;
    }
}
