package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windows events posted over HTTP (java.net.http) to the windows-http listener, from the project's corpus
 * ({@code fixtures/corpora/winevt-samples.jsonl}): a batch of each shipper dialect checked field by field against the
 * corpus's {@code expected_canonical} record, and the corpus's HTTP ingest cases (auth, NDJSON, gzip, BOM,
 * malformed) with their expected status and number of events ingested; in the archive and at a real Kafka broker.
 */
@ExtendWith(SharedKafka.class)
class InteropWindowsEventsTest
{
    private static final String PREFIX = "interop-winevt";
    /** The corpus's HTTP cases carry this token in their headers; the listener is configured with it. */
    private static final String TOKEN = "nr_test_0123456789abcdefABCDEF";

    @TempDir
    static Path dir;

    private static TestAppliance app;
    private static DeliveryProbe probe;
    private static List<JsonNode> corpus;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(final EmbeddedKafka kafka) throws Exception
    {
        final List<String> sets = new ArrayList<>(SharedKafka.topicSets(kafka, PREFIX));
        sets.add("listeners.windows-http.enabled=true");
        sets.add("listeners.windows-http.token=" + TOKEN);
        // The corpus's NXLog agent ran in UTC-05:00 and sends local time without a zone.
        sets.add("codec.timezone=-05:00");
        app = new TestAppliance(dir.resolve("appliance"), sets.toArray(String[]::new));
        probe = new DeliveryProbe(app.config.forwarders().archive().directory(), kafka.bootstrap(), PREFIX);
        corpus = new ArrayList<>();
        for (final String line : Fixtures.text("/fixtures/corpora/winevt-samples.jsonl").split("\n"))
        {
            corpus.add(TestAppliance.JSON.readTree(line));
        }
    }

    @AfterAll
    static void stop()
    {
        if (probe != null)
        {
            probe.close();
        }
        if (app != null)
        {
            app.close();
        }
    }

