package io.nocraven.core.capture;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.nocraven.core.capture.Packets.ipv4;
import static io.nocraven.core.capture.Packets.ipv6;
import static io.nocraven.core.capture.Packets.ipv6Extension;
import static io.nocraven.core.capture.Packets.ipv6Fragment;
import static io.nocraven.core.capture.Packets.payload;
import static io.nocraven.core.capture.Packets.pcap;
import static io.nocraven.core.capture.Packets.read;
import static io.nocraven.core.capture.Packets.udp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IpReassemblerTest
{
    private static final byte[] PAYLOAD = payload(3000, 3);
    /** UDP header + 3000 bytes = 3008 bytes, cut in fragments of 1480, 1480 and 48. */
    private static final byte[] DATAGRAM = udp(2055, 9995, PAYLOAD);

    private static byte[] v4(final int id, final int from, final int to, final boolean more)
    {
        return ipv4("10.0.0.1", "10.0.0.2", 17, id, from, more, Arrays.copyOfRange(DATAGRAM, from, to));
    }

    private static byte[] v6(final int id, final int from, final int to, final boolean more)
    {
        return ipv6("2001:db8::a", "2001:db8::b", 44, ipv6Fragment(17, id, from, more, Arrays.copyOfRange(DATAGRAM, from, to)));
    }

    @Test
    void shouldReassembleIpv4FragmentsInAnyOrder()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, v4(7, 2960, 3008, false), v4(7, 0, 1480, true), v4(7, 1480, 2960, true)));
        assertEquals(List.of("udp 10.0.0.1:2055 > 10.0.0.2:9995 3000"), r.events);
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(0));
        assertEquals(Packets.T0 + 2000, r.udpTimes.get(0), "time of the frame that completed the datagram");
        assertEquals(3, r.stats.fragments());
        assertEquals(1, r.stats.reassembledDatagrams());
        assertEquals(0, r.stats.incompleteDatagrams());
    }

    @Test
    void shouldAcceptADuplicateFragmentAndKeepDatagramsOfDifferentIdsApart()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, v4(1, 0, 1480, true), v4(2, 1480, 2960, true), v4(1, 0, 1480, true),
            v4(2, 0, 1480, true), v4(1, 1480, 2960, true), v4(2, 2960, 3008, false), v4(1, 2960, 3008, false)));
        assertEquals(2, r.events.size());
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(0));
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(1));
        assertEquals(7, r.stats.fragments());
        assertEquals(0, r.stats.incompleteDatagrams());
    }

    @Test
    void shouldCountADatagramWithAMissingFragmentAsIncompleteAndNotDeliverIt()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, v4(9, 0, 1480, true), v4(9, 2960, 3008, false)));
        assertEquals(List.of(), r.events);
        assertEquals(1, r.stats.incompleteDatagrams());
        assertEquals(1, r.stats.fragmentsPending());
        assertEquals(0, r.stats.reassembledDatagrams());
    }

    @Test
    void shouldDropADatagramWhoseFragmentsOverlapWithDifferentBytes()
    {
        final byte[] conflicting = v4(4, 1480, 2960, true);
        conflicting[20 + 100] ^= 0x01;
        final Packets.Recorded r = read(pcap(LinkType.RAW, v4(4, 0, 1480, true), v4(4, 1480, 2960, true), conflicting,
            v4(4, 2960, 3008, false)));
        assertEquals(1, r.stats.fragmentOverlapConflicts());
        assertEquals(2, r.stats.incompleteDatagrams(), "the dropped datagram and the orphan last fragment");
        assertEquals(List.of(), r.events);
    }

    @Test
    void shouldAcceptOverlappingFragmentsWithEqualBytes()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, v4(5, 0, 1480, true), v4(5, 1000, 2960, true), v4(5, 2952, 3008, false)));
        assertEquals(1, r.events.size());
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(0));
    }

    @Test
    void shouldRejectFragmentsBeyond65535BytesAndFragmentsThatDisagreeOnTheEnd()
    {
        final byte[] tooFar = ipv4("10.0.0.1", "10.0.0.2", 17, 6, 65_528, false, new byte[16]);
        final Packets.Recorded r = read(pcap(LinkType.RAW, tooFar, v4(8, 0, 1480, true), v4(8, 2960, 3008, false), v4(8, 1480, 1488, false),
            v4(8, 1480, 2960, true)));
        assertEquals(List.of(), r.events);
        assertEquals(3, r.stats.incompleteDatagrams(), "oversize, the datagram whose end moved, and the orphan fragment after it");
    }

    @Test
    void shouldGiveUpOnReassembliesOlderThanTheFrameLimitAndBoundThePendingTable()
    {
        final byte[][] frames = new byte[IpReassembler.MAX_PENDING + 2][];
        for (int i = 0; i < frames.length; i++)
        {
            frames[i] = v4(100 + i, 0, 1480, true);
        }
        final Packets.Recorded r = read(pcap(LinkType.RAW, frames));
        assertEquals(IpReassembler.MAX_PENDING + 2, r.stats.incompleteDatagrams());
        assertEquals(IpReassembler.MAX_PENDING, r.stats.fragmentsPending());

        final byte[][] aging = new byte[IpReassembler.MAX_AGE_FRAMES + 3][];
        aging[0] = v4(1, 0, 1480, true);
        for (int i = 1; i < aging.length - 2; i++)
        {
            aging[i] = new byte[] {0x45};
        }
        aging[aging.length - 2] = v4(1, 1480, 2960, true);
        aging[aging.length - 1] = v4(1, 2960, 3008, false);
        final Packets.Recorded aged = read(pcap(LinkType.RAW, aging));
        assertEquals(List.of(), aged.events, "the first fragment aged out before the others came");
        assertEquals(2, aged.stats.incompleteDatagrams());
    }

    @Test
    void shouldReassembleIpv6FragmentsOutOfOrderWithADuplicate()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, v6(0x10203, 1480, 2960, true), v6(0x10203, 2960, 3008, false),
            v6(0x10203, 1480, 2960, true), v6(0x10203, 0, 1480, true)));
        assertEquals(List.of("udp 2001:db8:0:0:0:0:0:a:2055 > 2001:db8:0:0:0:0:0:b:9995 3000"), r.events);
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(0));
        assertEquals(4, r.stats.fragments());
    }

    @Test
    void shouldReassembleIpv6WithExtensionHeadersBeforeAndAfterTheFragmentHeader()
    {
        final byte[] inner = Packets.concat(ipv6Extension(17), DATAGRAM);
        final byte[] first = Packets.concat(ipv6Extension(44), ipv6Fragment(60, 5, 0, true, Arrays.copyOfRange(inner, 0, 1600)));
        final byte[] second = Packets.concat(ipv6Extension(44),
            ipv6Fragment(60, 5, 1600, false, Arrays.copyOfRange(inner, 1600, inner.length)));
        final Packets.Recorded r = read(pcap(LinkType.RAW, ipv6("2001:db8::a", "2001:db8::b", 0, second),
            ipv6("2001:db8::a", "2001:db8::b", 0, first)));
        assertEquals(1, r.events.size());
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(0));
    }

    @Test
    void shouldCountAMissingIpv6FragmentAsIncompleteAndTreatAnAtomicFragmentAsWhole()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, v6(77, 0, 1480, true),
            ipv6("2001:db8::a", "2001:db8::b", 44, ipv6Fragment(17, 78, 0, false, DATAGRAM))));
        assertEquals(1, r.events.size(), "only the atomic fragment (RFC 6946)");
        assertEquals(1, r.stats.incompleteDatagrams());
    }
}
