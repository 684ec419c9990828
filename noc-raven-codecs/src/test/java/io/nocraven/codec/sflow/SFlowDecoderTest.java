package io.nocraven.codec.sflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.netflow.FlowJson;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Hand-built sFlow datagrams for what the captures lack: expanded counter samples with every named counter format
 * and an unknown one, the extended router/gateway/user/URL/MPLS/NAT records, sampled IPv4 records, repeated and
 * unknown records, unknown samples, an IPv6 agent, and each invalid case with its offset. The extended-records
 * datagram of {@link #shouldWriteExtendedRecords()} was written to a pcap and decoded with tshark 4.0.17
 * ({@code tshark -d udp.port==6343,sflow -V}) to check the layouts independently: tshark reads the same router,
 * gateway (AS sequence 64510 64511, AS set 64512, communities, localpref 200), user, URL, MPLS, NAT and switch values.
 */
class SFlowDecoderTest
{
    private final SFlowDecoder decoder = new SFlowDecoder(CodecOptions.defaults());

    @Test
    void shouldWriteOneCountersRecordPerSampleWithNamedCounters()
    {
        final XdrOut records = new XdrOut()
            .item(2, new XdrOut().u32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13))
            .item(5, new XdrOut().u32(100).u64(-1L).u32(1, 2, 3, 4))
            .item(1001, new XdrOut().u32(10, 20, 30).u64(1L << 40).u64(12345))
            .item((4413L << 12) | 1, new XdrOut().u32(1, 2))
            .item(1, new XdrOut().u32(1));
        final byte[] d = XdrOut.datagram(1)
            .item(4, new XdrOut().u32(77, 0, 3, 5).bytes(records.toBytes())).toBytes();
        final List<JsonNode> out = FlowJson.decode(decoder, d);
        assertEquals(1, out.size());
        final JsonNode r = out.get(0);
        assertEquals("counters", r.get("kind").asText());
        assertEquals("expandedCounters", r.get("sample").get("type").asText());
        assertEquals(77, r.get("sample").get("sequenceNumber").asInt());
        assertEquals(3, r.get("sample").get("sourceIdIndex").asInt());
        final JsonNode c = r.get("counters");
        assertEquals(3, c.size());
        assertEquals("ethernet", c.get(0).get("type").asText());
        assertEquals(13, c.get(0).get("dot3StatsSymbolErrors").asInt());
        assertEquals("vlan", c.get(1).get("type").asText());
        assertEquals("18446744073709551615", c.get(1).get("octets").asText());
        assertEquals(4, c.get(1).get("discards").asInt());
        assertEquals("processor", c.get(2).get("type").asText());
        assertEquals(1L << 40, c.get(2).get("totalMemory").asLong());
        assertEquals(2, r.get("skippedRecords").asInt(), "enterprise record and too-short generic interface");
        assertEquals(2, decoder.skippedRecords());
    }

    @Test
    void shouldWriteExtendedRecords()
    {
        final XdrOut records = new XdrOut()
            .item(3, new XdrOut().u32(1500, 6, 0x0A000001L, 0x0A000002L, 1234, 443, 0x12, 0x28))
            .item(1002, new XdrOut().u32(1, 0xC0000202L, 24, 16))
            .item(1003, new XdrOut().u32(1, 0xC0000203L, 64500, 64501, 64502, 2, 2, 2, 64510, 64511, 1, 1, 64512,
                2, 0xFFFF0001L, 100, 200))
            .item(1004, new XdrOut().u32(106).string("alice").u32(106).string("bob"))
            .item(1005, new XdrOut().u32(1).string("/index.html").string("example.org"))
            .item(1006, new XdrOut().u32(2).bytes(new byte[16]).u32(1, 16001).u32(2, 299776, 24005))
            .item(1007, new XdrOut().u32(1, 0xCB007101L, 1, 0xCB007102L))
            .item(1001, new XdrOut().u32(10, 1, 20, 2))
            .item(1001, new XdrOut().u32(11, 1, 21, 2))
            .item(99, new XdrOut().u32(1, 2, 3));
        final byte[] d = XdrOut.datagram(1)
            .item(1, new XdrOut().u32(5, (1L << 24) | 17, 256, 1000, 3, 4, (2L << 30) | 5, 10).bytes(records.toBytes()))
            .toBytes();
        final JsonNode r = FlowJson.decode(decoder, d).get(0);
        final JsonNode s = r.get("sample");
        assertEquals(1, s.get("sourceIdType").asInt());
        assertEquals(17, s.get("sourceIdIndex").asInt());
        assertEquals(5, s.get("output").asInt());
        assertEquals(2, s.get("outputFormat").asInt());
        final JsonNode f = r.get("fields");
        assertEquals("10.0.0.1", f.get("sourceIPv4Address").asText());
        assertEquals(443, f.get("destinationTransportPort").asInt());
        assertEquals(0x28, f.get("ipClassOfService").asInt());
        assertEquals("192.0.2.2", f.get("ipNextHopIPv4Address").asText());
        assertEquals(24, f.get("sourceIPv4PrefixLength").asInt());
        assertEquals("192.0.2.3", f.get("bgpNextHopIPv4Address").asText());
        assertEquals(64501, f.get("bgpSourceAsNumber").asInt());
        assertEquals(64502, f.get("bgpPrevAdjacentAsNumber").asInt());
        assertEquals(64510, f.get("bgpNextAdjacentAsNumber").asInt());
        assertEquals(64512, f.get("bgpDestinationAsNumber").asInt());
        assertEquals("[{\"type\":2,\"asNumbers\":[64510,64511]},{\"type\":1,\"asNumbers\":[64512]}]",
            f.get("bgpDestinationAsPath").toString());
        assertEquals("[4294901761,100]", f.get("bgpDestinationCommunityList").toString());
        assertEquals(200, f.get("bgpLocalPreference").asInt());
        assertEquals("alice", f.get("sourceUserName").asText());
        assertEquals("bob", f.get("destinationUserName").asText());
        assertEquals("/index.html", f.get("httpRequestTarget").asText());
        assertEquals("example.org", f.get("httpRequestHost").asText());
        assertEquals("::", f.get("mplsNextHopIPv6Address").asText());
        assertEquals("[299776,24005]", f.get("mplsOutLabelStack").toString());
        assertEquals("203.0.113.2", f.get("postNATDestinationIPv4Address").asText());
        assertEquals(10, f.get("vlanId").asInt());
        assertEquals(256, f.get("samplingInterval").asInt());
        assertEquals(2, r.get("skippedRecords").asInt(), "repeated switch record and unknown format 99");
    }

    @Test
    void shouldSkipUnknownSamplesAndAcceptIpv6Agent()
    {
        final byte[] d = new XdrOut().u32(5, 2).bytes(new byte[] {0x20, 0x01, 0x0d, (byte)0xb8, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 1}).u32(1, 2, 3, 2)
            .item(9, new XdrOut().u32(1, 2))
            .item(2, new XdrOut().u32(1, 5, 0)).toBytes();
        final List<JsonNode> out = FlowJson.decode(decoder, d);
        assertEquals(1, out.size());
        assertEquals("2001:db8::1", out.get(0).get("header").get("agentAddress").asText());
        assertEquals(1, decoder.skippedSamples());
        assertEquals(0, out.get(0).get("counters").size());
    }

    @Test
    void shouldReportInvalidDatagramsWithOffsets()
    {
        final byte[] good = XdrOut.datagram(1).item(2, new XdrOut().u32(1, 5, 1)
            .item(1001, new XdrOut().u32(1, 2, 3).u64(4).u64(5))).toBytes();
        assertEquals("counters", FlowJson.decode(decoder, good).get(0).get("kind").asText());
        assertInvalid(Arrays.copyOf(good, 4), "truncated header", 0);
        assertInvalid(Arrays.copyOf(good, 20), "truncated header", 12);
        assertInvalid(Arrays.copyOf(good, good.length - 1), "truncated sample", 28);
        final byte[] v4 = good.clone();
        v4[3] = 4;
        assertInvalid(v4, "unsupported version", 0);
        final byte[] type = good.clone();
        type[7] = 3;
        assertInvalid(type, "invalid agent address type", 4);
        final byte[] samples = good.clone();
        samples[27] = 100;
        assertInvalid(samples, "invalid sample count", 24);
        final byte[] records = good.clone();
        records[47] = 100;
        assertInvalid(records, "invalid record count", 44);
        final byte[] recordLength = good.clone();
        recordLength[55] = 40;
        assertInvalid(recordLength, "truncated record", 48);
        assertFalse(decoder.counters().failuresByReason().isEmpty());
    }

    private void assertInvalid(final byte[] d, final String reason, final int offset)
    {
        final List<JsonNode> out = FlowJson.decode(decoder, d);
        assertEquals(1, out.size());
        assertEquals("invalid", out.get(0).get("kind").asText());
        assertEquals("sflow-v5", out.get(0).get("protocol").asText());
        assertEquals(reason, out.get(0).get("reason").asText());
        assertEquals(offset, out.get(0).get("offset").asInt());
    }
}
