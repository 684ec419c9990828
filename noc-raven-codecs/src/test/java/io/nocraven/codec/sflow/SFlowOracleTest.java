package io.nocraven.codec.sflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.netflow.FlowJson;
import io.nocraven.codec.netflow.PcapUdp;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * pmacctd sfprobe's sFlow capture (rate 8) against its tshark oracle, sample for sample: datagram header, sample
 * fields, extended switch records, raw packet headers (bytes and tshark's dissection of them) and generic
 * interface counters.
 * <p>
 * Disagreements, documented:
 * <ul>
 *   <li>sfacctd (the second oracle) mis-parses the frame with two MPLS labels (16001/299776): it reports
 *       10.1.1.20 -&gt; 1.187.158.4 protocol 0. tshark decodes it correctly (10.1.1.20 -&gt; 192.0.2.53 TCP 443) and
 *       so do we; this test compares against tshark, so that frame is covered like every other.</li>
 *   <li>tshark's {@code eth.type} is the outer EtherType (0x8100 for tagged frames); our {@code ethernetType} is the
 *       EtherType of the payload after the VLAN tags (IANA IE 256 names the MAC client protocol). For tagged frames
 *       the test checks that ours is the one matching the decoded IP version instead.</li>
 *   <li>The 2-bit interface format of the compact form is split off: {@code input}/{@code output} are the 30-bit
 *       values and {@code inputFormat}/{@code outputFormat} the formats (tshark shows input_if raw; all formats are
 *       0 here).</li>
 *   <li>tshark's {@code sflow_245.header} shows the sampled header with its XDR padding (up to 3 zero bytes past
 *       header_length); our {@code dataLinkFrameSection} is exactly header_length bytes, compared to tshark's
 *       first header_length bytes.</li>
 * </ul>
 */
class SFlowOracleTest
{
    private static final Map<String, String> HEADER = Map.of(
        "version", "version", "agent_address", "agentAddress", "sub_agent_id", "subAgentId",
        "sequence", "sequenceNumber", "sys_uptime_ms", "sysUpTime", "num_samples", "sampleCount");
    private static final Map<String, String> SAMPLE = Map.of(
        "sample_sequence", "sequenceNumber", "source_id_type", "sourceIdType", "source_id_index", "sourceIdIndex",
        "sampling_rate", "samplingRate", "sample_pool", "samplePool", "drops", "drops", "input_if", "input",
        "output_if_format", "outputFormat", "output_if", "output", "num_records", "recordCount");
    private static final Set<String> NOT_COMPARED = Set.of(
        "frame", "capture_time", "agent_address_type", "sample_format", "sample_length", "output_if_raw",
        "record", "enterprise", "format", "length", "header_length", "header_bytes", "decoded");
    private static final Map<String, String> RECORD = Map.ofEntries(
        Map.entry("src_vlan", "vlanId"), Map.entry("src_priority", "vlanPriority"),
        Map.entry("dst_vlan", "postVlanId"), Map.entry("dst_priority", "postVlanPriority"),
        Map.entry("header_protocol", "sampledHeaderProtocol"), Map.entry("frame_length", "dataLinkFrameSize"),
        Map.entry("stripped", "strippedOctets"));
    private static final Map<String, String> COUNTERS = Map.ofEntries(
        Map.entry("if_index", "ifIndex"), Map.entry("if_type", "ifType"), Map.entry("if_speed", "ifSpeed"),
        Map.entry("if_direction", "ifDirection"), Map.entry("if_admin_status", "ifAdminStatus"),
        Map.entry("if_oper_status", "ifOperStatus"), Map.entry("in_octets", "ifInOctets"),
        Map.entry("in_ucast_pkts", "ifInUcastPkts"), Map.entry("in_multicast_pkts", "ifInMulticastPkts"),
        Map.entry("in_broadcast_pkts", "ifInBroadcastPkts"), Map.entry("in_discards", "ifInDiscards"),
        Map.entry("in_errors", "ifInErrors"), Map.entry("in_unknown_protos", "ifInUnknownProtos"),
        Map.entry("out_octets", "ifOutOctets"), Map.entry("out_ucast_pkts", "ifOutUcastPkts"),
        Map.entry("out_multicast_pkts", "ifOutMulticastPkts"), Map.entry("out_broadcast_pkts", "ifOutBroadcastPkts"),
        Map.entry("out_discards", "ifOutDiscards"), Map.entry("out_errors", "ifOutErrors"),
        Map.entry("promiscuous_mode", "ifPromiscuousMode"));

