package io.nocraven.codec.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.core.record.JsonRecordWriter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static io.nocraven.codec.winevent.WinEventTestSupport.context;
import static io.nocraven.codec.winevent.WinEventTestSupport.corpus;
import static io.nocraven.codec.winevent.WinEventTestSupport.decoder;
import static io.nocraven.codec.winevent.WinEventTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix (for the 19 KB NDJSON batch: those in its first and last KiB and every 97th) and many single-bit
 * flips of every corpus body decode without an exception, and the output is
 * always consistent: valid JSON lines; a refused body gives exactly one {@code invalid} record; an accepted body
 * gives one record per event ({@code accepted} events plus {@code rejected} invalid records).
 */
class WindowsEventRobustnessTest
{
    private static final Set<Integer> STATUSES = Set.of(202, 400, 413, 415, 422);
    /** Bodies up to this size are cut at every byte; the larger NDJSON batch at its first and last KiB and every 97th. */
    private static final int FULL_PREFIX_LIMIT = 8192;

    private final WindowsEventDecoder decoder = decoder();

    static List<byte[]> bodies()
    {
        final List<byte[]> bodies = new ArrayList<>();
        for (final JsonNode n : corpus())
        {
            if (n.has("input"))
            {
                bodies.add(json(n.get("input")));
            }
            else
            {
                bodies.add(WindowsEventHttpCasesTest.body(n));
            }
        }
        return bodies;
    }

    @Test
    void shouldSurviveEveryPrefixOfEveryBody()
    {
        int decoded = 0;
        for (final byte[] body : bodies())
        {
            for (int len = 0; len <= body.length; len++)
            {
                if (body.length <= FULL_PREFIX_LIMIT || len < 1024 || len > body.length - 1024 || len % 97 == 0)
                {
                    check(Arrays.copyOf(body, len), len == body.length ? null : "application/json");
                    decoded++;
                }
            }
        }
        assertTrue(decoded > 40_000, "decoded " + decoded + " prefixes");
    }

    @Test
    void shouldSurviveBitFlipsOfEveryBody()
    {
        final Random random = new Random(20261201L);
        for (final byte[] body : bodies())
        {
            final int flips = Math.min(body.length * 8, 1000);
            for (int k = 0; k < flips; k++)
            {
                final int bit = body.length * 8 <= 1000 ? k : random.nextInt(body.length * 8);
                final byte[] copy = body.clone();
                copy[bit >>> 3] ^= (byte)(1 << (bit & 7));
                check(copy, k % 2 == 0 ? null : "application/x-ndjson");
            }
        }
    }

    private void check(final byte[] body, final String contentType)
    {
        final List<JsonNode> records = new ArrayList<>();
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> records.add(WinEventTestSupport.parse(line.toString())));
        final IngestResult r = decoder.decodeBody(context(), body, 0, body.length, contentType, null, out);
        assertTrue(STATUSES.contains(r.httpStatus()), r.toString());
        if (r.outcome() == IngestResult.Outcome.ACCEPTED)
        {
            assertEquals(r.accepted() + r.rejected(), records.size(), r.toString());
            assertEquals(r.accepted(), records.stream().filter(n -> n.get("kind").asText().equals("windows-event")).count());
        }
        else
        {
            assertEquals(1, records.size(), r.toString());
            assertEquals("invalid", records.get(0).get("kind").asText());
        }
    }
}
