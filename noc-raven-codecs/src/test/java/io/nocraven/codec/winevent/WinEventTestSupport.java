package io.nocraven.codec.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Loads the Windows event corpus and runs bodies through the decoder, collecting the records as parsed JSON. */
final class WinEventTestSupport
{
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CORPUS = "/fixtures/corpora/winevt-samples.jsonl";
    static final List<String> ENVELOPE = List.of("kind", "protocol", "exporter", "listener", "receivedAt");

    private WinEventTestSupport()
    {
    }

    /** @return every corpus line, parsed. */
    static List<JsonNode> corpus()
    {
        final List<JsonNode> lines = new ArrayList<>();
        try (InputStream in = WinEventTestSupport.class.getResourceAsStream(CORPUS))
        {
            if (in == null)
            {
                throw new IllegalStateException(CORPUS + " not on the test classpath (noc-raven-core test-jar)");
            }
            final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null)
            {
                if (!line.isBlank())
                {
                    lines.add(MAPPER.readTree(line));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return lines;
    }

    /** @return the corpus line with this id. */
    static JsonNode sample(final String id)
    {
        return corpus().stream().filter(n -> n.path("id").asText().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no corpus sample " + id));
    }

    static RecordContext context()
    {
        return new RecordContext().set(new byte[] {(byte)192, 0, 2, 10}, 0, 4, 50_000, "http/8084",
            1_764_583_200_000_000_000L);
    }

    static WindowsEventDecoder decoder(final ZoneId zone)
    {
        return new WindowsEventDecoder(CodecOptions.builder().timezone(zone).build());
    }

    static WindowsEventDecoder decoder()
    {
        return decoder(ZoneOffset.UTC);
    }

    static byte[] json(final JsonNode node)
    {
        try
        {
            return MAPPER.writeValueAsBytes(node);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static byte[] gzip(final byte[] data)
    {
        final ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos))
        {
            gz.write(data);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bos.toByteArray();
    }

    static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The records one body produced, and the result. */
    record Decoded(IngestResult result, List<ObjectNode> records)
    {
        List<ObjectNode> events()
        {
            return records.stream().filter(r -> r.path("kind").asText().equals("windows-event")).toList();
        }

        List<ObjectNode> invalid()
        {
            return records.stream().filter(r -> r.path("kind").asText().equals("invalid")).toList();
        }
    }

    static Decoded decode(final WindowsEventDecoder decoder, final byte[] body, final String contentType, final String encoding)
    {
        final List<ObjectNode> records = new ArrayList<>();
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> records.add(parse(line.toString())));
        final IngestResult result = decoder.decodeBody(context(), body, 0, body.length, contentType, encoding, out);
        return new Decoded(result, records);
    }

    static Decoded decode(final byte[] body, final String contentType)
    {
        return decode(decoder(), body, contentType, null);
    }

    static ObjectNode parse(final String line)
    {
        try
        {
            return (ObjectNode)MAPPER.readTree(line);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("record is not JSON: " + line, ex);
        }
    }
}
