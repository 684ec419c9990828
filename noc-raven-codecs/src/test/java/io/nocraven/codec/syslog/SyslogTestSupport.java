package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Decoding helpers for the syslog tests: bytes in, parsed JSON records out. */
final class SyslogTestSupport
{
    static final ObjectMapper JSON = new ObjectMapper();
    static final CodecOptions LENIENT = CodecOptions.defaults();
    static final CodecOptions STRICT = CodecOptions.builder().syslogMode(CodecOptions.SyslogMode.STRICT).build();
    /** Receive time used when a test does not care: 2026-11-26T10:00:00Z (the fixtures' capture day). */
    static final long RECEIVED = Instant.parse("2026-11-26T10:00:00Z").getEpochSecond() * 1_000_000_000L;

    private SyslogTestSupport()
    {
    }

    static CodecOptions options(final CodecOptions.SyslogMode mode, final String zone, final Integer year)
    {
        return CodecOptions.builder().syslogMode(mode).timezone(ZoneId.of(zone, ZoneId.SHORT_IDS)).year(year).build();
    }

    static RecordContext context(final long receivedNanos)
    {
        return new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 40000, "udp/514", receivedNanos);
    }

    /** Decodes one message with a fresh decoder. */
    static JsonNode decode(final CodecOptions options, final long receivedNanos, final byte[] message)
    {
        final List<JsonNode> out = new ArrayList<>();
        decode(new SyslogDecoder(options), receivedNanos, message, out);
        if (out.size() != 1)
        {
            throw new AssertionError("expected one record, got " + out);
        }
        return out.get(0);
    }

    static JsonNode decode(final CodecOptions options, final String message)
    {
        return decode(options, RECEIVED, message.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode decode(final CodecOptions options, final long receivedNanos, final String message)
    {
        return decode(options, receivedNanos, message.getBytes(StandardCharsets.UTF_8));
    }

    static void decode(final DatagramDecoder decoder, final long receivedNanos, final byte[] message, final List<JsonNode> out)
    {
        final JsonRecordWriter writer = new JsonRecordWriter((kind, line) -> out.add(parse(line.toString())));
        decoder.decode(context(receivedNanos), message, 0, message.length, writer);
    }

    static JsonNode parse(final String json)
    {
        try
        {
            return JSON.readTree(json);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON-lines resource from the core test-jar (for example {@code /fixtures/syslog/x.expected.jsonl}). */
    static List<JsonNode> jsonLines(final String resource)
    {
        final List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = SyslogTestSupport.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + resource);
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine())
            {
                if (!line.isBlank())
                {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static String text(final JsonNode node, final String key)
    {
        final JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
