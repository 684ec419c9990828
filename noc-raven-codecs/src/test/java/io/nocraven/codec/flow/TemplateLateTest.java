package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code *_template_late} captures are the full captures without their first frame (the templates): data sets
 * arrive before their templates. Held, they decode when the templates come; not held, they match tshark (which
 * cannot decode them) exactly; still held at the end of input, each packet is one {@code template not received}.
 */
class TemplateLateTest
{
    private static final String DIR = FlowCaptures.FIXTURES + "netflow/";

    @ParameterizedTest
    @ValueSource(strings = {"softflowd_v9", "pmacctd_nfprobe_v9", "pmacctd_nfprobe_ipfix"})
    void shouldDecodeHeldDataWhenTheTemplatesArrive(final String full)
    {
        final List<FlowCaptures.Datagram> late = FlowCaptures.udp(DIR + full + "_template_late.pcap");
        final List<JsonNode> ours = FlowCaptures.decodeAll(FlowOracleTest.decoderFor(late, FlowOracleTest.fixedClock()), late);
        final List<JsonNode> expected = FlowCaptures.jsonLines(DIR + full + ".expected.jsonl").stream()
            .filter(r -> r.get("header").get("frame").asInt() > 1).collect(Collectors.toList());

        assertTrue(ours.stream().noneMatch(r -> r.get("kind").asText().equals("invalid")));
        assertEquals(expected.size(), ours.size(), "records");
        final List<JsonNode> unmatched = new ArrayList<>(ours);
        final List<String> missing = new ArrayList<>();
        for (final JsonNode e : expected)
        {
            final JsonNode match = unmatched.stream()
                .filter(a -> OracleView.diff(e, a, OracleView.Quirks.NONE).isEmpty()).findFirst().orElse(null);
            if (match == null)
            {
                missing.add(e.toString());
            }
            unmatched.remove(match);
        }
        assertEquals(List.of(), missing.stream().limit(5).collect(Collectors.toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"softflowd_v9_template_late", "pmacctd_nfprobe_v9_template_late", "pmacctd_nfprobe_ipfix_template_late"})
    void shouldMatchTsharkWhenNothingIsHeld(final String capture)
    {
        final List<FlowCaptures.Datagram> late = FlowCaptures.udp(DIR + capture + ".pcap");
        final CodecOptions noHolding = CodecOptions.builder().clock(FlowOracleTest.FIXED).flowHoldBytes(0).build();
        final DatagramDecoder decoder = FlowOracleTest.decoderFor(late, noHolding);
        final List<JsonNode> ours = FlowCaptures.decodeAll(decoder, late);
        final List<JsonNode> expected = FlowCaptures.jsonLines(DIR + capture + ".expected.jsonl");

        final List<JsonNode> decoded = ours.stream().filter(r -> !r.get("kind").asText().equals("invalid")).collect(Collectors.toList());
        final List<JsonNode> tsharkDecoded = expected.stream().filter(r -> !r.get("kind").asText().equals("undecoded"))
            .collect(Collectors.toList());
        assertEquals(tsharkDecoded.size(), decoded.size());
        for (int i = 0; i < decoded.size(); i++)
        {
            assertEquals(List.of(), OracleView.diff(tsharkDecoded.get(i), decoded.get(i), OracleView.Quirks.NONE), "record " + i);
        }
        final long framesWithUndecodedSets = expected.stream().filter(r -> r.get("kind").asText().equals("undecoded"))
            .map(r -> r.get("header").get("frame").asInt()).distinct().count();
        final List<JsonNode> invalid = ours.stream().filter(r -> r.get("kind").asText().equals("invalid")).collect(Collectors.toList());
        assertEquals(framesWithUndecodedSets, invalid.size());
        assertTrue(invalid.stream().allMatch(r -> r.get("reason").asText().equals(HoldQueue.REASON)));
        assertEquals(framesWithUndecodedSets, (long)decoder.counters().failuresByReason().get(HoldQueue.REASON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"softflowd_v9_template_late", "pmacctd_nfprobe_ipfix_template_late"})
    void shouldReportEveryPacketStillHeldAtTheEnd(final String capture)
    {
        final List<FlowCaptures.Datagram> firstFive = FlowCaptures.udp(DIR + capture + ".pcap").subList(0, 5);
        final DatagramDecoder decoder = FlowOracleTest.decoderFor(firstFive, FlowOracleTest.fixedClock());
        final List<JsonNode> ours = FlowCaptures.decodeAll(decoder, firstFive);

        final List<JsonNode> invalid = ours.stream().filter(r -> r.get("kind").asText().equals("invalid")).collect(Collectors.toList());
        assertEquals(5, invalid.size());
        for (int i = 0; i < 5; i++)
        {
            final JsonNode r = invalid.get(i);
            assertEquals(HoldQueue.REASON, r.get("reason").asText());
            assertEquals(firstFive.get(i).payload().length, r.get("length").asInt());
            assertEquals(OracleView.nanos(r.get("receivedAt").asText()), firstFive.get(i).timeNanos());
            assertTrue(r.get("offset").asInt() >= 16, "offset of the first held set");
        }
        assertEquals(5, decoder.counters().held());
    }
}
