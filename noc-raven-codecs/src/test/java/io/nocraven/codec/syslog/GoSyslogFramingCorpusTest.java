package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.StreamFramer;
import io.nocraven.codec.syslog.framing.SyslogFramer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.nocraven.codec.syslog.SyslogTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 26 go-syslog RFC 6587 cases (fixtures/corpora/syslog-framing-gosyslog.jsonl): the input goes through
 * {@link SyslogFramer} (with the case's maximum length) and each frame through {@link SyslogDecoder}; strict results
 * are compared with {@code results_strict} up to go-syslog's first error (it stops there, this framer goes on),
 * lenient results with {@code results_best_effort}. Where go-syslog's best effort returns a partial RFC 5424 message
 * with a parse error, the lenient decoder re-reads it as RFC 3164: facility and severity must match. The error
 * {@code col} of go-syslog equals the invalid record's 0-based {@code offset}.
 * <p>
 * Deliberate differences: an empty connection (case 00) yields nothing, not an error; a truncated octet-counted
 * frame at the end of the stream (case 05) is reported as a framing error in both modes, not parsed. Every case is
 * also fed one byte at a time and must give the same result.
 */
class GoSyslogFramingCorpusTest
{
    @Test
    void shouldFrameAndDecodeEveryCase()
    {
        final List<JsonNode> cases = SyslogTestSupport.jsonLines("/fixtures/corpora/syslog-framing-gosyslog.jsonl");
        assertEquals(26, cases.size());
        for (final JsonNode c : cases)
        {
            final String id = c.get("id").asText();
            final byte[] input = c.get("input").asText().getBytes(StandardCharsets.UTF_8);
            final int max = c.has("max_message_length") ? c.get("max_message_length").asInt() : SyslogFramer.DEFAULT_MAX_FRAME_LENGTH;
            final List<JsonNode> strict = run(input, max, SyslogTestSupport.STRICT, false);
            final List<JsonNode> lenient = run(input, max, SyslogTestSupport.LENIENT, false);
            assertEquals(strict, run(input, max, SyslogTestSupport.STRICT, true), id + " byte by byte");
            assertEquals(lenient, run(input, max, SyslogTestSupport.LENIENT, true), id + " byte by byte");
            if ("gosyslog-framing-00".equals(id))
            {
                assertTrue(strict.isEmpty() && lenient.isEmpty(), id);
                continue;
            }
            if ("gosyslog-framing-05".equals(id))
            {
                assertEquals(List.of(framingError(SyslogFramer.TRUNCATED_FRAME)), lenient, id);
                assertEquals(lenient, strict, id);
                continue;
            }
            compare(id + " strict", c.get("results_strict"), strict, true);
            compare(id + " lenient", c.get("results_best_effort"), lenient, false);
        }
    }

    private static void compare(final String id, final JsonNode expected, final List<JsonNode> actual, final boolean stopAtError)
    {
        int k = 0;
        for (final JsonNode go : expected)
        {
            assertTrue(k < actual.size(), id + " missing result " + k + " in " + actual);
            final JsonNode ours = actual.get(k++);
            final JsonNode error = go.get("error");
            final boolean readingError = error != null && "reading".equals(text(error, "error"));
            if (error == null || readingError)
            {
                message(id, go.get("message"), ours);
                continue;
            }
            if ("framing".equals(text(error, "error")))
            {
                assertEquals("framing", ours.get("kind").asText(), id + " " + ours);
            }
            else if (stopAtError)
            {
                assertEquals("invalid", ours.get("kind").asText(), id + " " + ours);
                assertEquals(error.get("col").asInt(), ours.get("offset").asInt(), id);
                assertEquals(error.get("col").asInt() + 1, ours.get("column").asInt(), id);
            }
            else
            {
                final int priority = go.get("message").get("priority").asInt();
                assertEquals("syslog", ours.get("kind").asText(), id + " " + ours);
                assertEquals(priority >> 3, ours.get("facility").asInt(), id);
                assertEquals(priority & 7, ours.get("severity").asInt(), id);
            }
            if (stopAtError)
            {
                return;
            }
        }
        assertEquals(expected.size(), actual.size(), id + " " + actual);
    }

    private static void message(final String id, final JsonNode go, final JsonNode ours)
    {
        assertEquals("syslog", ours.get("kind").asText(), id + " " + ours);
        assertEquals(go.get("facility").asInt(), ours.get("facility").asInt(), id);
        assertEquals(go.get("severity").asInt(), ours.get("severity").asInt(), id);
        assertEquals(go.get("version").asInt(), ours.get("version").asInt(), id);
        assertEquals(text(go, "timestamp"), text(ours, "timestamp"), id);
        assertEquals(text(go, "hostname"), text(ours, "hostname"), id);
        assertEquals(text(go, "appname"), text(ours, "appName"), id);
        assertEquals(text(go, "procid"), text(ours, "procId"), id);
        assertEquals(text(go, "msgid"), text(ours, "msgId"), id);
        assertEquals(text(go, "message"), text(ours, "message"), id);
    }

    /** Frames and decodes {@code input}; framing errors come out as {@code {"kind":"framing","reason":...}}. */
    static List<JsonNode> run(final byte[] input, final int max, final CodecOptions options, final boolean byteByByte)
    {
        final List<JsonNode> out = new ArrayList<>();
        final SyslogDecoder decoder = new SyslogDecoder(options);
        final SyslogFramer framer = new SyslogFramer(max);
        final StreamFramer.FrameHandler handler = new StreamFramer.FrameHandler()
        {
            @Override
            public void onFrame(final byte[] buf, final int offset, final int length)
            {
                SyslogTestSupport.decode(decoder, SyslogTestSupport.RECEIVED, java.util.Arrays.copyOfRange(buf, offset,
                    offset + length), out);
            }

            @Override
            public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset, final int length)
            {
                out.add(framingError(reason));
            }
        };
        if (byteByByte)
        {
            for (int i = 0; i < input.length; i++)
            {
                framer.onBytes(input, i, 1, handler);
            }
        }
        else
        {
            framer.onBytes(input, 0, input.length, handler);
        }
        framer.onEnd(handler);
        return out;
    }

    private static JsonNode framingError(final String reason)
    {
        return SyslogTestSupport.JSON.createObjectNode().put("kind", "framing").put("reason", reason);
    }
}
