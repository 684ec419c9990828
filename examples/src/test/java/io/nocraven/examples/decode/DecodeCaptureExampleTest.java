package io.nocraven.examples.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.codec.CodecOptions;
import io.nocraven.core.capture.CaptureStats;
import io.nocraven.core.record.RecordKind;
import io.nocraven.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the decode example on the sample captures of {@code examples/captures/} and checks its output against the
 * independent oracles of the fixture corpus (tshark, rsyslog, snmptrapd decodes of the same files).
 */
class DecodeCaptureExampleTest
{
    private static final Path CAPTURES = Path.of("captures");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** The sample captures are the fixture files byte for byte, so the fixtures' oracles apply to them. */
    @ParameterizedTest
    @CsvSource({
        "softflowd_v5.pcap, /fixtures/netflow/softflowd_v5.pcap",
        "softflowd_ipfix.pcap, /fixtures/netflow/softflowd_ipfix.pcap",
        "pmacctd_sfprobe_rate8.pcap, /fixtures/netflow/pmacctd_sfprobe_rate8.pcap",
        "logger_rfc5424_udp.pcap, /fixtures/syslog/logger_rfc5424_udp.pcap",
        "snmp_v2c_traps.pcap, /fixtures/snmp/snmp_v2c_traps.pcap",
    })
    void shouldShipSampleCapturesIdenticalToTheFixtures(final String sample, final String fixture) throws IOException
    {
        assertArrayEquals(Fixtures.bytes(fixture), Files.readAllBytes(CAPTURES.resolve(sample)), sample);
    }

    @Test
    void shouldDecodeNetFlowV5LikeTheTsharkOracle() throws IOException
    {
        final Decoded decoded = decode(CAPTURES.resolve("softflowd_v5.pcap"));
        final JsonNode summary = JSON.readTree(Fixtures.text("/fixtures/netflow/softflowd_v5.summary.json"));
        assertEquals(Map.of(RecordKind.FLOW, summary.path("records").path("flow").asLong()), decoded.counts);
        assertEquals(393, decoded.lines.size());
        assertEquals(14, decoded.stats.udpDatagrams());

        // Golden fields of the first record, as in the NetFlow v5 example of docs/record-schema.md.
        final JsonNode first = decoded.lines.get(0);
        assertEquals("netflow-v5", first.path("protocol").asText());
        assertEquals("127.0.0.1:53581", first.path("exporter").asText());
        assertEquals("udp/2055", first.path("listener").asText());
        assertEquals("2026-11-26T09:53:04.475718Z", first.path("receivedAt").asText());
        assertEquals("2024-03-15T10:03:58.241765000Z", first.path("header").path("exportTime").asText());
        assertEquals("2024-03-15T10:00:22.936Z", first.path("fields").path("flowStartMilliseconds").asText());

        // Every record against tshark's decode of the same packet.
        final List<JsonNode> oracle = jsonLines(Fixtures.text("/fixtures/netflow/softflowd_v5.expected.jsonl"));
        for (int i = 0; i < oracle.size(); i++)
        {
            final JsonNode expected = oracle.get(i).path("flow");
            final JsonNode fields = decoded.lines.get(i).path("fields");
            final String at = "record " + i;
            assertEquals(expected.path("src_addr").asText(), fields.path("sourceIPv4Address").asText(), at);
            assertEquals(expected.path("dst_addr").asText(), fields.path("destinationIPv4Address").asText(), at);
            assertEquals(expected.path("src_port").asLong(), fields.path("sourceTransportPort").asLong(), at);
            assertEquals(expected.path("dst_port").asLong(), fields.path("destinationTransportPort").asLong(), at);
            assertEquals(expected.path("protocol").asLong(), fields.path("protocolIdentifier").asLong(), at);
            assertEquals(expected.path("bytes").asLong(), fields.path("octetDeltaCount").asLong(), at);
            assertEquals(expected.path("packets").asLong(), fields.path("packetDeltaCount").asLong(), at);
        }
    }

