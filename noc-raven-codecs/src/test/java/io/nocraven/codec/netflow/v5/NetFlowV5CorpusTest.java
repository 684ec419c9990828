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
        final List<JsonNode> v9 = decodeRaw("nifi-netflow5/invalid_version9.bin");
        assertEquals(1, v9.size());
        assertEquals("invalid", v9.get(0).get("kind").asText());
        assertEquals("unsupported version", v9.get(0).get("reason").asText());
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

    private static List<JsonNode> decodeRaw(final String path)
    {
        return FlowJson.decode(Decoders.create(ProtocolFamily.NETFLOW, CodecOptions.defaults()),
            PcapUdp.resourceBytes(CORPORA + path));
    }
}
