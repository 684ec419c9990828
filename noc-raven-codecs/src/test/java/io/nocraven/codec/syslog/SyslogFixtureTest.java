package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.codec.CodecOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.nocraven.codec.syslog.SyslogTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every message of the real logger/rsyslog captures (fixtures/syslog, see FIXTURES-README.md) decodes to the oracle
 * in {@code X.expected.jsonl}, in strict and lenient mode, and agrees with what rsyslog parsed
 * ({@code X.rsyslog.jsonl}). The raw message text of each oracle line is decoded (the capture reader is not on
 * main yet); the TCP framing of the same messages is covered by {@code SyslogFramerFixtureTest}.
 */
class SyslogFixtureTest
{
    @ParameterizedTest
    @ValueSource(strings = {"logger_rfc3164_udp", "logger_rfc5424_udp", "logger_rfc5424_tcp_octet", "logger_tcp_lf",
        "rsyslog_fwd_rfc3164_udp"})
    void shouldMatchOracleForEveryMessage(final String capture)
    {
        final List<JsonNode> expected = SyslogTestSupport.jsonLines("/fixtures/syslog/" + capture + ".expected.jsonl");
        final List<JsonNode> rsyslog = SyslogTestSupport.jsonLines("/fixtures/syslog/" + capture + ".rsyslog.jsonl");
        assertEquals(expected.size(), rsyslog.size());
        assertFalse(expected.isEmpty());
        for (int i = 0; i < expected.size(); i++)
        {
            final JsonNode e = expected.get(i);
            final long nanos = new BigDecimal(e.get("capture_time").asText()).movePointRight(9).longValueExact();
            final byte[] raw = e.get("raw").asText().getBytes(StandardCharsets.UTF_8);
            for (final CodecOptions options : List.of(SyslogTestSupport.LENIENT, SyslogTestSupport.STRICT))
            {
                final JsonNode r = SyslogTestSupport.decode(options, nanos, raw);
                final String where = capture + " #" + i + " " + options.syslogMode();
                assertMatchesOracle(e, r, where);
                final JsonNode o = rsyslog.get(i);
                assertEquals(o.get("facility").asInt(), r.get("facility").asInt(), where);
                assertEquals(o.get("severity").asInt(), r.get("severity").asInt(), where);
                assertEquals(nil(text(o, "hostname")), text(r, "hostname"), where);
                assertEquals(nil(text(o, "app_name")), text(r, "appName"), where);
                assertEquals(nil(text(o, "procid")), text(r, "procId"), where);
                assertEquals(nil(text(o, "msgid")), text(r, "msgId"), where);
            }
        }
    }

    /** Asserts that a decoded record equals one line of {@code X.expected.jsonl}. */
    static void assertMatchesOracle(final JsonNode e, final JsonNode r, final String where)
    {
        assertEquals("syslog", r.get("kind").asText(), where);
        assertEquals(e.get("format").asText(), r.get("protocol").asText(), where);
        assertEquals(e.get("facility").asInt(), r.get("facility").asInt(), where);
        assertEquals(e.get("severity").asInt(), r.get("severity").asInt(), where);
        assertEquals(text(e, "hostname"), text(r, "hostname"), where);
        assertEquals(text(e, "app_name"), text(r, "appName"), where);
        assertEquals(text(e, "procid"), text(r, "procId"), where);
        assertEquals(text(e, "msg"), text(r, "message"), where);
        if ("rfc5424".equals(e.get("format").asText()))
        {
            assertEquals(e.get("version").asInt(), r.get("version").asInt(), where);
            assertEquals(text(e, "timestamp"), text(r, "timestamp"), where);
            assertEquals(text(e, "msgid"), text(r, "msgId"), where);
            assertEquals(structuredData(e.get("structured_data")), r.get("structuredData"), where);
            assertEquals("rfc5424", r.get("dialect").asText(), where);
        }
        else
        {
            assertEquals(true, r.get("version").isNull(), where);
            assertEquals(iso3164(e.get("timestamp").asText()), text(r, "timestamp"), where);
            assertEquals("rfc3164", r.get("dialect").asText(), where);
        }
    }

    /** The oracle's {@code [{"id", "params": [[name, value]]}]} as this project's {@code {"id": {"name": value}}}. */
    private static JsonNode structuredData(final JsonNode list)
    {
        if (list == null || list.isNull())
        {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        final ObjectNode sd = SyslogTestSupport.JSON.createObjectNode();
        for (final JsonNode element : list)
        {
            final ObjectNode params = sd.putObject(element.get("id").asText());
            for (final JsonNode p : element.get("params"))
            {
                params.put(p.get(0).asText(), p.get(1).asText());
            }
        }
        return sd;
    }

    /** "Nov 26 09:58:26" received in November 2026, zone UTC. */
    private static String iso3164(final String stamp)
    {
        final String[] parts = stamp.trim().split(" +");
        final int month = 1 + List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
            .indexOf(parts[0]);
        return String.format("2026-%02d-%02dT%sZ", month, Integer.parseInt(parts[1]), parts[2]);
    }

    private static String nil(final String rsyslogValue)
    {
        return rsyslogValue == null || "-".equals(rsyslogValue) ? null : rsyslogValue;
    }
}
