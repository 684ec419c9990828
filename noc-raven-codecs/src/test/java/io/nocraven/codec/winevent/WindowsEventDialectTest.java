package io.nocraven.codec.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import static io.nocraven.codec.winevent.WinEventTestSupport.decode;
import static io.nocraven.codec.winevent.WinEventTestSupport.decoder;
import static io.nocraven.codec.winevent.WinEventTestSupport.json;
import static io.nocraven.codec.winevent.WinEventTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dialect rules beyond the corpus samples: wrappers, user data, name tables, level fallbacks, ambiguity. */
class WindowsEventDialectTest
{
    private static final String WLB = text("winevt/winlogbeat/sys-7036-service-state");
    private static final String NX = text("winevt/nxlog/sys-7036-service-state");
    private static final String PS = text("winevt/powershell/sys-7036-service-state");

    @Test
    void shouldUnwrapPowerShellSecurityIdentifiersAndPropertyValues()
    {
        final ObjectNode r = one(PS
            .replace("\"UserId\":null", "\"UserId\":{\"BinaryLength\":12,\"AccountDomainSid\":null,\"Value\":\"S-1-5-18\"}")
            .replace("{\"Value\":\"stopped\"}", "{\"Value\":7}")
            .replace("{\"Value\":\"Windows Update\"}", "{\"Value\":{\"Value\":\"S-1-5-19\",\"BinaryLength\":12}}"));
        assertEquals("S-1-5-18", r.get("user").asText());
        assertEquals("[\"{\\\"Value\\\":\\\"S-1-5-19\\\",\\\"BinaryLength\\\":12}\",\"7\","
            + "\"770075006100750073007600630000000000\"]", r.get("eventData").toString());
        assertEquals(16384, r.get("qualifiers").asInt());
    }

    @Test
    void shouldKeepWinlogbeatUserDataAndNestedEventDataAsText()
    {
        final ObjectNode r = one(WLB.replace("\"event_data\":{\"param1\":\"Windows Update\"",
            "\"user_data\":{\"xml_name\":\"LogFileCleared\",\"SubjectUserSid\":\"S-1-5-21-1\",\"n\":5},"
                + "\"event_data\":{\"param1\":[\"a\",true]"));
        assertEquals("{\"xml_name\":\"LogFileCleared\",\"SubjectUserSid\":\"S-1-5-21-1\",\"n\":\"5\"}", r.get("userData").toString());
        assertEquals("[\"a\",true]", r.get("eventData").get("param1").asText());
    }

    @Test
    void shouldMapWinlogbeatNamesAndLeaveUnknownNamesUnresolved()
    {
        final ObjectNode failure = one(text("winevt/winlogbeat/sec-4624-network-logon")
            .replace("[\"Audit Success\"]", "[\"Audit Failure\", \"Some Provider Keyword\"]")
            .replace("\"task\":\"Logon\"", "\"task\":\"Logoff\"").replace("\"opcode\":\"Info\"", "\"opcode\":\"Stop\""));
        assertEquals("0x8010000000000000", failure.get("keywords").asText());
        assertEquals(0, failure.get("level").asInt(), "information with an audit keyword is LogAlways");
        assertEquals(12545, failure.get("task").asInt());
        assertEquals(2, failure.get("opcode").asInt());
        final ObjectNode unknown = one(WLB.replace("\"task\":\"None\"", "\"task\":\"Service State Change\"")
            .replace("\"opcode\":\"Info\"", "\"opcode\":\"Frobnicate\"").replace("[\"Classic\"]", "[\"Mystery\"]")
            .replace("\"level\":\"information\"", "\"level\":\"Chatty\""));
        assertTrue(unknown.get("task").isNull());
        assertEquals("Service State Change", unknown.get("taskName").asText());
        assertTrue(unknown.get("opcode").isNull());
        assertEquals("0x0000000000000000", unknown.get("keywords").asText());
        assertTrue(unknown.get("level").isNull());
        assertTrue(unknown.get("levelName").isNull());
        final ObjectNode noKeywords = one(WLB.replace("\"keywords\":[\"Classic\"],", ""));
        assertTrue(noKeywords.get("keywords").isNull());
    }

    @Test
    void shouldFallBackToNxlogSeverityValueAndHandleMissingEventData()
    {
        final ObjectNode r = one(NX.replace("\"EventType\":\"INFO\"", "\"EventType\":\"SOMETHING\"")
            .replace("\"SeverityValue\":2", "\"SeverityValue\":5")
            .replace(",\"param1\":\"Windows Update\",\"param2\":\"stopped\",\"Binary\":\"770075006100750073007600630000000000\"", ""));
        assertEquals(1, r.get("level").asInt());
        assertEquals("Critical", r.get("levelName").asText());
        assertTrue(r.get("eventData").isNull(), r.toString());
        assertTrue(r.get("qualifiers").isNull());
    }

    @Test
    void shouldReadZonelessWinlogbeatTimesInTheConfiguredZone()
    {
        final String local = WLB.replace("\"2024-02-29T23:59:59.5000000Z\"", "\"2024-02-29T23:59:59.5\"");
        final var d = decode(decoder(ZoneId.of("Europe/Berlin")), local.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("2024-02-29T22:59:59.5000000Z", d.events().get(0).get("timeCreated").asText());
    }

    @Test
    void shouldRejectAmbiguousShapes()
    {
        final var d = decode("{\"Id\": 1, \"EventID\": 2}".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("unknown event shape", d.invalid().get(0).get("reason").asText());
    }

    private static ObjectNode one(final String body)
    {
        final var d = decode(body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(1, d.events().size(), d.records().toString());
        return d.events().get(0);
    }

    private static String text(final String id)
    {
        final JsonNode input = sample(id).get("input");
        return new String(json(input), StandardCharsets.UTF_8);
    }
}
