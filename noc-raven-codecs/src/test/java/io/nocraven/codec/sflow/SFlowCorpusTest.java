package io.nocraven.codec.sflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.netflow.FlowJson;
import io.nocraven.codec.netflow.PcapUdp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * goflow2's sFlow test vectors (BSD-3-Clause, see the corpus PROVENANCE in noc-raven-core's fixtures) with the
 * golden values of their {@code expected_values.json}: a flow sample with an 802.1Q ICMP echo, five expanded flow
 * samples followed by zero padding, and the three discard-sample vectors.
 */
class SFlowCorpusTest
{
    private static final String DIR = "/fixtures/corpora/goflow2-vectors/";

    @Test
    void shouldDecodeFlowSampleWithTaggedIcmpEcho()
    {
        final List<JsonNode> out = decode("sflow__TestSFlowDecode__data.bin");
        assertEquals(1, out.size());
        final JsonNode r = out.get(0);
        assertEquals("flow", r.get("kind").asText());
        assertEquals("172.16.0.17", r.get("header").get("agentAddress").asText());
        final JsonNode s = r.get("sample");
        assertEquals(2048, s.get("samplingRate").asInt());
        assertEquals(12288, s.get("samplePool").asInt());
        assertEquals(1194, s.get("input").asInt());
        assertEquals(1043, s.get("output").asInt());
        final JsonNode f = r.get("fields");
        assertEquals(32, f.get("dot1qVlanId").asInt());
        assertEquals("172.16.32.254", f.get("sourceIPv4Address").asText());
        assertEquals("172.16.32.241", f.get("destinationIPv4Address").asText());
        assertEquals(1, f.get("protocolIdentifier").asInt());
        assertEquals(8, f.get("icmpTypeIPv4").asInt());
        assertEquals(0x0800, f.get("icmpTypeCodeIPv4").asInt());
        assertEquals(2048, f.get("samplingInterval").asInt());
    }

    @Test
    void shouldDecodeFiveExpandedSamplesAndIgnoreTrailingPadding()
    {
        final List<JsonNode> out = decode("sflow__TestExpandedSFlowDecode__data.bin");
        assertEquals(5, out.size());
        for (final JsonNode r : out)
        {
            assertEquals("expandedFlow", r.get("sample").get("type").asText());
            assertEquals(16383, r.get("fields").get("samplingInterval").asInt());
            assertEquals(r.get("fields").get("dot1qVlanId").asInt(), r.get("fields").get("vlanId").asInt());
        }
        assertEquals("185.59.220.147", out.get(0).get("fields").get("sourceIPv4Address").asText());
        assertEquals(443, out.get(0).get("fields").get("sourceTransportPort").asInt());
    }

    @Test
    void shouldDecodeDiscardSamplesAsCounters()
    {
        final JsonNode queue = decode("sflow__TestSFlowDecodeDropEgressQueue__data.bin").get(0);
        assertEquals("counters", queue.get("kind").asText());
        assertEquals("discard", queue.get("sample").get("type").asText());
        assertEquals(256, queue.get("sample").get("drops").asInt());
        assertEquals(1, queue.get("sample").get("reason").asInt());
        assertEquals(42, queue.get("fields").get("egressQueue").asInt());
        final JsonNode acl = decode("sflow__TestSFlowDecodeDropExtendedACL__data.bin").get(0);
        assertEquals(42, acl.get("fields").get("aclNumber").asInt());
        assertEquals("foo!", acl.get("fields").get("aclName").asText());
        assertEquals(2, acl.get("fields").get("aclDirection").asInt());
        final JsonNode function = decode("sflow__TestSFlowDecodeDropExtendedFunction__data.bin").get(0);
        assertEquals("foobar", function.get("fields").get("dropFunction").asText());
        assertEquals(false, function.get("fields").has("samplingInterval"));
    }

    private static List<JsonNode> decode(final String file)
    {
        return FlowJson.decode(new SFlowDecoder(CodecOptions.defaults()), PcapUdp.resourceBytes(DIR + file));
    }
}