    @Test
    void shouldDecodeABatchOfEachDialect() throws Exception
    {
        for (final String dialect : List.of("winlogbeat", "nxlog", "powershell"))
        {
            final List<JsonNode> cases = corpus.stream().filter(c -> c.get("id").asText().startsWith("winevt/" + dialect
                + "/")).toList();
            assertTrue(cases.size() >= 5, dialect + " cases in the corpus");
            final ArrayNode batch = TestAppliance.JSON.createArrayNode();
            cases.forEach(c -> batch.add(c.get("input")));
            final HttpResponse<String> resp = post(Map.of("Authorization", "Bearer " + TOKEN, "Content-Type",
                "application/json"), batch.toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(202, resp.statusCode(), resp.body());
            assertEquals("{\"outcome\":\"accepted\",\"accepted\":" + cases.size() + ",\"rejected\":0}", resp.body());
            final DeliveryProbe.Delivery d = probe.await(dialect + " batch", this::fromWindowsHttp, cases.size());
            for (final List<JsonNode> end : List.of(d.archive(), d.kafkaValues()))
            {
                for (int i = 0; i < cases.size(); i++)
                {
                    checkCanonical(cases.get(i), dialect, end.get(i));
                }
            }
        }
    }

    @Test
    void shouldAnswerTheCorpusHttpIngestCases() throws Exception
    {
        final List<JsonNode> cases = corpus.stream().filter(c -> c.get("id").asText().startsWith("winevt/http/")).toList();
        assertTrue(cases.size() >= 8, "HTTP cases in the corpus");
        final JsonNode single = cases.stream().filter(c -> c.get("id").asText().endsWith("/single-object")).findFirst()
            .orElseThrow().get("request").get("body");
        for (final JsonNode c : cases)
        {
            final String id = c.get("id").asText();
            final JsonNode req = c.get("request");
            final Map<String, String> headers = TestAppliance.JSON.convertValue(req.get("headers"),
                TestAppliance.JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
            final byte[] body = body(id, req, single);
            final long receivedBefore = received();
            final HttpResponse<String> resp = post(headers, body);
            final JsonNode expected = c.get("expected");
            final List<Integer> statuses = new ArrayList<>();
            if (expected.get("status").isArray())
            {
                expected.get("status").forEach(s -> statuses.add(s.asInt()));
            }
            else
            {
                statuses.add(expected.get("status").asInt());
            }
            assertTrue(statuses.contains(resp.statusCode()), id + ": status " + resp.statusCode() + " " + resp.body());
            final int ingested = expected.get("ingested").asInt();
            if (resp.statusCode() == 401)
            {
                assertEquals("Bearer", resp.headers().firstValue("WWW-Authenticate").orElse(null), id);
                assertEquals(receivedBefore, received(), id + ": nothing journaled without the token");
                probe.await(id, this::fromWindowsHttp, 0);
                continue;
            }
            final int invalid = resp.statusCode() == 400 ? 1 : 0;
            final DeliveryProbe.Delivery d = probe.await(id, this::fromWindowsHttp, ingested + invalid);
            for (final List<JsonNode> end : List.of(d.archive(), d.kafkaValues()))
            {
                assertEquals(ingested, end.stream().filter(r -> "windows-event".equals(r.get("kind").asText())).count(),
                    id);
                if (expected.has("canonical_event_id"))
                {
                    assertEquals(expected.get("canonical_event_id").asInt(), end.get(0).get("eventId").asInt(), id);
                }
                if (invalid == 1)
                {
                    final JsonNode bad = end.get(0);
                    assertEquals("invalid", bad.get("kind").asText(), id);
                    assertEquals("truncated JSON", bad.get("reason").asText(), id);
                }
            }
        }
    }

    private boolean fromWindowsHttp(final JsonNode r)
    {
        return "windows-http".equals(r.get("listener").asText());
    }

    private static long received() throws Exception
    {
        return AdminApiTest.listener(app.getJson("/api/v1/status"), "windows-http").get("received").asLong();
    }

    private static byte[] body(final String id, final JsonNode req, final JsonNode single) throws Exception
    {
        if (req.has("body"))
        {
            return req.get("body").toString().getBytes(StandardCharsets.UTF_8);
        }
        if (req.has("body_text"))
        {
            return req.get("body_text").asText().getBytes(StandardCharsets.UTF_8);
        }
        final byte[] json = single.toString().getBytes(StandardCharsets.UTF_8);
        if (id.endsWith("/gzip-body"))
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out))
            {
                gz.write(json);
            }
            return out.toByteArray();
        }
        if (id.endsWith("/utf8-bom-body"))
        {
            final byte[] b = new byte[json.length + 3];
            b[0] = (byte)0xEF;
            b[1] = (byte)0xBB;
            b[2] = (byte)0xBF;
            System.arraycopy(json, 0, b, 3, json.length);
            return b;
        }
        throw new AssertionError(id + ": no body in the corpus case and no rule to build it");
    }

    private HttpResponse<String> post(final Map<String, String> headers, final byte[] body) throws Exception
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + app.port(ListenerType.WINDOWS_HTTP) + "/api/v1/windows-events"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The record against the corpus's canonical record (snake_case keys; times at the shipper's precision). */
    private static void checkCanonical(final JsonNode c, final String dialect, final JsonNode r)
    {
        final String id = c.get("id").asText();
        final JsonNode e = c.get("expected_canonical");
        assertEquals("windows-event", r.get("kind").asText(), id + " " + r);
        assertEquals("windows-event", r.get("protocol").asText(), id);
        assertEquals(dialect, r.get("dialect").asText(), id);
        final Map<String, String> keys = Map.ofEntries(Map.entry("computer", "computer"),
            Map.entry("channel", "channel"), Map.entry("provider_name", "provider"),
            Map.entry("provider_guid", "providerGuid"), Map.entry("event_id", "eventId"),
            Map.entry("version", "version"), Map.entry("level", "level"), Map.entry("level_name", "levelName"),
            Map.entry("task", "task"), Map.entry("opcode", "opcode"), Map.entry("keywords", "keywords"),
            Map.entry("record_id", "recordId"), Map.entry("process_id", "processId"),
            Map.entry("thread_id", "threadId"), Map.entry("user_sid", "user"), Map.entry("activity_id", "activityId"),
            Map.entry("message", "message"));
        for (final Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext();)
        {
            final Map.Entry<String, JsonNode> f = it.next();
            final String key = keys.get(f.getKey());
            if (key != null)
            {
                assertEquals(f.getValue(), r.get(key), id + ": " + key);
            }
        }
        final String time = e.get("time_created").asText().replace("millisecond-truncated: ", "");
        final int digits = switch (dialect)
        {
            case "nxlog" -> 19;
            case "powershell" -> 23;
            default -> 28;
        };
        assertEquals(time.substring(0, digits), r.get("timeCreated").asText().substring(0, digits), id + ": timeCreated");
        if ("winlogbeat".equals(dialect))
        {
            assertEquals(e.get("event_data"), r.get("eventData"), id + ": eventData");
        }
    }
}
