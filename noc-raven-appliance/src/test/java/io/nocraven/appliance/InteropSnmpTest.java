package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * net-snmp's {@code snmptrap} and {@code snmpinform} (the commands the fixture corpus's {@code make_snmp.sh} ran) to
 * one appliance; each notification is checked in the JSONL archive and at a real Kafka broker. The oracle is the
 * command line itself: PDU type, trap OID, uptime and every varbind are what the tool was told to send.
 */
@ExtendWith(SharedKafka.class)
class InteropSnmpTest
{
    private static final String PREFIX = "interop-snmp";
    private static final String ENGINE = "80001f888001020304050607";
    private static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
    private static final String E = "1.3.6.1.4.1.8072.9999";
    /** IF-MIB varbinds of a linkDown: oid, snmptrap type letter, value; and the record's type and value. */
    private static final String[][] IF_DOWN = {
        {"1.3.6.1.2.1.2.2.1.1.3", "i", "3", "Integer32", "3"},
        {"1.3.6.1.2.1.2.2.1.7.3", "i", "1", "Integer32", "1"},
        {"1.3.6.1.2.1.2.2.1.8.3", "i", "2", "Integer32", "2"},
        {"1.3.6.1.2.1.2.2.1.2.3", "s", "eth3", "OctetString", "eth3"},
        {"1.3.6.1.2.1.31.1.1.1.1.3", "s", "Gi0/3", "OctetString", "Gi0/3"},
    };
    private static final String[][] MIXED = {
        {E + ".1.1", "i", "-42", "Integer32", "-42"},
        {E + ".1.2", "s", "Größe überschritten ✓ 温度 28°C", "OctetString", "Größe überschritten ✓ 温度 28°C"},
        {E + ".1.3", "o", "1.3.6.1.4.1.8072.3.2.10", "ObjectIdentifier", "1.3.6.1.4.1.8072.3.2.10"},
        {E + ".1.4", "a", "192.0.2.77", "IpAddress", "192.0.2.77"},
        {E + ".1.5", "c", "4294967295", "Counter32", "4294967295"},
        {E + ".1.8", "C", "18446744073709551615", "Counter64", "18446744073709551615"},
        {E + ".1.9", "x", "DE AD BE EF 00 FF", "OctetString", "deadbeef00ff"},
    };

    @TempDir
    static Path dir;

    private static TestAppliance app;
    private static DeliveryProbe probe;
    private static Map<String, String> env;

