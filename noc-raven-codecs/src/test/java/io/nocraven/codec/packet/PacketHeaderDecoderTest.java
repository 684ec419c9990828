package io.nocraven.codec.packet;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.codec.netflow.FlowJson;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The packet header dissector on goflow2's layer vectors (expected_values.json, "raw_header_parser_vectors") and
 * on hand-built tunnels, QinQ and IPv6 extension headers; every prefix of each vector must decode without an
 * exception and into valid JSON.
 */
class PacketHeaderDecoderTest
{
    private static final String ETH_VLAN_MPLS2_IPV6_ICMPV6 = "005300000001005300000002810000008847000120ff000101ff"
        + "6000000004d83a40fd010000000000000000000000000001fd0100000000000000000000000000028000f96508a4";
    private static final String ETH_IPV6_GRE_IPV4_ICMP = "00530000000100530000000286dd6000000004d82f40"
        + "fd010000000000000000000000000001fd010000000000000000000000000002000008004500"
        + "0064abab0000ff01aaaa0a0000010a00000201018cf7000627c4";

    @Test
    void shouldDecodeVlanMplsIpv6Icmpv6Stack()
    {
        final JsonNode f = decode(ETH_VLAN_MPLS2_IPV6_ICMPV6);
        assertEquals(0, f.get("dot1qVlanId").asInt());
        assertEquals(0x8847, f.get("ethernetType").asInt());
        assertEquals("000120", f.get("mplsTopLabelStackSection").asText());
        assertEquals(18, Integer.parseInt(f.get("mplsTopLabelStackSection").asText(), 16) >>> 4);
        assertEquals(16, Integer.parseInt(f.get("mplsLabelStackSection2").asText(), 16) >>> 4);
        assertEquals(255, f.get("mplsTopLabelTTL").asInt());
        assertEquals(2, f.get("mplsLabelStackDepth").asInt());
        assertEquals("fd01::1", f.get("sourceIPv6Address").asText());
        assertEquals("fd01::2", f.get("destinationIPv6Address").asText());
        assertEquals(58, f.get("protocolIdentifier").asInt());
        assertEquals(128, f.get("icmpTypeIPv6").asInt());
        assertEquals(0, f.get("icmpCodeIPv6").asInt());
    }

    @Test
    void shouldDecodeGreInnerPacket()
    {
        final JsonNode f = decode(ETH_IPV6_GRE_IPV4_ICMP);
        assertEquals(0x86DD, f.get("ethernetType").asInt());
        assertEquals(47, f.get("protocolIdentifier").asInt());
        assertEquals(64, f.get("ipTTL").asInt());
        final JsonNode inner = f.get("inner");
        assertEquals("10.0.0.1", inner.get("sourceIPv4Address").asText());
        assertEquals("10.0.0.2", inner.get("destinationIPv4Address").asText());
        assertEquals(43947, inner.get("fragmentIdentification").asInt());
        assertEquals(255, inner.get("ipTTL").asInt());
        assertEquals(1, inner.get("icmpTypeIPv4").asInt());
        assertEquals(1, inner.get("icmpCodeIPv4").asInt());
    }

    @Test
    void shouldDecodeVxlanInnerFrameAndQinQ()
    {
        final String inner = "0000000000aa0000000000bb" + "88a8" + "a064" + "8100" + "00c8" + "0800"
            + "4500001c0001000040110000c0000201c0000202" + "d4310035000800000000";
        final String outer = "0000000000010000000000020800" + "45000044000100004011000001010101" + "02020202"
            + "c35012b500300000" + "0800000000123400" + inner;
        final JsonNode f = decode(outer);
        assertEquals(4789, f.get("destinationTransportPort").asInt());
        assertEquals(0x1234, f.get("vxlanNetworkIdentifier").asInt());
        final JsonNode in = f.get("inner");
        assertEquals(100, in.get("dot1qVlanId").asInt());
        assertEquals(5, in.get("dot1qPriority").asInt());
        assertEquals(200, in.get("dot1qCustomerVlanId").asInt());
        assertEquals(0x0800, in.get("ethernetType").asInt());
        assertEquals("192.0.2.1", in.get("sourceIPv4Address").asText());
        assertEquals(53, in.get("destinationTransportPort").asInt());
        assertFalse(in.has("inner"));
    }

    @Test
    void shouldWalkIpv6ExtensionHeadersAndStopAtNonFirstFragments()
    {
        final String ipv6 = "6000000000180040" + "20010db8000000000000000000000001" + "20010db8000000000000000000000002";
        final String hopByHop = "2c00000000000000";
        final JsonNode first = decode("000000000001000000000002" + "86dd" + ipv6.replace("00180040", "00180000")
            + hopByHop + "0600000112345678" + "04d2005000000001");
        assertEquals(0, first.get("nextHeaderIPv6").asInt());
        assertEquals(6, first.get("protocolIdentifier").asInt());
        assertEquals(0x12345678L, first.get("fragmentIdentification").asLong());
        assertEquals(1234, first.get("sourceTransportPort").asInt());
        final JsonNode later = decode("000000000001000000000002" + "86dd" + ipv6.replace("00180040", "00182c00")
            + "0600005912345678" + "04d2005000000001");
        assertEquals(11, later.get("fragmentOffset").asInt());
        assertFalse(later.has("sourceTransportPort"));
    }

    @Test
    void shouldNeverThrowOnAnyPrefix()
    {
        for (final String vector : new String[] {ETH_VLAN_MPLS2_IPV6_ICMPV6, ETH_IPV6_GRE_IPV4_ICMP})
        {
            final byte[] bytes = HexFormat.of().parseHex(vector);
            for (int n = 0; n <= bytes.length; n++)
            {
                decode(bytes, n);
            }
        }
    }

    private static JsonNode decode(final String hex)
    {
        final byte[] bytes = HexFormat.of().parseHex(hex);
        return decode(bytes, bytes.length);
    }

    private static JsonNode decode(final byte[] bytes, final int length)
    {
        final StringBuilder line = new StringBuilder();
        final JsonRecordWriter out = new JsonRecordWriter((kind, l) -> line.append(l));
        out.beginRecord(RecordKind.FLOW, null, new RecordContext());
        out.name("fields");
        out.startObject();
        new PacketHeaderDecoder().decode(PacketHeaderDecoder.HEADER_ETHERNET, bytes, 0, length, out);
        out.endObject();
        out.endRecord();
        return FlowJson.parse(line.toString()).get("fields");
    }
}
