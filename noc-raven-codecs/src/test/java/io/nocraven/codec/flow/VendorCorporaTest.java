package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.netflow.v9.NetFlowV9Decoder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Third-party NetFlow v9 samples (fixtures/corpora: Graylog's softflowd, pmacctd and nProbe captures and raw
 * payloads; goflow2's test vectors), decoded whole, with golden fields from their {@code expected_values.json}
 * for at least one record per exporter. Graylog's pcap record counts are flow + options records (nProbe sends an
 * options record with its export statistics).
 */
class VendorCorporaTest
{
    private static final String GRAYLOG = FlowCaptures.FIXTURES + "corpora/graylog-netflow/";
    private static final String GOFLOW2 = FlowCaptures.FIXTURES + "corpora/goflow2-vectors/";

    private static List<JsonNode> decodePcap(final String file)
    {
        final List<FlowCaptures.Datagram> v9 = FlowCaptures.udp(GRAYLOG + file).stream()
            .filter(d -> d.payload()[1] == 9).collect(Collectors.toList());
        return FlowCaptures.decodeAll(new NetFlowV9Decoder(FlowOracleTest.fixedClock()), v9);
    }

    private static List<JsonNode> decodeRaw(final String... files)
    {
        final List<FlowCaptures.Datagram> datagrams = new java.util.ArrayList<>();
        for (final String f : files)
        {
            datagrams.add(new FlowCaptures.Datagram(new byte[] {10, 0, 0, 1}, 9995, 2055, 0, FlowCaptures.resource(f)));
        }
        return FlowCaptures.decodeAll(new NetFlowV9Decoder(FlowOracleTest.fixedClock()), datagrams);
    }

    private static long count(final List<JsonNode> records, final String kind)
    {
        return records.stream().filter(r -> r.get("kind").asText().equals(kind)).count();
    }

    private static boolean has(final JsonNode record, final Map<String, Object> golden)
    {
        return golden.entrySet().stream().allMatch(e -> String.valueOf(e.getValue()).equals(OracleView.value(record, e.getKey())));
    }

    private static void assertContains(final List<JsonNode> records, final Map<String, Object> golden)
    {
        assertTrue(records.stream().anyMatch(r -> has(r, golden)), "no record with " + golden);
    }

    @Test
    void shouldDecodeSoftflowdWithItsSamplingOptions()
    {
        final List<JsonNode> records = decodePcap("netflow9.pcap");

        assertEquals(21, count(records, "flow"));
        assertEquals(1, count(records, "options"));
        assertContains(records, Map.ofEntries(Map.entry("sourceIPv4Address", "8.8.8.8"),
            Map.entry("destinationIPv4Address", "192.168.1.20"), Map.entry("flowEndSysUpTime", 208442),
            Map.entry("flowStartSysUpTime", 208442), Map.entry("octetDeltaCount", 76), Map.entry("packetDeltaCount", 1),
            Map.entry("ingressInterface", 0), Map.entry("egressInterface", 0), Map.entry("sourceTransportPort", 53),
            Map.entry("destinationTransportPort", 34865), Map.entry("protocolIdentifier", 17), Map.entry("tcpControlBits", 0),
            Map.entry("ipVersion", 4), Map.entry("samplingInterval", 100)));
    }

    @Test
    void shouldDecodePmacctdAbsoluteTimes()
    {
        final List<JsonNode> records = decodePcap("pmacctd-netflow9.pcap");

        assertEquals(6, count(records, "flow"));
        assertContains(records, Map.of("flowEndMilliseconds", "2017-07-31T13:38:03.491Z",
            "flowStartMilliseconds", "2017-07-31T13:38:03.473Z", "octetDeltaCount", 68, "packetDeltaCount", 1, "ipVersion", 4,
            "ingressInterface", 0, "egressInterface", 0, "flowDirection", 0, "sourceIPv4Address", "172.17.0.2",
            "destinationIPv4Address", "8.8.4.4"));
    }

    @Test
    void shouldDecodeNprobeCaptures()
    {
        final List<JsonNode> two = decodePcap("nprobe-netflow9-2.pcap");
        assertEquals(7, two.size());
        assertContains(two, Map.ofEntries(Map.entry("octetDeltaCount", 375), Map.entry("packetDeltaCount", 7),
            Map.entry("sourceIPv4Address", "172.17.0.2"), Map.entry("destinationIPv4Address", "93.184.216.34"),
            Map.entry("ipNextHopIPv4Address", "0.0.0.0"), Map.entry("sourceTransportPort", 43296),
            Map.entry("destinationTransportPort", 80), Map.entry("protocolIdentifier", 6), Map.entry("ipClassOfService", 0),
            Map.entry("tcpControlBits", 27), Map.entry("sourceIPv4PrefixLength", 0), Map.entry("destinationIPv4PrefixLength", 0),
            Map.entry("bgpSourceAsNumber", 0), Map.entry("bgpDestinationAsNumber", 15133), Map.entry("flowStartSysUpTime", 3),
            Map.entry("flowEndSysUpTime", 413)));
        assertContains(two, Map.of("sourceIPv4Address", "8.8.4.4", "destinationIPv4Address", "172.17.0.2",
            "sourceTransportPort", 53, "destinationTransportPort", 60546, "bgpSourceAsNumber", 15169, "flowStartSysUpTime", 321));
        assertEquals(898, decodePcap("nprobe-netflow9-3.pcap").size());
        assertEquals(16, decodePcap("nprobe-netflow9-4.pcap").size());
        final List<JsonNode> mixed = decodePcap("nprobe-netflow9.pcap");
        assertEquals(0, count(mixed, "invalid"));
        assertEquals(2, count(mixed, "flow"));
    }

