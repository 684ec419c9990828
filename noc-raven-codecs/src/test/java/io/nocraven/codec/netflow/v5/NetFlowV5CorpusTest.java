package io.nocraven.codec.netflow.v5;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.netflow.FlowJson;
import io.nocraven.codec.netflow.PcapUdp;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Third-party NetFlow v5 vectors (goflow2, Apache NiFi, Graylog; see the corpus PROVENANCE in noc-raven-core's
 * fixtures) with golden fields from their {@code expected_values.json}, and the softflowd v1 negative capture.
 */
class NetFlowV5CorpusTest
{
    private static final String CORPORA = "/fixtures/corpora/";

    @Test
    void shouldReportEverySoftflowdV1PacketAsUnsupportedVersion()
    {
        final List<JsonNode> out = NetFlowV5OracleTest.decode("softflowd_v1_unsupported");
        assertEquals(14, out.size());
        for (final JsonNode r : out)
        {
            assertEquals("invalid", r.get("kind").asText());
            assertEquals("unsupported version", r.get("reason").asText());
            assertEquals(0, r.get("offset").asInt());
            assertEquals(r.get("length").asInt() * 2, r.get("hex").asText().length());
            assertEquals("0001", r.get("hex").asText().substring(0, 4));
        }
    }

    @Test
    void shouldDecodeGoflow2Vector()
    {
        final List<JsonNode> out = decodeRaw("goflow2-vectors/nfv5__TestDecodeNetFlowV5__data.bin");
        assertEquals(6, out.size());
        assertEquals(5, out.get(0).get("header").get("version").asInt());
        assertEquals(9, out.get(0).get("fields").get("ingressInterface").asInt());
    }

    @Test
    void shouldDecodeNifiVectors()
    {
        final List<JsonNode> one = decodeRaw("nifi-netflow5/sample1_1record.bin");
        assertEquals(1, one.size());
        assertEquals(1, one.get(0).get("fields").get("packetDeltaCount").asInt());
        assertEquals(64, one.get(0).get("fields").get("octetDeltaCount").asInt());
        final List<JsonNode> three = decodeRaw("nifi-netflow5/sample2_3records.bin");
        assertEquals(3, three.size());
        for (final JsonNode r : three)
        {
            final JsonNode f = r.get("fields");
            assertEquals("10.0.0.2", f.get("sourceIPv4Address").asText());
            assertEquals("10.0.0.3", f.get("destinationIPv4Address").asText());
            assertEquals("0.0.0.0", f.get("ipNextHopIPv4Address").asText());
            assertEquals(3, f.get("ingressInterface").asInt());
        }
        // NiFi's "invalid version" vector is a v5 body with version 9 in the header. With the v9 codec in place the
        // family decoder hands it to NetFlowV9Decoder, which reads the v5 record bytes as a flowset header
        // (id 0x0a00, length 2) and rejects it at offset 20: still one invalid record, now with the real reason.
        final List<JsonNode> v9 = decodeRaw("nifi-netflow5/invalid_version9.bin");
        assertEquals(1, v9.size());
        assertEquals("invalid", v9.get(0).get("kind").asText());
        assertEquals("bad flowset length", v9.get(0).get("reason").asText());
        assertEquals(20, v9.get(0).get("offset").asInt());
    }