    @Test
    void shouldDecodeIpfixFlowsAndOptionsLikeTheTsharkOracle() throws IOException
    {
        final Decoded decoded = decode(CAPTURES.resolve("softflowd_ipfix.pcap"));
        final JsonNode records = JSON.readTree(Fixtures.text("/fixtures/netflow/softflowd_ipfix.summary.json")).path("records");
        assertEquals(Map.of(
            RecordKind.FLOW, records.path("flow").asLong(),
            RecordKind.OPTIONS, records.path("options").asLong()), decoded.counts);
        assertEquals(471 + 2, decoded.lines.size());
        final JsonNode options = decoded.lines.stream().filter(l -> "options".equals(l.path("kind").asText())).findFirst()
            .orElseThrow();
        assertEquals(256, options.path("templateId").asInt());
        assertEquals("traffic.pcap", options.path("fields").path("interfaceName").asText());
    }

    @Test
    void shouldDecodeSflowSamplesLikeTheTsharkOracle() throws IOException
    {
        final Decoded decoded = decode(CAPTURES.resolve("pmacctd_sfprobe_rate8.pcap"));
        final JsonNode records = JSON.readTree(Fixtures.text("/fixtures/netflow/pmacctd_sfprobe_rate8.summary.json"))
            .path("records");
        assertEquals(Map.of(
            RecordKind.FLOW, records.path("flow_sample").asLong(),
            RecordKind.COUNTERS, records.path("counters_sample").asLong()), decoded.counts);
        final JsonNode flow = decoded.lines.stream().filter(l -> "flow".equals(l.path("kind").asText())).findFirst()
            .orElseThrow();
        assertEquals("sflow-v5", flow.path("protocol").asText());
        assertEquals(8, flow.path("sample").path("samplingRate").asInt());
        assertEquals(8, flow.path("fields").path("samplingInterval").asInt());
    }

    @Test
    void shouldDecodeSyslogOverUdpLikeRsyslog() throws IOException
    {
        final Decoded decoded = decode(CAPTURES.resolve("logger_rfc5424_udp.pcap"));
        final List<JsonNode> oracle = jsonLines(Fixtures.text("/fixtures/syslog/logger_rfc5424_udp.expected.jsonl"));
        assertEquals(Map.of(RecordKind.SYSLOG, (long)oracle.size()), decoded.counts);
        assertEquals(29, oracle.size());
        assertSyslogMatches(oracle, decoded.lines, "udp/514");
        assertEquals("MSG1", decoded.lines.get(0).path("msgId").asText());
        assertEquals("1", decoded.lines.get(0).path("structuredData").path("timeQuality").path("tzKnown").asText());
    }

    /** TCP: the capture reader reassembles each direction and the syslog framer (RFC 6587) cuts the messages. */
    @ParameterizedTest
    @CsvSource({
        "logger_rfc5424_tcp_octet, 17",
        "logger_tcp_lf, 8",
    })
    void shouldFrameAndDecodeSyslogOverTcp(final String name, final int messages) throws IOException
    {
        final Path capture = temp.resolve(name + ".pcap");
        Files.write(capture, Fixtures.bytes("/fixtures/syslog/" + name + ".pcap"));
        final Decoded decoded = decode(capture);
        final List<JsonNode> oracle = jsonLines(Fixtures.text("/fixtures/syslog/" + name + ".expected.jsonl"));
        assertEquals(messages, oracle.size());
        assertEquals(Map.of(RecordKind.SYSLOG, (long)messages), decoded.counts);
        assertSyslogMatches(oracle, decoded.lines, "tcp/514");
    }