    @Test
    void shouldDecodeEverySampleLikeTshark() throws IOException
    {
        final List<JsonNode> ours = decode("pmacctd_sfprobe_rate8");
        final List<JsonNode> expected = lines("/fixtures/netflow/pmacctd_sfprobe_rate8.expected.jsonl");
        assertEquals(398, expected.size());
        assertEquals(expected.size(), ours.size());
        int mplsSamples = 0;
        for (int i = 0; i < expected.size(); i++)
        {
            final JsonNode want = expected.get(i);
            final JsonNode got = ours.get(i);
            final String where = "sample " + i;
            assertEquals("sflow-v5", got.get("protocol").asText(), where);
            final String[] t = want.get("header").get("capture_time").asText().split("\\.");
            assertEquals(Instant.ofEpochSecond(Long.parseLong(t[0]), Long.parseLong(t[1])).toString(),
                got.get("receivedAt").asText(), where);
            compare(want.get("header"), got.get("header"), HEADER, where);
            compare(want.get("sample"), got.get("sample"), SAMPLE, where);
            assertEquals(0, got.get("skippedRecords").asInt(), where);
            final boolean flow = "flow_sample".equals(want.get("kind").asText());
            assertEquals(flow ? "flow" : "counters", got.get("kind").asText(), where);
            if (flow)
            {
                assertEquals("flow", got.get("sample").get("type").asText());
                final JsonNode fields = got.get("fields");
                assertEquals(want.get("sample").get("sampling_rate").asLong(), fields.get("samplingInterval").asLong());
                for (final JsonNode record : want.get("records"))
                {
                    compare(record, fields, RECORD, where);
                    if (record.has("decoded"))
                    {
                        final int hexLength = record.get("header_length").asInt() * 2;
                        assertEquals(record.get("header_bytes").asText().substring(0, hexLength),
                            fields.get("dataLinkFrameSection").asText(), where);
                        mplsSamples += comparePacket(record.get("decoded"), fields, where);
                    }
                }
            }
            else
            {
                assertEquals("counters", got.get("sample").get("type").asText());
                final JsonNode records = want.get("records");
                assertEquals(records.size(), got.get("counters").size(), where);
                for (int r = 0; r < records.size(); r++)
                {
                    final JsonNode entry = got.get("counters").get(r);
                    assertEquals("genericInterface", entry.get("type").asText());
                    assertEquals(records.get(r).get("format").asInt(), entry.get("format").asInt());
                    compare(records.get(r), entry, COUNTERS, where);
                }
            }
        }
        assertTrue(mplsSamples > 0, "the capture has MPLS samples (the sfacctd mis-parse case)");
    }