    @Test
    void shouldDecodeAllTwelveConcatenatedGraylogPacketsWithUptimeWrap()
    {
        final List<JsonNode> out = decodeRaw("graylog-netflow/netflow-v5-1.dat");
        assertEquals(0, out.stream().filter(r -> "invalid".equals(r.get("kind").asText())).count());
        final JsonNode h = out.get(0).get("header");
        assertEquals(2, h.get("count").asInt());
        assertEquals(3381, h.get("sysUpTime").asLong());
        assertEquals("2015-05-02T18:38:08.280328000Z", h.get("exportTime").asText());
        final JsonNode f0 = out.get(0).get("fields");
        assertEquals("10.0.2.2", f0.get("sourceIPv4Address").asText());
        assertEquals("10.0.2.15", f0.get("destinationIPv4Address").asText());
        assertEquals(54435, f0.get("sourceTransportPort").asInt());
        assertEquals(22, f0.get("destinationTransportPort").asInt());
        assertEquals(6, f0.get("protocolIdentifier").asInt());
        assertEquals(16, f0.get("tcpControlBits").asInt());
        assertEquals(5, f0.get("packetDeltaCount").asInt());
        assertEquals(230, f0.get("octetDeltaCount").asInt());
        assertEquals(4294967295L, f0.get("flowStartSysUpTime").asLong());
        assertEquals(2577, f0.get("flowEndSysUpTime").asLong());
        // first = 2^32 - 1 with sysUptime 3381: the uptime wrapped, the flow started 3382 ms before the export
        assertEquals("2015-05-02T18:38:04.898Z", f0.get("flowStartMilliseconds").asText());
        assertEquals("2015-05-02T18:38:07.476Z", f0.get("flowEndMilliseconds").asText());
        final JsonNode f1 = out.get(1).get("fields");
        assertEquals(24, f1.get("tcpControlBits").asInt());
        assertEquals(304, f1.get("octetDeltaCount").asInt());
        int packets = 0;
        long lastSequence = -1;
        for (final JsonNode r : out)
        {
            final long sequence = r.get("header").get("sequenceNumber").asLong();
            if (sequence != lastSequence)
            {
                packets++;
                lastSequence = sequence;
            }
        }
        assertEquals(12, packets, "export packets decoded from one input");
    }

    @Test
    void shouldDecodeGraylogThirtyRecordPacket()
    {
        final List<JsonNode> out = decodeRaw("graylog-netflow/netflow-v5-2.dat");
        assertEquals(30, out.size());
        final JsonNode h = out.get(0).get("header");
        assertEquals(234994, h.get("sysUpTime").asLong());
        assertEquals("2013-05-20T02:32:18.000000805Z", h.get("exportTime").asText());
        final JsonNode f = out.get(0).get("fields");
        assertEquals("14.63.211.15", f.get("sourceIPv4Address").asText());
        assertEquals("192.168.124.20", f.get("destinationIPv4Address").asText());
        assertEquals(80, f.get("sourceTransportPort").asInt());
        assertEquals(47994, f.get("destinationTransportPort").asInt());
        assertEquals(27, f.get("tcpControlBits").asInt());
        assertEquals(110, f.get("packetDeltaCount").asInt());
        assertEquals(317221, f.get("octetDeltaCount").asInt());
        assertEquals(202473, f.get("flowStartSysUpTime").asLong());
        assertEquals(202992, f.get("flowEndSysUpTime").asLong());
    }

    @ParameterizedTest
    @CsvSource({"netflow5.pcap, 4", "pmacctd-netflow5.pcap, 42", "netgraph-netflow5.pcap, 120"})
    void shouldDecodeGraylogCaptures(final String pcap, final int records)
    {
        final List<PcapUdp.Datagram> datagrams = PcapUdp.read(CORPORA + "graylog-netflow/" + pcap);
        final CountingRecordWriter out = new CountingRecordWriter();
        final var decoder = Decoders.create(ProtocolFamily.NETFLOW, CodecOptions.defaults());
        final RecordContext context = new RecordContext();
        for (final PcapUdp.Datagram d : datagrams)
        {
            assertEquals(DecodeStatus.OK, decoder.decode(context, d.payload(), 0, d.payload().length, out));
        }
        assertEquals(records, out.count(RecordKind.FLOW));
        assertEquals(0, out.count(RecordKind.INVALID));
    }

