package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nocraven.codec.syslog.SyslogTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 30 go-syslog RFC 3164 cases (fixtures/corpora/syslog-3164-gosyslog.jsonl) in lenient mode, received at
 * 2026-11-26T10:00:00Z, with their options applied ({@code year}, {@code timezone}/{@code locale_timezone}).
 * <p>
 * Deliberate differences from go-syslog, asserted explicitly below: without a year option go-syslog writes year
 * 0000, this project infers the year from the receive time; go-syslog's {@code timezone} option converts a stamp
 * read as UTC into the zone, this project reads zone-less stamps in the configured zone (go-syslog's
 * {@code locale_timezone} behaviour, and what {@code --timezone} means); the Cisco "components disabled" negatives
 * (19-21) are auto-detected in lenient mode and rejected in strict mode at the byte after the PRI; an absent
 * message counter is null (go-syslog's 0 is its zero value).
 */
class GoSyslog3164CorpusTest
{
    private static final Map<String, String> OUR_TIMESTAMPS = Map.of(
        "gosyslog-3164-22", "2026-12-02T16:31:03Z",
        "gosyslog-3164-23", "2026-12-02T16:31:03Z",
        "gosyslog-3164-24", "2026-01-30T02:08:03+01:00",
        "gosyslog-3164-25", "2026-11-22T17:09:42-05:00",
        "gosyslog-3164-26", "1987-01-30T02:08:03-05:00",
        "gosyslog-3164-27", "2026-12-02T16:31:03Z");

    @Test
    void shouldParseEveryCase()
    {
        final List<JsonNode> cases = SyslogTestSupport.jsonLines("/fixtures/corpora/syslog-3164-gosyslog.jsonl");
        assertEquals(30, cases.size());
        for (final JsonNode c : cases)
        {
            final String id = c.get("id").asText();
            final JsonNode r = SyslogTestSupport.decode(options(c.get("options"), CodecOptions.SyslogMode.LENIENT),
                c.get("input").asText());
            assertEquals("syslog", r.get("kind").asText(), id);
            if (!c.get("valid").asBoolean() && c.has("error"))
            {
                ciscoNegative(id, c, r);
                continue;
            }
            final JsonNode e = c.get("expected");
            assertEquals(e.get("facility").asInt(), r.get("facility").asInt(), id);
            assertEquals(e.get("severity").asInt(), r.get("severity").asInt(), id);
            assertEquals(text(e, "hostname"), text(r, "hostname"), id);
            assertEquals(text(e, "appname"), text(r, "appName"), id);
            assertEquals(text(e, "procid"), text(r, "procId"), id);
            assertEquals(e.has("message") ? text(e, "message") : OUR_MESSAGE.get(id), text(r, "message"), id);
            final String ts = text(r, "timestamp");
            if (e.has("month"))
            {
                assertEquals(String.format("%02d-%02dT%s", e.get("month").asInt(), e.get("day").asInt(), e.get("time").asText()),
                    ts.substring(5, ts.length() - 1), id);
                assertEquals("2026", ts.substring(0, 4), id + " year inferred (Jan..Dec not more than 31 days after the receive time)");
            }
            if (e.has("timestamp"))
            {
                assertEquals(OUR_TIMESTAMPS.getOrDefault(id, e.get("timestamp").asText()), ts, id);
            }
            if (e.has("message_counter"))
            {
                final long counter = e.get("message_counter").asLong();
                assertEquals(counter == 0 ? null : String.valueOf(counter), text(r.get("cisco"), "counter"), id);
                assertEquals(e.has("sequence") ? e.get("sequence").asText() : null, text(r.get("cisco"), "sequence"), id);
                assertEquals(text(e, "clock_unsynced_marker"), text(r.get("cisco"), "clockMarker"), id);
                assertEquals("cisco-ios", r.get("dialect").asText(), id);
            }
        }
    }

    /** go-syslog gives no message for "<13>Dec  2 16:31:03 -" (best effort); here the "-" is the message. */
    private static final Map<String, String> OUR_MESSAGE = Map.of("gosyslog-3164-27", "-");

    private static void ciscoNegative(final String id, final JsonNode c, final JsonNode r)
    {
        assertEquals(23, r.get("facility").asInt(), id);
        assertEquals(5, r.get("severity").asInt(), id);
        assertEquals("cisco-ios", r.get("dialect").asText(), id);
        assertEquals(269_614, r.get("cisco").get("counter").asInt(), id);
        assertEquals(104, r.get("cisco").get("sequence").asInt(), id);
        assertEquals(c.get("input").asText().contains("myhostname") ? "myhostname" : null, text(r, "hostname"), id);
        assertEquals("%LINEPROTO-5-UPDOWN", text(r, "appName"), id);
        assertEquals("LINEPROTO", text(r.get("cisco"), "facility"), id);
        assertEquals("UPDOWN", text(r.get("cisco"), "mnemonic"), id);
        final JsonNode strict = SyslogTestSupport.decode(SyslogTestSupport.STRICT, c.get("input").asText());
        assertEquals("invalid", strict.get("kind").asText(), id);
        assertEquals("invalid timestamp", strict.get("reason").asText(), id);
        assertEquals(5, strict.get("offset").asInt(), id);
        assertEquals(6, strict.get("column").asInt(), id);
    }

    @Test
    void shouldRejectCiscoPrefixAndAcceptPlainTimestampsInStrictMode()
    {
        for (final JsonNode c : SyslogTestSupport.jsonLines("/fixtures/corpora/syslog-3164-gosyslog.jsonl"))
        {
            final String input = c.get("input").asText();
            final JsonNode r = SyslogTestSupport.decode(SyslogTestSupport.STRICT, input);
            final boolean rfcTimestamp = input.matches("<\\d+>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d( .*)?");
            assertEquals(rfcTimestamp ? "syslog" : "invalid", r.get("kind").asText(), c.get("id").asText());
        }
    }

    private static CodecOptions options(final JsonNode o, final CodecOptions.SyslogMode mode)
    {
        final String zone = o.has("timezone") ? o.get("timezone").asText()
            : o.has("locale_timezone") ? o.get("locale_timezone").asText() : "UTC";
        final Integer year = o.has("year") && o.get("year").isInt() ? o.get("year").asInt() : null;
        return SyslogTestSupport.options(mode, zone, year);
    }
}
