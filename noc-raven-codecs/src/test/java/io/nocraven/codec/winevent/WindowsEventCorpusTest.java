package io.nocraven.codec.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.nocraven.codec.winevent.WinEventTestSupport.ENVELOPE;
import static io.nocraven.codec.winevent.WinEventTestSupport.corpus;
import static io.nocraven.codec.winevent.WinEventTestSupport.decode;
import static io.nocraven.codec.winevent.WinEventTestSupport.decoder;
import static io.nocraven.codec.winevent.WinEventTestSupport.json;
import static io.nocraven.codec.winevent.WinEventTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dialect sample of {@code winevt-samples.jsonl} gives exactly its {@code expected_canonical} record (keys
 * renamed to the schema's camelCase), compared as parsed JSON. Where a shipper does not carry a value the corpus
 * lists, the expected value is adjusted by a fixed, documented rule, never per sample:
 * <ul>
 *   <li>PowerShell: the corpus marks {@code time_created} as millisecond-truncated; EventData has no names
 *       ({@code Properties} is positional), so {@code eventData} is the list of the values the Winlogbeat sample of
 *       the same event names, in order.</li>
 *   <li>NXLog: {@code EventTime} has whole seconds only, so the expected time is truncated to the second;
 *       NXLog and Winlogbeat do not send the EventID qualifiers, so {@code qualifiers} is null for them.</li>
 * </ul>
 */
class WindowsEventCorpusTest
{
    private static final Map<String, String> RENAME = new LinkedHashMap<>();

    static
    {
        RENAME.put("time_created", "timeCreated");
        RENAME.put("provider_name", "provider");
        RENAME.put("provider_guid", "providerGuid");
        RENAME.put("event_id", "eventId");
        RENAME.put("level_name", "levelName");
        RENAME.put("record_id", "recordId");
        RENAME.put("process_id", "processId");
        RENAME.put("thread_id", "threadId");
        RENAME.put("user_sid", "user");
        RENAME.put("activity_id", "activityId");
        RENAME.put("event_data", "eventData");
        RENAME.put("user_data", "userData");
    }

    static Stream<JsonNode> samples()
    {
        return corpus().stream().filter(n -> n.has("expected_canonical"));
    }

    @Test
    void shouldHaveEighteenDialectSamples()
    {
        assertEquals(18, samples().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldDecodeEverySampleToItsExpectedCanonicalRecord(final JsonNode sample)
    {
        final String id = sample.get("id").asText();
        final String dialect = id.split("/")[1];
        final ObjectNode actual = decodeOne(sample);
        assertEquals(dialect, actual.remove("dialect").asText(), id);
        ENVELOPE.forEach(actual::remove);
        actual.remove("taskName");
        actual.remove("opcodeName");
        assertEquals(expected(sample, dialect), actual, id);
    }

    @Test
    void shouldGiveTheSameTaskAndOpcodeNamesInEveryDialect()
    {
        for (final String event : List.of("sec-4624-network-logon", "sec-4688-process-create", "sys-7036-service-state",
            "app-1000-crash-error", "sysmon-3-network", "ps-4104-scriptblock-multipart"))
        {
            final ObjectNode wlb = decodeOne(sample("winevt/winlogbeat/" + event));
            for (final String other : List.of("nxlog", "powershell"))
            {
                final ObjectNode r = decodeOne(sample("winevt/" + other + "/" + event));
                assertEquals(wlb.get("taskName"), r.get("taskName"), event + " " + other);
                assertEquals(wlb.get("opcodeName"), r.get("opcodeName"), event + " " + other);
            }
        }
        assertEquals("Logon", decodeOne(sample("winevt/nxlog/sec-4624-network-logon")).get("taskName").asText());
        assertEquals("On create calls", decodeOne(sample("winevt/powershell/ps-4104-scriptblock-multipart"))
            .get("opcodeName").asText());
    }

    static ObjectNode decodeOne(final JsonNode sample)
    {
        final ZoneId zone = sample.has("agent_timezone") ? ZoneId.of(sample.get("agent_timezone").asText()) : ZoneOffset.UTC;
        final WinEventTestSupport.Decoded d = decode(decoder(zone), json(sample.get("input")), "application/json", null);
        assertEquals(1, d.records().size(), sample.get("id") + ": " + d.records());
        assertEquals(1, d.result().accepted(), sample.get("id") + ": " + d.records());
        assertEquals(202, d.result().httpStatus());
        return d.events().get(0);
    }

    private static ObjectNode expected(final JsonNode sample, final String dialect)
    {
        final ObjectNode e = JsonNodeFactory.instance.objectNode();
        sample.get("expected_canonical").fields().forEachRemaining(f -> e.set(RENAME.getOrDefault(f.getKey(), f.getKey()), f.getValue()));
        if (!e.has("qualifiers") || !dialect.equals("powershell"))
        {
            e.putNull("qualifiers");
        }
        final String time = e.get("timeCreated").asText();
        if (dialect.equals("powershell"))
        {
            final String prefix = "millisecond-truncated: ";
            assertTrue(time.startsWith(prefix), time);
            e.put("timeCreated", sevenDigits(Instant.parse(time.substring(prefix.length()))));
            final String event = sample.get("id").asText().substring("winevt/powershell/".length());
            final ArrayNode values = e.putArray("eventData");
            sample("winevt/winlogbeat/" + event).get("expected_canonical").get("event_data").forEach(values::add);
        }
        else if (dialect.equals("nxlog"))
        {
            e.put("timeCreated", sevenDigits(Instant.parse(time).truncatedTo(ChronoUnit.SECONDS)));
        }
        return e;
    }

    static String sevenDigits(final Instant t)
    {
        final String base = t.truncatedTo(ChronoUnit.SECONDS).toString();
        return base.substring(0, base.length() - 1) + String.format(".%07dZ", t.getNano() / 100);
    }
}