    @Test
    void shouldDecodeSnmpTrapsLikeSnmptrapd() throws IOException
    {
        final Decoded decoded = decode(CAPTURES.resolve("snmp_v2c_traps.pcap"));
        final List<JsonNode> oracle = jsonLines(Fixtures.text("/fixtures/snmp/snmp_v2c_traps.expected.jsonl"));
        assertEquals(Map.of(RecordKind.SNMP_TRAP, 5L), decoded.counts);
        for (int i = 0; i < oracle.size(); i++)
        {
            final JsonNode expected = oracle.get(i);
            final JsonNode actual = decoded.lines.get(i);
            assertEquals("snmp-v2c", actual.path("protocol").asText());
            assertEquals(expected.path("community").asText(), actual.path("community").asText());
            assertEquals(expected.path("request_id").asLong(), actual.path("requestId").asLong());
            assertEquals("127.0.0.1:" + expected.path("src_port").asInt(), actual.path("exporter").asText());
        }
        assertEquals("coldStart", decoded.lines.get(0).path("trapName").asText());
    }

    @Test
    void shouldCarryDecoderStateAcrossCapturesAndSummarise() throws IOException
    {
        final StringBuilder out = new StringBuilder();
        final DecodeCaptureExample example = new DecodeCaptureExample(CodecOptions.defaults(), out);
        for (final String name : List.of("softflowd_v5", "softflowd_ipfix", "pmacctd_sfprobe_rate8", "logger_rfc5424_udp",
            "snmp_v2c_traps"))
        {
            example.decode(CAPTURES.resolve(name + ".pcap"));
        }
        example.finish();
        assertEquals("flow=1260 options=2 counters=2 syslog=29 snmp-trap=5 (total 1298)", example.summary());
        assertEquals(1298, out.chars().filter(c -> c == '\n').count());
    }

    private static void assertSyslogMatches(final List<JsonNode> oracle, final List<JsonNode> lines, final String listener)
    {
        for (int i = 0; i < oracle.size(); i++)
        {
            final JsonNode expected = oracle.get(i);
            final JsonNode actual = lines.get(i);
            final String at = "message " + i;
            assertEquals(listener, actual.path("listener").asText(), at);
            assertEquals(expected.path("format").asText(), actual.path("protocol").asText(), at);
            assertEquals(expected.path("facility").asInt(), actual.path("facility").asInt(), at);
            assertEquals(expected.path("severity").asInt(), actual.path("severity").asInt(), at);
            assertEquals(expected.path("hostname").asText(), actual.path("hostname").asText(), at);
            assertEquals(expected.path("app_name").asText(), actual.path("appName").asText(), at);
            assertEquals(timestampText(expected), actual.path("timestamp").asText().substring(4), at);
            assertEquals(expected.path("msg").asText(), actual.path("message").asText(), at);
        }
    }

    /**
     * The oracle's timestamp after the year: RFC 5424 as written; RFC 3164 ("Nov 26 09:58:35", no year, no zone) as
     * the decoder writes it with its defaults (year resolved from the clock, UTC).
     */
    private static String timestampText(final JsonNode expected)
    {
        final String text = expected.path("timestamp").asText();
        if (!"rfc3164".equals(expected.path("format").asText()))
        {
            return text.substring(4);
        }
        final TemporalAccessor t = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).parse(text);
        return String.format("-%02d-%02dT%02d:%02d:%02dZ", t.get(ChronoField.MONTH_OF_YEAR), t.get(ChronoField.DAY_OF_MONTH),
            t.get(ChronoField.HOUR_OF_DAY), t.get(ChronoField.MINUTE_OF_HOUR), t.get(ChronoField.SECOND_OF_MINUTE));
    }

    private static Decoded decode(final Path capture) throws IOException
    {
        final StringBuilder out = new StringBuilder();
        final DecodeCaptureExample example = new DecodeCaptureExample(CodecOptions.defaults(), out);
        final CaptureStats stats = example.decode(capture);
        example.finish();
        return new Decoded(jsonLines(out.toString()), Map.copyOf(example.counts()), stats);
    }

    private static List<JsonNode> jsonLines(final String text) throws IOException
    {
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            if (!line.isEmpty())
            {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private record Decoded(List<JsonNode> lines, Map<RecordKind, Long> counts, CaptureStats stats)
    {
    }
}