    /**
     * Graylog's pcaps carry no golden values upstream (only record counts, not enforced), so the first record of each
     * was decoded with tshark 4.0.17 as an independent oracle:
     * {@code tshark -r X.pcap -d udp.port==2055,cflow -c 1 -T fields -E separator=, -E occurrence=f -e cflow.sysuptime
     * -e cflow.unix_secs -e cflow.unix_nsecs -e cflow.srcaddr -e cflow.dstaddr -e cflow.nexthop -e cflow.srcport
     * -e cflow.dstport -e cflow.protocol -e cflow.packets -e cflow.octets -e cflow.timestart -e cflow.timeend
     * -e cflow.inputint -e cflow.outputint -e cflow.srcmask -e cflow.dstmask -e cflow.samplerate}
     * (times converted from tshark's seconds to milliseconds).
     */
    @ParameterizedTest
    @CsvSource({
        "netflow5.pcap, 384069, 1500986281, 2187000, 192.168.1.100, 192.168.1.1, 0.0.0.0, 0, 2048, 1, 1, 84, 33122, "
            + "33122, 0, 0, 0, 0, 100",
        "pmacctd-netflow5.pcap, 349248, 1501507696, 993776000, 172.17.0.2, 192.168.65.1, 0.0.0.0, 55112, 53, 17, 2, "
            + "114, 6877, 6878, 0, 0, 0, 0, 0",
        "netgraph-netflow5.pcap, 342619000, 1502181115, 100879414, 202.12.27.33, 91.64.55.126, 91.64.55.254, 53, "
            + "51647, 17, 1, 752, 342584000, 342584000, 7, 3, 22, 32, 0"})
    void shouldDecodeFirstGraylogRecordLikeTshark(final String pcap, final long uptime, final long secs,
        final long nsecs, final String src, final String dst, final String nextHop, final int srcPort,
        final int dstPort, final int protocol, final long packets, final long octets, final long first,
        final long last, final int input, final int output, final int srcMask, final int dstMask, final int rate)
    {
        final List<JsonNode> out = FlowJson.decode(Decoders.create(ProtocolFamily.NETFLOW, CodecOptions.defaults()),
            PcapUdp.read(CORPORA + "graylog-netflow/" + pcap), "udp/2055");
        final JsonNode h = out.get(0).get("header");
        assertEquals(uptime, h.get("sysUpTime").asLong());
        assertEquals(java.time.Instant.ofEpochSecond(secs, nsecs), java.time.Instant.parse(h.get("exportTime").asText()));
        assertEquals(rate, h.get("samplingInterval").asInt());
        final JsonNode f = out.get(0).get("fields");
        assertEquals(src, f.get("sourceIPv4Address").asText());
        assertEquals(dst, f.get("destinationIPv4Address").asText());
        assertEquals(nextHop, f.get("ipNextHopIPv4Address").asText());
        assertEquals(srcPort, f.get("sourceTransportPort").asInt());
        assertEquals(dstPort, f.get("destinationTransportPort").asInt());
        assertEquals(protocol, f.get("protocolIdentifier").asInt());
        assertEquals(packets, f.get("packetDeltaCount").asLong());
        assertEquals(octets, f.get("octetDeltaCount").asLong());
        assertEquals(first, f.get("flowStartSysUpTime").asLong());
        assertEquals(last, f.get("flowEndSysUpTime").asLong());
        assertEquals(input, f.get("ingressInterface").asInt());
        assertEquals(output, f.get("egressInterface").asInt());
        assertEquals(srcMask, f.get("sourceIPv4PrefixLength").asInt());
        assertEquals(dstMask, f.get("destinationIPv4PrefixLength").asInt());
        assertEquals(rate == 0 ? 1 : rate, f.get("samplingInterval").asInt());
    }

    private static List<JsonNode> decodeRaw(final String path)
    {
        return FlowJson.decode(Decoders.create(ProtocolFamily.NETFLOW, CodecOptions.defaults()),
            PcapUdp.resourceBytes(CORPORA + path));
    }
}