    @BeforeAll
    static void start(final EmbeddedKafka kafka) throws Exception
    {
        final Path users = dir.resolve("snmp-users.yaml");
        Files.writeString(users, String.join("\n",
            "- user: userSHAAES",
            "  engineId: " + ENGINE,
            "  authProtocol: SHA",
            "  authPassphrase: authpass-sha1",
            "  privProtocol: AES",
            "  privPassphrase: privpass-aes128",
            ""), StandardCharsets.UTF_8);
        final List<String> sets = new ArrayList<>(SharedKafka.topicSets(kafka, PREFIX));
        sets.add("codec.snmpUsersFile=" + users);
        app = new TestAppliance(dir.resolve("appliance"), sets.toArray(String[]::new));
        probe = new DeliveryProbe(app.config.forwarders().archive().directory(), kafka.bootstrap(), PREFIX);
        Files.createDirectories(dir.resolve("net-snmp"));
        // Numeric OIDs only (no MIB lookups), and net-snmp's persistent state in the test's directory.
        env = Map.of("MIBS", "", "MIBDIRS", "/nonexistent", "SNMP_PERSISTENT_DIR", dir.resolve("net-snmp").toString(),
            "SNMPCONFPATH", dir.resolve("net-snmp").toString());
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
    void shouldRecordV1Trap() throws Exception
    {
        snmp("snmptrap", args(List.of("-v", "1", "-c", "public", target(), "1.3.6.1.4.1.8072.3.2.10", "192.0.2.10", "2",
            "0", "12345"), IF_DOWN));
        for (final JsonNode r : one("v1 trap"))
        {
            assertEquals("snmp-v1", r.get("protocol").asText());
            assertEquals("trapV1", r.get("pdu").asText());
            assertEquals("public", r.get("community").asText());
            assertEquals("1.3.6.1.4.1.8072.3.2.10", r.get("enterprise").asText());
            assertEquals("192.0.2.10", r.get("agentAddress").asText());
            assertEquals(2, r.get("genericTrap").asInt());
            assertEquals(0, r.get("specificTrap").asInt());
            assertEquals(12345, r.get("sysUpTime").asLong());
            assertEquals(LINK_DOWN, r.get("trapOid").asText());
            assertEquals("linkDown", r.get("trapName").asText());
            checkVarbinds(r, IF_DOWN);
        }
    }

    @Test
    void shouldRecordV2cTrap() throws Exception
    {
        snmp("snmptrap", args(List.of("-v", "2c", "-c", "public", target(), "12345", LINK_DOWN), IF_DOWN));
        for (final JsonNode r : one("v2c trap"))
        {
            assertEquals("snmp-v2c", r.get("protocol").asText());
            assertEquals("trap", r.get("pdu").asText());
            assertEquals("public", r.get("community").asText());
            assertEquals(12345, r.get("sysUpTime").asLong());
            assertEquals(LINK_DOWN, r.get("trapOid").asText());
            checkVarbinds(r, IF_DOWN);
        }
    }

    @Test
    void shouldAnswerV2cInform() throws Exception
    {
        final String[][] vb = {{E + ".2.1", "s", "inform with UTF-8: ✓ Ünïcødé", "OctetString",
            "inform with UTF-8: ✓ Ünïcødé"}};
        // -r 0: no retry, so exit code 0 proves the appliance's Response reached snmpinform within 3 s.
        snmp("snmpinform", args(List.of("-v", "2c", "-c", "public", "-r", "0", "-t", "3", target(), "999", E + ".0.3"),
            vb));
        for (final JsonNode r : one("v2c inform"))
        {
            assertEquals("snmp-v2c", r.get("protocol").asText());
            assertEquals("inform", r.get("pdu").asText());
            assertEquals(999, r.get("sysUpTime").asLong());
            assertEquals(E + ".0.3", r.get("trapOid").asText());
            checkVarbinds(r, vb);
        }
    }

    @Test
    void shouldDecryptV3AuthPrivTrap() throws Exception
    {
        snmp("snmptrap", args(List.of("-v", "3", "-e", "0x" + ENGINE, "-l", "authPriv", "-u", "userSHAAES", "-a", "SHA",
            "-A", "authpass-sha1", "-x", "AES", "-X", "privpass-aes128", target(), "4242424", E + ".0.1"), MIXED));
        for (final JsonNode r : one("v3 authPriv trap"))
        {
            assertEquals("snmp-v3", r.get("protocol").asText());
            assertEquals("trap", r.get("pdu").asText());
            assertEquals("userSHAAES", r.get("user").asText());
            assertEquals(ENGINE, r.get("engineId").asText());
            assertEquals("authPriv", r.get("securityLevel").asText());
            assertEquals(4242424, r.get("sysUpTime").asLong());
            assertEquals(E + ".0.1", r.get("trapOid").asText());
            checkVarbinds(r, MIXED);
        }
    }

    @Test
    void shouldRejectV3TrapWithWrongAuthPassphrase() throws Exception
    {
        snmp("snmptrap", List.of("-v", "3", "-e", "0x" + ENGINE, "-l", "authPriv", "-u", "userSHAAES", "-a", "SHA",
            "-A", "WRONG-authpass", "-x", "AES", "-X", "privpass-aes128", target(), "1", E + ".0.9", E + ".2.1", "s",
            "wrong auth password"));
        for (final JsonNode r : one("v3 trap with a wrong auth passphrase"))
        {
            assertEquals("invalid", r.get("kind").asText());
            assertEquals("snmp-v3", r.get("protocol").asText());
            assertEquals("authentication failed", r.get("reason").asText());
            assertFalse(r.has("varbinds"), "nothing of an unauthenticated message is decoded");
        }
    }

    private static String target()
    {
        return "127.0.0.1:" + app.port(ListenerType.SNMP_UDP);
    }

    private static List<String> args(final List<String> head, final String[][] varbinds)
    {
        final List<String> a = new ArrayList<>(head);
        for (final String[] v : varbinds)
        {
            a.addAll(List.of(v[0], v[1], v[2]));
        }
        return a;
    }

    private static void snmp(final String tool, final List<String> args) throws Exception
    {
        ExternalTool.require(tool, "snmp").run(0, 15, env, dir, args.toArray(String[]::new));
    }

    /** The one record the step produced, from the archive and from Kafka. */
    private static List<JsonNode> one(final String what) throws Exception
    {
        final DeliveryProbe.Delivery d = probe.await(what, r -> "snmp-udp".equals(r.get("listener").asText()), 1);
        assertEquals(d.archive().get(0), d.kafkaValues().get(0), "archive and Kafka carry the same record");
        assertTrue(d.archive().get(0).get("exporter").asText().startsWith("127.0.0.1:"));
        return List.of(d.archive().get(0), d.kafkaValues().get(0));
    }

    private static void checkVarbinds(final JsonNode r, final String[][] expected)
    {
        final JsonNode vbs = r.get("varbinds");
        assertEquals(expected.length, vbs.size(), r.toString());
        for (int i = 0; i < expected.length; i++)
        {
            final JsonNode vb = vbs.get(i);
            assertEquals(expected[i][0], vb.get("oid").asText(), r.toString());
            assertEquals(expected[i][3], vb.get("type").asText(), vb.toString());
            assertEquals(expected[i][4], vb.get("value").asText(), vb.toString());
        }
    }
}
