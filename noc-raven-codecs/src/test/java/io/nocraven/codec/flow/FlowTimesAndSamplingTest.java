package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the decoders derive beyond the wire fields, checked on the real captures: {@code samplingInterval} from
 * options data on every flow, and absolute flow times from sysUpTime-relative elements (IPFIX: via the options
 * record's systemInitTimeMilliseconds), compared with the same flows exported with absolute times.
 */
class FlowTimesAndSamplingTest
{
    private static List<JsonNode> decode(final String capture)
    {
        final List<FlowCaptures.Datagram> datagrams = FlowCaptures.udp(FlowCaptures.FIXTURES + "netflow/" + capture + ".pcap");
        return FlowCaptures.decodeAll(FlowOracleTest.decoderFor(datagrams, FlowOracleTest.fixedClock()), datagrams);
    }

    private static List<JsonNode> flows(final List<JsonNode> records)
    {
        return records.stream().filter(r -> r.get("kind").asText().equals("flow")).collect(Collectors.toList());
    }

    @ParameterizedTest
    @CsvSource({
        "softflowd_v9, 1", "softflowd_v9_vlan_sampled, 4", "pmacctd_nfprobe_v9_sampled, 10", "softflowd_ipfix, 1",
        "softflowd_ipfix_ether, 1", "pmacctd_nfprobe_ipfix_sampled, 10"})
    void shouldCarryTheSamplingIntervalFromOptionsDataOnEveryFlow(final String capture, final long interval)
    {
        final List<JsonNode> records = decode(capture);

        assertEquals("options", records.get(0).get("kind").asText(), "the options record comes first");
        final List<JsonNode> flows = flows(records);
        assertTrue(flows.size() > 100);
        assertTrue(flows.stream().allMatch(f -> f.get("fields").path("samplingInterval").asLong() == interval));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pmacctd_nfprobe_v9", "pmacctd_nfprobe_ipfix"})
    void shouldNotInventASamplingIntervalWithoutOptionsData(final String capture)
    {
        assertTrue(flows(decode(capture)).stream().noneMatch(f -> f.get("fields").has("samplingInterval")));
    }

    @org.junit.jupiter.api.Test
    void shouldDeriveAbsoluteTimesFromTheSystemInitTime()
    {
        // The same softflowd export of the same traffic, once with sysUpTime times (IE 22/21) and the options record's
        // systemInitTimeMilliseconds, once with IE 152/153. softflowd truncates both the init time and the uptimes to
        // whole milliseconds, so init + uptime may be 1 ms before its own absolute time (never after, never more).
        final List<JsonNode> relative = flows(decode("softflowd_ipfix"));
        final List<JsonNode> absolute = flows(decode("softflowd_ipfix_abs_milli"));

        assertEquals(absolute.size(), relative.size());
        for (int i = 0; i < relative.size(); i++)
        {
            final JsonNode r = relative.get(i).get("fields");
            final JsonNode a = absolute.get(i).get("fields");
            assertEquals(a.get("sourceTransportPort"), r.get("sourceTransportPort"), "same flow " + i);
            for (final String key : List.of("flowStartMilliseconds", "flowEndMilliseconds"))
            {
                final long behind = OracleView.nanos(a.get(key).asText()) - OracleView.nanos(r.get(key).asText());
                assertTrue(behind == 0 || behind == 1_000_000, key + " of flow " + i + ": " + r.get(key) + " vs " + a.get(key));
            }
        }
    }
}
