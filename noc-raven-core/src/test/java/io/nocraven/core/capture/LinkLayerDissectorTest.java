package io.nocraven.core.capture;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.nocraven.core.capture.Packets.bytes;
import static io.nocraven.core.capture.Packets.concat;
import static io.nocraven.core.capture.Packets.ipv4;
import static io.nocraven.core.capture.Packets.ipv6;
import static io.nocraven.core.capture.Packets.pcap;
import static io.nocraven.core.capture.Packets.read;
import static io.nocraven.core.capture.Packets.udp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkLayerDissectorTest
{
    private static final byte[] PAYLOAD = "<13>hello".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V4 = ipv4("192.0.2.1", "198.51.100.2", 17, udp(5000, 514, PAYLOAD));
    private static final byte[] V6 = ipv6("2001:db8::1", "2001:db8::2", 17, udp(5001, 514, PAYLOAD));
    private static final List<String> BOTH = List.of("udp 192.0.2.1:5000 > 198.51.100.2:514 9",
        "udp 2001:db8:0:0:0:0:0:1:5001 > 2001:db8:0:0:0:0:0:2:514 9");

    @Test
    void shouldReadEthernetWithoutAndWithVlanAndQinQTags()
    {
        final byte[] macs = new byte[12];
        final Packets.Recorded r = read(pcap(LinkType.ETHERNET,
            concat(macs, bytes(0x08, 0x00), V4),
            concat(macs, bytes(0x81, 0x00, 0x00, 0x0A, 0x86, 0xDD), V6),
            concat(macs, bytes(0x88, 0xA8, 0x00, 0x64, 0x81, 0x00, 0x00, 0x0A, 0x08, 0x00), V4),
            concat(macs, bytes(0x91, 0x00, 0x00, 0x64, 0x81, 0x00, 0x00, 0x0A, 0x86, 0xDD), V6),
            concat(macs, bytes(0x08, 0x06), new byte[28])));
        assertEquals(List.of(BOTH.get(0), BOTH.get(1), BOTH.get(0), BOTH.get(1)), r.events);
        assertEquals(5, r.stats.frames());
        assertEquals(1, r.stats.nonIpFrames());
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(2));
    }

    @Test
    void shouldReadMplsLabelStacksOverEthernet()
    {
        final byte[] macs = new byte[12];
        final Packets.Recorded r = read(pcap(LinkType.ETHERNET,
            concat(macs, bytes(0x88, 0x47, 0x00, 0x01, 0x01, 0x40), V4),
            concat(macs, bytes(0x88, 0x47, 0x00, 0x01, 0x00, 0x40, 0x00, 0x02, 0x01, 0x40), V6)));
        assertEquals(BOTH, r.events);
    }

    @Test
    void shouldReadLinuxCookedV1AndV2()
    {
        final byte[] sllHeader = bytes(0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0);
        final Packets.Recorded v1 = read(pcap(LinkType.LINUX_SLL,
            concat(sllHeader, bytes(0x08, 0x00), V4), concat(sllHeader, bytes(0x86, 0xDD), V6), concat(sllHeader, bytes(0x08, 0x06))));
        assertEquals(BOTH, v1.events);
        assertEquals(1, v1.stats.nonIpFrames());

        final byte[] sll2Rest = bytes(0, 0, 0, 0, 0, 1, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0);
        final Packets.Recorded v2 = read(pcap(LinkType.LINUX_SLL2, concat(bytes(0x08, 0x00), sll2Rest, V4),
            concat(bytes(0x86, 0xDD), sll2Rest, V6)));
        assertEquals(BOTH, v2.events);
    }

    @Test
    void shouldReadBsdNullInEitherHostByteOrderAndOpenBsdLoopInNetworkOrder()
    {
        final Packets.Recorded little = read(pcap(LinkType.NULL, concat(bytes(2, 0, 0, 0), V4), concat(bytes(30, 0, 0, 0), V6)));
        assertEquals(BOTH, little.events);
        final Packets.Recorded big = read(pcap(LinkType.NULL, concat(bytes(0, 0, 0, 2), V4), concat(bytes(0, 0, 0, 24), V6),
            concat(bytes(0, 0, 0, 28), V6), concat(bytes(0, 0, 0, 10), V6), concat(bytes(0, 0, 0, 7), V4)));
        assertEquals(List.of(BOTH.get(0), BOTH.get(1), BOTH.get(1), BOTH.get(1)), big.events);
        assertEquals(1, big.stats.nonIpFrames());
        final Packets.Recorded loop = read(pcap(LinkType.LOOP, concat(bytes(0, 0, 0, 2), V4), concat(bytes(0, 0, 0, 24), V6)));
        assertEquals(BOTH, loop.events);
    }

    @Test
    void shouldReadRawIpUnderEveryRawLinkType()
    {
        for (final int linkType : new int[] {LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14})
        {
            assertEquals(BOTH, read(pcap(linkType, V4, V6)).events, "link type " + linkType);
        }
        final Packets.Recorded v4Only = read(pcap(LinkType.IPV4, V4, V6));
        assertEquals(List.of(BOTH.get(0)), v4Only.events);
        assertEquals(1, v4Only.stats.malformedPackets());
        final Packets.Recorded v6Only = read(pcap(LinkType.IPV6, V4, V6));
        assertEquals(List.of(BOTH.get(1)), v6Only.events);
    }

    @Test
    void shouldCountUnsupportedLinkTypesAndTruncatedHeadersWithoutThrowing()
    {
        final Packets.Recorded unsupported = read(pcap(147, V4));
        assertEquals(List.of(), unsupported.events);
        assertEquals(1, unsupported.stats.unsupportedLinkTypeFrames());

        final Packets.Recorded truncated = read(pcap(LinkType.ETHERNET, new byte[13], concat(new byte[12], bytes(0x08, 0x00),
            Arrays.copyOf(V4, 30))));
        assertEquals(2, truncated.stats.truncatedFrames());
        assertEquals(List.of(), truncated.events);
    }

    @Test
    void shouldSkipIpv6ExtensionHeadersAndIpv4Options()
    {
        final byte[] chained = concat(Packets.ipv6Extension(43), Packets.ipv6Extension(60), Packets.ipv6Extension(17),
            udp(5001, 514, PAYLOAD));
        final byte[] withOptions = concat(bytes(0x46), Arrays.copyOfRange(V4, 1, 20), bytes(1, 1, 1, 0),
            Arrays.copyOfRange(V4, 20, V4.length));
        Bytes.putInt16(withOptions, 2, withOptions.length);
        final Packets.Recorded r = read(pcap(LinkType.RAW, withOptions, ipv6("2001:db8::1", "2001:db8::2", 0, chained)));
        assertEquals(BOTH, r.events);
        assertArrayEquals(PAYLOAD, r.udpPayloads.get(1));
    }
}
