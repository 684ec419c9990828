package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.codec.DecodeStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.nocraven.codec.snmp.SnmpTestSupport.FIXTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every SNMP message of every fixture capture against its {@code *.expected.jsonl} oracle (own BER walk checked
 * against tshark) and the snmptrapd log.
 */
class SnmpFixtureTest
{
    static final String SYS_UPTIME = "1.3.6.1.2.1.1.3.0";
    static final String TRAP_OID = "1.3.6.1.6.3.1.1.4.1.0";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> NOTIFICATIONS = Set.of("trap", "snmpV2-trap", "inform-request");

    @ParameterizedTest
    @ValueSource(strings = {"snmp_v1_traps", "snmp_v2c_traps", "snmp_v2c_informs", "snmp_v3_traps_authpriv",
        "snmp_v3_traps_noauth_authnopriv", "snmp_rejected"})
    void shouldMatchTheOracleForEveryMessage(final String capture)
    {
        final List<PcapUdp.Datagram> datagrams = PcapUdp.read(FIXTURES + capture + ".pcap");
        final List<JsonNode> expected = SnmpTestSupport.resourceJsonLines(FIXTURES + capture + ".expected.jsonl");
        assertEquals(expected.size(), datagrams.size());
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(SnmpTestSupport.fixtureUsers());
        for (int i = 0; i < expected.size(); i++)
        {
            final JsonNode e = expected.get(i);
            final PcapUdp.Datagram d = datagrams.get(i);
            assertEquals(e.get("frame").asInt(), d.frame());
            final SnmpTestSupport.Result result = SnmpTestSupport.decode(decoder, d.payload());
            final JsonNode actual = result.single();
            final String where = capture + " frame " + d.frame();
            final String rejection = expectedRejection(capture, d.frame(), e);
            if (rejection != null)
            {
                assertEquals(DecodeStatus.INVALID, result.status(), where);
                assertEquals("invalid", actual.get("kind").asText(), where);
                assertEquals(rejection, actual.get("reason").asText(), where);
                continue;
            }
            assertEquals(DecodeStatus.OK, result.status(), where + ": " + actual);
            assertEquals(expectedRecord(e), withoutEnvelopeAndNames(actual), where);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"snmp_v1_traps", "snmp_v2c_traps", "snmp_v2c_informs", "snmp_v3_traps_authpriv",
        "snmp_v3_traps_noauth_authnopriv"})
    void shouldAcceptWhatSnmptrapdLogged(final String capture)
    {
        final List<JsonNode> logged = SnmpTestSupport.resourceJsonLines(FIXTURES + capture + ".snmptrapd.jsonl");
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(SnmpTestSupport.fixtureUsers());
        final List<JsonNode> accepted = new ArrayList<>();
        for (final PcapUdp.Datagram d : PcapUdp.read(FIXTURES + capture + ".pcap"))
        {
            final SnmpTestSupport.Result r = SnmpTestSupport.decode(decoder, d.payload());
            if (r.status() == DecodeStatus.OK)
            {
                accepted.add(r.single());
            }
        }
        assertEquals(logged.size(), accepted.size());
        for (int i = 0; i < logged.size(); i++)
        {
            final List<String> loggedOids = new ArrayList<>();
            logged.get(i).get("varbinds").forEach(v -> loggedOids.add(v.get("oid").asText()));
            final JsonNode a = accepted.get(i);
            final List<String> ours = new ArrayList<>();
            if (!"trapV1".equals(a.get("pdu").asText()))
            {
                ours.add(SYS_UPTIME);
                ours.add(TRAP_OID);
            }
            a.get("varbinds").forEach(v -> ours.add(v.get("oid").asText()));
            assertEquals(loggedOids, ours, capture + " notification " + i);
        }
    }

    @Test
    void shouldAcceptTheWrongCommunityThatSnmptrapdRejected()
    {
        final PcapUdp.Datagram d = PcapUdp.read(FIXTURES + "snmp_rejected.pcap").get(0);
        final JsonNode r = SnmpTestSupport.decode(SnmpTestSupport.decoder(List.of()), d.payload()).single();
        assertEquals("snmp-trap", r.get("kind").asText());
        assertEquals("wrongcommunity", r.get("community").asText());
    }

