package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.nocraven.codec.syslog.SyslogTestSupport.LENIENT;
import static io.nocraven.codec.syslog.SyslogTestSupport.STRICT;
import static io.nocraven.codec.syslog.SyslogTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 5424 conformance: the §6.5 examples, field rules, timestamps, STRUCTURED-DATA and the strict error columns. */
class Rfc5424ConformanceTest
{
    private static final String BOM = "\uFEFF";

    @Test
    void shouldParseRfcExample1WithBom()
    {
        final JsonNode r = SyslogTestSupport.decode(STRICT,
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - " + BOM + "'su root' failed for lonvick on /dev/pts/8");
        assertEquals("rfc5424", r.get("protocol").asText());
        assertEquals(4, r.get("facility").asInt());
        assertEquals(2, r.get("severity").asInt());
        assertEquals(1, r.get("version").asInt());
        assertEquals("2003-10-11T22:14:15.003Z", text(r, "timestamp"));
        assertEquals("mymachine.example.com", text(r, "hostname"));
        assertEquals("su", text(r, "appName"));
        assertEquals(null, text(r, "procId"));
        assertEquals("ID47", text(r, "msgId"));
        assertTrue(r.get("structuredData").isNull());
        assertEquals("'su root' failed for lonvick on /dev/pts/8", text(r, "message"));
    }

    @Test
    void shouldParseRfcExample2()
    {
        final JsonNode r = SyslogTestSupport.decode(STRICT,
            "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.");
        assertEquals(20, r.get("facility").asInt());
        assertEquals(5, r.get("severity").asInt());
        assertEquals("2003-08-24T05:14:15.000003-07:00", text(r, "timestamp"));
        assertEquals("192.0.2.1", text(r, "hostname"));
        assertEquals("myproc", text(r, "appName"));
        assertEquals("8710", text(r, "procId"));
        assertEquals(null, text(r, "msgId"));
        assertEquals("%% It's time to make the do-nuts.", text(r, "message"));
    }

    @Test
    void shouldParseRfcExamples3And4()
    {
        final JsonNode r3 = SyslogTestSupport.decode(STRICT, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
            + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] " + BOM + "An application event log entry...");
        assertEquals("{\"exampleSDID@32473\":{\"iut\":\"3\",\"eventSource\":\"Application\",\"eventID\":\"1011\"}}",
            r3.get("structuredData").toString());
        assertEquals("An application event log entry...", text(r3, "message"));
        final JsonNode r4 = SyslogTestSupport.decode(STRICT, "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
            + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]");
        assertEquals("{\"exampleSDID@32473\":{\"iut\":\"3\",\"eventSource\":\"Application\",\"eventID\":\"1011\"},"
            + "\"examplePriority@32473\":{\"class\":\"high\"}}", r4.get("structuredData").toString());
        assertTrue(r4.get("message").isNull());
    }

    @Test
    void shouldMapNilValuesToNull()
    {
        final JsonNode r = SyslogTestSupport.decode(STRICT, "<0>1 - - - - - -");
        for (final String key : new String[] {"timestamp", "hostname", "appName", "procId", "msgId", "structuredData", "message"})
        {
            assertTrue(r.get(key).isNull(), key);
        }
        assertEquals("", text(SyslogTestSupport.decode(STRICT, "<0>1 - - - - - - "), "message"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".1", ".12", ".123", ".1234", ".12345", ".123456", ""})
    void shouldKeepOneToSixFractionDigitsAndTheOffsetAsSent(final String fraction)
    {
        for (final String offset : new String[] {"Z", "+00:00", "-23:59", "+14:00", "+05:30"})
        {
            final String ts = "2018-12-31T23:59:59" + fraction + offset;
            assertEquals(ts, text(SyslogTestSupport.decode(STRICT, "<14>1 " + ts + " h a p m - x"), "timestamp"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<34>1 2003-10-11T22:14:15.0031234Z h a - - -|invalid timestamp|33",
        "<34>1 2003-10-11t22:14:15Z h a - - -|invalid timestamp|17",
        "<34>1 2003-10-11T22:14:15z h a - - -|invalid timestamp|26",
        "<34>1 2003-10-11T22:14:15 h a - - -|invalid timestamp|26",
        "<34>1 2003-13-11T22:14:15Z h a - - -|invalid timestamp|12",
        "<34>1 2003-02-29T22:14:15Z h a - - -|invalid timestamp|15",
        "<34>1 2003-10-11T24:14:15Z h a - - -|invalid timestamp|18",
        "<34>1 2003-10-11T22:14:60Z h a - - -|invalid timestamp|24",
        "<34>1 2003-10-11T22:14:15-24:00 h a - - -|invalid timestamp|27",
        "<34>1 2003-10-11T22:14:15.Z h a - - -|invalid timestamp|27",
        "<34>1 03-10-11T22:14:15Z h a - - -|invalid timestamp|9",
        "<34>0 - h a - - -|invalid version|5",
        "<34>1000 - h a - - -|invalid timestamp|5",
        "<34>1|invalid version|6",
        "<192>1 - - - - - -|invalid pri|2",
        "<034>1 - - - - - -|invalid pri|2",
        "<>1 - - - - - -|invalid pri|2",
        "<34 1 - - - - - -|invalid pri|4",
        "1 - - - - - -|invalid pri|1",
        "<34>1 -  a - - -|invalid hostname|9",
        "<34>1 - h\u00e9 a - - -|invalid hostname|10",
        "<34>1 - h a - - [a b=\"1\"|invalid structured data|25",
        "<34>1 - h a - - [a b=1]|invalid structured data|22",
        "<34>1 - h a - - [a b=\"x]y\"]|invalid structured data|24",
        "<34>1 - h a - - [a x=\"1\"][a y=\"2\"]|duplicate sd-id|27",
        "<34>1 - h a - - [a=b]|invalid structured data|19",
        "<34>1 - h a - - [a x=\"1\"]msg|invalid structured data|26",
        "<34>1 - h a - - x|invalid structured data|17",
        "<34>1 - h a - -|invalid structured data|16",
        "<34>1 - h a - - [ x=\"1\"]|invalid structured data|18"})
    void shouldRejectInvalidMessagesInStrictModeWithColumn(final String input, final String reason, final int column)
    {
        final JsonNode r = SyslogTestSupport.decode(STRICT, input);
        assertEquals("invalid", r.get("kind").asText(), r.toString());
        assertEquals(reason, r.get("reason").asText(), r.toString());
        assertEquals(column, r.get("column").asInt(), r.toString());
        assertEquals(column - 1, r.get("offset").asInt(), r.toString());
    }

    @Test
    void shouldRejectOverlongFieldsAtTheFirstByteBeyondTheLimit()
    {
        final String host = "h".repeat(256);
        assertEquals(7 + 255, SyslogTestSupport.decode(STRICT, "<1>1 - " + host + " a - - -").get("offset").asInt());
        assertEquals("syslog", SyslogTestSupport.decode(STRICT, "<1>1 - " + host.substring(1) + " a - - -").get("kind").asText());
        final JsonNode app = SyslogTestSupport.decode(STRICT, "<1>1 - h " + "a".repeat(49) + " - - -");
        assertEquals("invalid app-name", app.get("reason").asText());
        assertEquals(9 + 48, app.get("offset").asInt());
        final JsonNode proc = SyslogTestSupport.decode(STRICT, "<1>1 - h a " + "p".repeat(129) + " - -");
        assertEquals("invalid procid", proc.get("reason").asText());
        final JsonNode msgId = SyslogTestSupport.decode(STRICT, "<1>1 - h a p " + "m".repeat(33) + " -");
        assertEquals("invalid msgid", msgId.get("reason").asText());
        assertEquals("syslog", SyslogTestSupport.decode(LENIENT, "<1>1 - h a p " + "m".repeat(33) + " -").get("kind").asText());
    }

    @Test
    void shouldCapTheNumberOfStructuredDataParams()
    {
        final StringBuilder sd = new StringBuilder("[a");
        for (int i = 0; i < 1025; i++)
        {
            sd.append(" p=\"").append(i).append('"');
        }
        final String msg = "<14>1 - h a - - " + sd + "] tail";
        final JsonNode strict = SyslogTestSupport.decode(STRICT, msg);
        assertEquals("too many fields", text(strict, "reason"));
        final JsonNode lenient = SyslogTestSupport.decode(LENIENT, msg);
        assertTrue(lenient.get("structuredData").isNull());
        assertTrue(text(lenient, "message").endsWith("] tail"));
        final JsonNode atCap = SyslogTestSupport.decode(STRICT, msg.replace(" p=\"1024\"", ""));
        assertEquals(1024, atCap.get("structuredData").get("a").get("p").size());
    }

    @Test
    void shouldUnescapeQuoteBackslashAndBracketAndKeepOtherBackslashes()
    {
        final JsonNode r = SyslogTestSupport.decode(STRICT,
            "<14>1 - h a - - [id a=\"q\\\"uote\" b=\"back\\\\slash\" c=\"br\\]acket\" d=\"other\\n\\x\" e=\"\"] m");
        final JsonNode sd = r.get("structuredData").get("id");
        assertEquals("q\"uote", sd.get("a").asText());
        assertEquals("back\\slash", sd.get("b").asText());
        assertEquals("br]acket", sd.get("c").asText());
        assertEquals("other\\n\\x", sd.get("d").asText());
        assertEquals("", sd.get("e").asText());
    }

    @Test
    void shouldWriteRepeatedParamNamesAsArraysAndMergeRepeatedIdsInLenientMode()
    {
        final JsonNode r = SyslogTestSupport.decode(STRICT, "<14>1 - h a - - [id p=\"1\" q=\"x\" p=\"2\"] m");
        assertEquals("{\"id\":{\"p\":[\"1\",\"2\"],\"q\":\"x\"}}", r.get("structuredData").toString());
        final JsonNode merged = SyslogTestSupport.decode(LENIENT, "<14>1 - h a - - [a x=\"1\"][b y=\"2\"][a x=\"3\" z=\"4\"] m");
        assertEquals("{\"a\":{\"x\":[\"1\",\"3\"],\"z\":\"4\"},\"b\":{\"y\":\"2\"}}", merged.get("structuredData").toString());
    }

    @Test
    void shouldRejectBomFollowedByInvalidUtf8OnlyInStrictMode()
    {
        final ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("<14>1 - h a - - - ".getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(new byte[] {(byte)0xEF, (byte)0xBB, (byte)0xBF, 'o', 'k', (byte)0xC3, '(', '!'});
        final byte[] msg = b.toByteArray();
        final JsonNode strict = SyslogTestSupport.decode(STRICT, SyslogTestSupport.RECEIVED, msg);
        assertEquals("invalid", strict.get("kind").asText());
        assertEquals("invalid utf-8 after bom", strict.get("reason").asText());
        assertEquals(23, strict.get("offset").asInt());
        final JsonNode lenient = SyslogTestSupport.decode(LENIENT, SyslogTestSupport.RECEIVED, msg);
        assertEquals("ok\uFFFD(!", text(lenient, "message"));
    }

    @Test
    void shouldAcceptTheDocumentedViolationsInLenientMode()
    {
        final CodecOptions paris = SyslogTestSupport.options(CodecOptions.SyslogMode.LENIENT, "Europe/Paris", null);
        assertEquals("2003-10-11T22:14:15.123456789Z",
            text(SyslogTestSupport.decode(LENIENT, "<34>1 2003-10-11t22:14:15.123456789z h a - - -"), "timestamp"));
        assertEquals("2003-10-11T22:14:15+02:00", text(SyslogTestSupport.decode(paris, "<34>1 2003-10-11T22:14:15 h a - - -"),
            "timestamp"));
        assertEquals("2003-12-11T22:14:15+01:00", text(SyslogTestSupport.decode(paris, "<34>1 2003-12-11T22:14:15 h a - - -"),
            "timestamp"));
        final JsonNode noSd = SyslogTestSupport.decode(LENIENT, "<34>1 - h a - - this is the message");
        assertTrue(noSd.get("structuredData").isNull());
        assertEquals("this is the message", text(noSd, "message"));
        assertEquals("rfc5424", text(noSd, "dialect"));
        final JsonNode badSd = SyslogTestSupport.decode(LENIENT, "<34>1 - h a - - [broken sd");
        assertEquals("[broken sd", text(badSd, "message"));
        assertEquals("msg", text(SyslogTestSupport.decode(LENIENT, "<34>1 - h a - - [a x=\"1\"]msg"), "message"));
        assertEquals("x]y", SyslogTestSupport.decode(LENIENT,
            "<34>1 - h a - - [a b=\"x]y\"]").get("structuredData").get("a").get("b").asText());
        final JsonNode zeros = SyslogTestSupport.decode(LENIENT, "<034>1 - h\u00e9 a - - -");
        assertEquals(4, zeros.get("facility").asInt());
        assertEquals("h\u00e9", text(zeros, "hostname"));
        final JsonNode truncated = SyslogTestSupport.decode(LENIENT, "<34>1 2003-10-11T22:14:15Z host");
        assertEquals("host", text(truncated, "hostname"));
        assertTrue(truncated.get("appName").isNull());
        final JsonNode fallback = SyslogTestSupport.decode(LENIENT, "<34>1 yesterday h a - - -");
        assertEquals("rfc3164", text(fallback, "protocol"));
        assertEquals("rfc3164-no-timestamp", text(fallback, "dialect"));
        assertEquals("1 yesterday h a - - -", text(fallback, "message"));
    }
}