    /** @return 1 when the packet had an MPLS stack. */
    private static int comparePacket(final JsonNode decoded, final JsonNode fields, final String where)
    {
        final int ipVersion = decoded.get("ip_version").asInt();
        final String v = ipVersion == 4 ? "IPv4" : "IPv6";
        int mpls = 0;
        for (final Iterator<Map.Entry<String, JsonNode>> it = decoded.fields(); it.hasNext();)
        {
            final Map.Entry<String, JsonNode> e = it.next();
            final String value = e.getValue().asText();
            switch (e.getKey())
            {
                case "eth_src" -> assertEquals(value, fields.get("sourceMacAddress").asText(), where);
                case "eth_dst" -> assertEquals(value, fields.get("destinationMacAddress").asText(), where);
                case "eth_type" ->
                {
                    if (decoded.has("vlan_ids"))
                    {
                        assertEquals(ipVersion == 4 ? 0x0800 : 0x86DD, fields.get("ethernetType").asInt(), where);
                    }
                    else
                    {
                        assertEquals(value, fields.get("ethernetType").asText(), where);
                    }
                }
                case "vlan_ids" ->
                {
                    assertEquals(e.getValue().get(0).asInt(), fields.get("dot1qVlanId").asInt(), where);
                    assertEquals(e.getValue().size() > 1, fields.has("dot1qCustomerVlanId"), where);
                }
                case "mpls_labels" ->
                {
                    mpls = 1;
                    assertEquals(e.getValue().size(), fields.get("mplsLabelStackDepth").asInt(), where);
                    for (int l = 0; l < e.getValue().size(); l++)
                    {
                        final String section = fields.get(l == 0 ? "mplsTopLabelStackSection"
                            : "mplsLabelStackSection" + (l + 1)).asText();
                        assertEquals(e.getValue().get(l).asInt(), Integer.parseInt(section, 16) >>> 4, where);
                    }
                }
                case "ip_version" -> assertEquals(ipVersion, fields.get("ipVersion").asInt(), where);
                case "src_addr" -> assertEquals(value, fields.get("source" + v + "Address").asText(), where);
                case "dst_addr" -> assertEquals(value, fields.get("destination" + v + "Address").asText(), where);
                case "protocol" -> assertEquals(value, fields.get("protocolIdentifier").asText(), where);
                case "tos" -> assertEquals(value, fields.get("ipClassOfService").asText(), where);
                case "ttl" -> assertEquals(value, fields.get("ipTTL").asText(), where);
                case "ip_total_length" -> assertEquals(value, fields.get("totalLengthIPv4").asText(), where);
                case "ip_payload_length" -> assertEquals(value, fields.get("ipPayloadLength").asText(), where);
                case "src_port" -> assertEquals(value, fields.get("sourceTransportPort").asText(), where);
                case "dst_port" -> assertEquals(value, fields.get("destinationTransportPort").asText(), where);
                case "tcp_flags" -> assertEquals(value, fields.get("tcpControlBits").asText(), where);
                case "icmp_type" -> assertEquals(value, fields.get("icmpType" + v).asText(), where);
                case "icmp_code" -> assertEquals(value, fields.get("icmpCode" + v).asText(), where);
                default -> fail("unmapped oracle field " + e.getKey());
            }
        }
        assertFalse(fields.has("inner"), where);
        return mpls;
    }

    private static void compare(final JsonNode want, final JsonNode got, final Map<String, String> names,
        final String where)
    {
        for (final Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();)
        {
            final Map.Entry<String, JsonNode> e = it.next();
            if (NOT_COMPARED.contains(e.getKey()))
            {
                continue;
            }
            final String ours = names.get(e.getKey());
            assertNotNull(ours, "unmapped oracle field " + e.getKey());
            assertNotNull(got.get(ours), where + " missing " + ours);
            assertEquals(e.getValue().asText(), got.get(ours).asText(), where + " " + e.getKey());
        }
    }

    static List<JsonNode> decode(final String capture)
    {
        final List<PcapUdp.Datagram> datagrams = PcapUdp.read("/fixtures/netflow/" + capture + ".pcap");
        return FlowJson.decode(Decoders.create(ProtocolFamily.SFLOW, CodecOptions.defaults()), datagrams, "udp/6343");
    }

    private static List<JsonNode> lines(final String resource) throws IOException
    {
        final List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            SFlowOracleTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)))
        {
            for (String line = r.readLine(); line != null; line = r.readLine())
            {
                out.add(FlowJson.parse(line));
            }
        }
        return out;
    }
}