    private static String expectedRejection(final String capture, final int frame, final JsonNode e)
    {
        if ("snmp_rejected".equals(capture) && frame == 2)
        {
            return "authentication failed";
        }
        if ("snmp_rejected".equals(capture) && frame == 3)
        {
            return "unknown user";
        }
        return NOTIFICATIONS.contains(e.path("pdu_type").asText()) ? null : "not a notification";
    }

    static ObjectNode withoutEnvelopeAndNames(final JsonNode actual)
    {
        final ObjectNode copy = actual.deepCopy();
        copy.remove(List.of("kind", "exporter", "listener", "receivedAt", "trapName", "enterpriseName"));
        copy.withArray("varbinds").forEach(v -> ((ObjectNode)v).remove("name"));
        return copy;
    }

    static ObjectNode expectedRecord(final JsonNode e)
    {
        final ObjectNode o = NODES.objectNode();
        final String version = e.get("version").asText();
        o.put("protocol", "snmp-" + version);
        final String pduType = e.get("pdu_type").asText();
        o.put("pdu", "trap".equals(pduType) ? "trapV1" : "inform-request".equals(pduType) ? "inform" : "trap");
        if ("v3".equals(version))
        {
            final JsonNode usm = e.get("usm");
            o.put("user", usm.get("user_name").asText());
            o.put("engineId", usm.get("authoritative_engine_id").asText());
            final int level = e.get("msg_flags").asInt() & 3;
            o.put("securityLevel", level == 0 ? "noAuthNoPriv" : level == 1 ? "authNoPriv" : "authPriv");
            o.put("contextEngineId", e.get("context_engine_id").asText());
            o.put("contextName", e.get("context_name").asText());
        }
        else
        {
            o.put("community", e.get("community").asText());
        }
        final ArrayNode varbinds = NODES.arrayNode();
        if ("trap".equals(pduType))
        {
            o.put("enterprise", e.get("enterprise").asText());
            o.put("agentAddress", e.get("agent_addr").asText());
            o.set("genericTrap", e.get("generic_trap"));
            o.set("specificTrap", e.get("specific_trap"));
            o.set("sysUpTime", e.get("time_stamp"));
            final int generic = e.get("generic_trap").asInt();
            o.put("trapOid", generic < 6 ? "1.3.6.1.6.3.1.1.5." + (generic + 1)
                : e.get("enterprise").asText() + ".0." + e.get("specific_trap").asText());
        }
        else
        {
            o.set("requestId", e.get("request_id"));
            o.putNull("sysUpTime");
            o.putNull("trapOid");
        }
        for (final JsonNode v : e.get("varbinds"))
        {
            final String oid = v.get("oid").asText();
            if (!"trap".equals(pduType) && SYS_UPTIME.equals(oid) && o.get("sysUpTime").isNull())
            {
                o.set("sysUpTime", v.get("value"));
                continue;
            }
            if (!"trap".equals(pduType) && TRAP_OID.equals(oid) && o.get("trapOid").isNull())
            {
                o.set("trapOid", v.get("value"));
                continue;
            }
            varbinds.add(expectedVarbind(v));
        }
        o.set("varbinds", varbinds);
        return o;
    }

    static ObjectNode expectedVarbind(final JsonNode v)
    {
        final ObjectNode o = NODES.objectNode();
        o.put("oid", v.get("oid").asText());
        final String type = v.get("type").asText();
        final JsonNode value = v.get("value");
        switch (type)
        {
            case "INTEGER" -> o.put("type", "Integer32").set("value", value);
            case "NULL" -> o.put("type", "Null").putNull("value");
            case "OBJECT IDENTIFIER" -> o.put("type", "ObjectIdentifier").set("value", value);
            case "OCTET STRING" ->
            {
                o.put("type", "OctetString");
                final boolean text = value.has("utf8") && value.get("utf8").asText().chars()
                    .noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f));
                o.put("value", text ? value.get("utf8").asText() : value.get("hex").asText());
            }
            case "Opaque" ->
            {
                o.put("type", "Opaque");
                o.put("value", value.get("hex").asText());
                if (value.has("subtype"))
                {
                    o.put("opaqueType", value.get("subtype").asText());
                    o.set("opaqueValue", value.get("value"));
                }
            }
            default -> o.put("type", type).set("value", value);
        }
        return o;
    }
}
