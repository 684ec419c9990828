package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.StreamFramer;
import io.nocraven.codec.syslog.framing.SyslogFramer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The TCP captures' streams, rebuilt from the oracle (per {@code tcp_stream}: {@code octet_count SP raw} for octet
 * counting, {@code raw LF} for non-transparent framing), come out of {@link SyslogFramer} as exactly the oracle's
 * messages, whether fed whole or in 7-byte pieces.
 */
class SyslogFramerFixtureTest
{
    @Test
    void shouldRecoverEveryOctetCountedMessage()
    {
        check("logger_rfc5424_tcp_octet", true);
    }

    @Test
    void shouldRecoverEveryLfFramedMessage()
    {
        check("logger_tcp_lf", false);
    }

    private static void check(final String capture, final boolean octets)
    {
        final Map<Integer, ByteArrayOutputStream> streams = new LinkedHashMap<>();
        final Map<Integer, List<String>> expected = new LinkedHashMap<>();
        for (final JsonNode e : SyslogTestSupport.jsonLines("/fixtures/syslog/" + capture + ".expected.jsonl"))
        {
            final int stream = e.get("tcp_stream").asInt();
            final byte[] raw = e.get("raw").asText().getBytes(StandardCharsets.UTF_8);
            final ByteArrayOutputStream s = streams.computeIfAbsent(stream, k -> new ByteArrayOutputStream());
            if (octets)
            {
                assertEquals(e.get("octet_count").asInt(), raw.length);
                s.writeBytes((raw.length + " ").getBytes(StandardCharsets.US_ASCII));
                s.writeBytes(raw);
            }
            else
            {
                s.writeBytes(raw);
                s.write('\n');
            }
            expected.computeIfAbsent(stream, k -> new ArrayList<>()).add(e.get("raw").asText());
        }
        assertTrue(streams.size() > 1);
        for (final Map.Entry<Integer, ByteArrayOutputStream> s : streams.entrySet())
        {
            final byte[] bytes = s.getValue().toByteArray();
            for (final int piece : new int[] {bytes.length, 7})
            {
                final List<String> frames = new ArrayList<>();
                final SyslogFramer framer = new SyslogFramer();
                final StreamFramer.FrameHandler handler = new StreamFramer.FrameHandler()
                {
                    @Override
                    public void onFrame(final byte[] buf, final int offset, final int length)
                    {
                        frames.add(new String(buf, offset, length, StandardCharsets.UTF_8));
                    }

                    @Override
                    public void onError(final String reason, final long at, final byte[] buf, final int offset, final int length)
                    {
                        frames.add("error " + reason);
                    }
                };
                for (int i = 0; i < bytes.length; i += piece)
                {
                    framer.onBytes(bytes, i, Math.min(piece, bytes.length - i), handler);
                }
                framer.onEnd(handler);
                assertEquals(expected.get(s.getKey()), frames, capture + " stream " + s.getKey());
                assertEquals(octets ? "octet-counting" : "non-transparent", framer.method());
            }
        }
    }
}