    @Test
    void shouldDecodeRawPayloadsAsOneExporterStream()
    {
        final List<JsonNode> records = decodeRaw(GRAYLOG + "netflow-v9-2-1.dat", GRAYLOG + "netflow-v9-2-2.dat",
            GRAYLOG + "netflow-v9-2-3.dat");

        assertEquals(List.of("options", "flow", "flow"), records.stream().map(r -> r.get("kind").asText()).collect(Collectors.toList()));
        assertEquals("{\"version\":9,\"count\":3,\"sequenceNumber\":0,\"sourceId\":106,\"exportTime\":\"2013-05-21T07:51:49Z\","
            + "\"sysUpTime\":42212}", records.get(0).get("header").toString());
        assertTrue(has(records.get(1), Map.ofEntries(Map.entry("octetDeltaCount", 2818), Map.entry("packetDeltaCount", 8),
            Map.entry("sourceIPv4Address", "192.168.124.1"), Map.entry("destinationIPv4Address", "239.255.255.250"),
            Map.entry("sourceTransportPort", 3072), Map.entry("destinationTransportPort", 1900), Map.entry("protocolIdentifier", 17),
            Map.entry("bgpSourceAsNumber", 0), Map.entry("bgpDestinationAsNumber", 0), Map.entry("ingressInterface", 0),
            Map.entry("egressInterface", 0))));
        assertEquals("2013-05-21T07:51:49Z", records.get(1).get("header").get("exportTime").asText());
        assertTrue(has(records.get(2), Map.of("sourceIPv4Address", "192.168.124.20", "destinationIPv4Address", "121.161.231.32",
            "sourceTransportPort", 42444, "destinationTransportPort", 9090, "protocolIdentifier", 17, "packetDeltaCount", 2,
            "octetDeltaCount", 348)));
        assertEquals("2013-05-21T07:52:43Z", records.get(2).get("header").get("exportTime").asText());
    }

    @Test
    void shouldReportDataWhoseTemplateNeverCame()
    {
        final List<JsonNode> records = decodeRaw(GRAYLOG + "netflow-v9-3_incomplete.dat");

        assertEquals(1, records.size());
        assertEquals(HoldQueue.REASON, records.get(0).get("reason").asText());
        assertEquals(20, records.get(0).get("offset").asInt());
    }

    @Test
    void shouldDecodeConcatenatedExportPackets()
    {
        final List<JsonNode> records = decodeRaw(GRAYLOG + "netflow-v9-1.dat");

        assertEquals(0, count(records, "invalid"));
        assertEquals(List.of(0L, 0L, 1L, 1L, 1L, 1L), records.stream().map(r -> r.get("header").get("sequenceNumber").asLong())
            .collect(Collectors.toList()));
        // flowStartSysUpTime 0xFFFFFFFF is 1 ms before boot: the uptime wraps, 5926 ms before the 5925 ms sysUpTime.
        assertTrue(has(records.get(0), Map.of("flowStartSysUpTime", 4294967295L, "flowEndSysUpTime", 5920,
            "flowStartMilliseconds", "2015-05-02T22:10:01.074Z", "flowEndMilliseconds", "2015-05-02T22:10:06.995Z",
            "sourceIPv4Address", "10.0.2.2", "destinationTransportPort", 22)));
    }

    @Test
    void shouldDecodeGoflow2Vectors()
    {
        final List<JsonNode> records = decodeRaw(GOFLOW2 + "nfv9__TestDecodeNetFlowV9__template.bin",
            GOFLOW2 + "nfv9__TestDecodeNetFlowV9__data.bin");

        assertEquals(21, records.size());
        assertEquals("{\"version\":9,\"count\":21,\"sequenceNumber\":838987420,\"sourceId\":256,"
            + "\"exportTime\":\"2021-11-09T16:36:56Z\",\"sysUpTime\":3015702147,\"sequenceGap\":3}",
            records.get(0).get("header").toString());
        assertTrue(has(records.get(0), Map.ofEntries(Map.entry("packetDeltaCount", 1), Map.entry("octetDeltaCount", 1500),
            Map.entry("sourceIPv4Address", "198.38.120.222"), Map.entry("destinationIPv4Address", "88.121.217.208"),
            Map.entry("ingressInterface", 354), Map.entry("egressInterface", 304), Map.entry("flowEndSysUpTime", 3015698169L),
            Map.entry("flowStartSysUpTime", 3015698169L), Map.entry("sourceTransportPort", 443),
            Map.entry("destinationTransportPort", 15184), Map.entry("bgpSourceAsNumber", 0), Map.entry("bgpDestinationAsNumber", 0),
            Map.entry("bgpNextHopIPv4Address", "252.223.0.0"), Map.entry("sourceIPv4PrefixLength", 24),
            Map.entry("destinationIPv4PrefixLength", 14), Map.entry("protocolIdentifier", 6), Map.entry("tcpControlBits", 16),
            Map.entry("ipClassOfService", 0), Map.entry("flowDirection", 0), Map.entry("forwardingStatus", 64),
            Map.entry("samplerId", 1), Map.entry("ingressVRFID", 1610612738L), Map.entry("egressVRFID", 1610612736L))));
    }
}
