package io.nocraven.codec.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.nocraven.codec.winevent.WinEventTestSupport.concat;
import static io.nocraven.codec.winevent.WinEventTestSupport.corpus;
import static io.nocraven.codec.winevent.WinEventTestSupport.decode;
import static io.nocraven.codec.winevent.WinEventTestSupport.decoder;
import static io.nocraven.codec.winevent.WinEventTestSupport.gzip;
import static io.nocraven.codec.winevent.WinEventTestSupport.json;
import static io.nocraven.codec.winevent.WinEventTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP ingest cases of {@code winevt-samples.jsonl}: each body, with its Content-Type and Content-Encoding,
 * gives the expected status and number of ingested events. The bearer-token check (401, {@code WWW-Authenticate})
 * is the appliance's HTTP layer and runs before the body reaches this decoder; for those cases this test asserts
 * what the decoder owns: the body itself decodes as it would with a valid token.
 */
class WindowsEventHttpCasesTest
{
    static Stream<JsonNode> cases()
    {
        return corpus().stream().filter(n -> n.path("dialect").asText().equals("http-ingest"));
    }

    @Test
    void shouldHaveEightHttpCases()
    {
        assertEquals(8, cases().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldGiveTheExpectedOutcomeForEveryHttpCase(final JsonNode c)
    {
        final String id = c.get("id").asText();
        final JsonNode headers = c.get("request").get("headers");
        final WinEventTestSupport.Decoded d = decode(decoder(), body(c),
            headers.path("Content-Type").asText(null), headers.path("Content-Encoding").asText(null));
        final JsonNode expected = c.get("expected");
        final int status = expected.get("status").isArray() ? 202 : expected.get("status").asInt();
        if (status == 401)
        {
            assertTrue(headers.path("Authorization").isMissingNode(), id + ": the 401 case is the one without a token");
            assertEquals(202, d.result().httpStatus(), id);
            assertEquals(1, d.result().accepted(), id);
            return;
        }
        final List<Integer> allowed = new ArrayList<>();
        expected.get("status").forEach(s -> allowed.add(s.asInt()));
        if (allowed.isEmpty())
        {
            allowed.add(expected.get("status").asInt());
        }
        assertTrue(allowed.contains(d.result().httpStatus()), id + ": " + d.result());
        assertEquals(expected.get("ingested").asInt(), d.result().accepted(), id);
        assertEquals(expected.get("ingested").asInt(), d.events().size(), id);
        if (status == 400)
        {
            assertEquals(1, d.records().size(), id + ": a refused body gives exactly one invalid record");
            assertEquals(1, d.invalid().size(), id);
        }
        else
        {
            assertEquals(0, d.invalid().size(), id + ": " + d.invalid());
        }
        if (expected.has("canonical_event_id"))
        {
            assertEquals(expected.get("canonical_event_id").asInt(), d.events().get(0).get("eventId").asInt(), id);
        }
    }

    @Test
    void shouldReportWhereTheTruncatedBatchBroke()
    {
        final WinEventTestSupport.Decoded d = decode(body(sample("winevt/http/malformed-json")), "application/json");
        final JsonNode invalid = d.invalid().get(0);
        assertEquals("truncated JSON", invalid.get("reason").asText());
        assertEquals(34, invalid.get("offset").asInt(), "the end of the 34-byte body");
        assertEquals(34, invalid.get("length").asInt());
        assertEquals(IngestResult.Outcome.MALFORMED, d.result().outcome());
        assertEquals("truncated JSON", d.result().reason());
    }

    /** The request body of a case: {@code body} (JSON), {@code body_text}, or the two described by {@code body_note}. */
    static byte[] body(final JsonNode c)
    {
        final JsonNode request = c.get("request");
        if (request.has("body"))
        {
            return json(request.get("body"));
        }
        if (request.has("body_text"))
        {
            return request.get("body_text").asText().getBytes(StandardCharsets.UTF_8);
        }
        final byte[] single = json(sample("winevt/http/single-object").get("request").get("body"));
        return switch (c.get("id").asText())
        {
            case "winevt/http/gzip-body" -> gzip(single);
            case "winevt/http/utf8-bom-body" -> concat(new byte[] {(byte)0xEF, (byte)0xBB, (byte)0xBF}, single);
            default -> throw new IllegalArgumentException("no body rule for " + c.get("id") + ": " + request.get("body_note"));
        };
    }
}
