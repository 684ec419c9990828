package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.DecodeStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gosnmp corpus (34 datagrams): notifications decode to the tshark-derived expectation, other PDUs are
 * {@code not a notification}, the fuzzer-found crashers are rejected cleanly.
 */
class GosnmpCorpusTest
{
    static final String CORPUS = "/fixtures/corpora/snmp-gosnmp.jsonl";

    @Test
    void shouldDecodeOrRejectEveryCase()
    {
        final List<JsonNode> cases = SnmpTestSupport.resourceJsonLines(CORPUS);
        assertEquals(34, cases.size());
        int notifications = 0;
        int crashers = 0;
        for (final JsonNode c : cases)
        {
            final String id = c.get("id").asText();
            final List<SnmpUser> users = new ArrayList<>();
            final JsonNode cred = c.get("credentials");
            if (cred != null && !cred.isNull())
            {
                users.add(new SnmpUser(cred.get("user").asText(), null, cred.get("auth_protocol").asText(),
                    cred.get("auth_passphrase").asText(), cred.path("priv_protocol").asText("none"),
                    cred.path("priv_passphrase").asText(null), null));
            }
            final SnmpTestSupport.Result r = SnmpTestSupport.decode(SnmpTestSupport.decoder(users),
                SnmpTestSupport.hex(c.get("packet_hex").asText()));
            final JsonNode record = r.single();
            final JsonNode expected = c.get("expected");
            if (expected.path("must_reject_without_crash").asBoolean())
            {
                crashers++;
                assertEquals(DecodeStatus.INVALID, r.status(), id);
                assertEquals("invalid", record.get("kind").asText(), id);
            }
            else if ("SNMPv2-Trap".equals(expected.get("pdu_type").asText()))
            {
                notifications++;
                assertEquals(DecodeStatus.OK, r.status(), id + ": " + record);
                assertEquals(expectedVarbinds(expected), actualVarbinds(record), id);
                assertEquals(expected.get("request_id").asLong(), record.get("requestId").asLong(), id);
                if (expected.has("msgUserName"))
                {
                    assertEquals(expected.get("msgUserName").asText(), record.get("user").asText(), id);
                    assertEquals(expected.get("msgAuthoritativeEngineID").asText().replace(":", ""),
                        record.get("engineId").asText(), id);
                }
                else
                {
                    assertEquals(expected.get("community").asText(), record.get("community").asText(), id);
                }
            }
            else
            {
                assertEquals(DecodeStatus.INVALID, r.status(), id);
                assertEquals("not a notification", record.get("reason").asText(), id);
            }
        }
        assertEquals(3, notifications);
        assertEquals(9, crashers);
    }

    @Test
    void shouldDecodeATrapFollowedByJunkAndCountTheTrailingBytes()
    {
        final JsonNode trap1 = SnmpTestSupport.resourceJsonLines(CORPUS).stream()
            .filter(c -> "gosnmp/trap1".equals(c.get("id").asText())).findFirst().orElseThrow();
        final byte[] packet = SnmpTestSupport.hex(trap1.get("packet_hex").asText());
        final JsonNode record = SnmpTestSupport.decode(SnmpTestSupport.decoder(List.of()), packet).single();
        assertEquals("snmp-trap", record.get("kind").asText());
        assertEquals(packet.length - 131, record.get("trailingBytes").asInt());
        assertTrue(record.get("trailingBytes").asInt() > 100);
    }

    private static List<String> expectedVarbinds(final JsonNode expected)
    {
        final List<String> out = new ArrayList<>();
        for (final JsonNode v : expected.get("varbinds"))
        {
            final String value = v.has("utf8") ? v.get("utf8").asText() : v.get("value").asText();
            out.add(v.get("oid").asText() + " " + v.get("type").asText() + " " + value);
        }
        return out;
    }

    private static List<String> actualVarbinds(final JsonNode record)
    {
        final List<String> out = new ArrayList<>();
        out.add(SnmpFixtureTest.SYS_UPTIME + " TimeTicks " + record.get("sysUpTime").asText());
        out.add(SnmpFixtureTest.TRAP_OID + " ObjectIdentifier " + record.get("trapOid").asText());
        for (final JsonNode v : record.get("varbinds"))
        {
            out.add(v.get("oid").asText() + " " + v.get("type").asText() + " " + v.get("value").asText());
        }
        return out;
    }
}
