package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static io.nocraven.codec.snmp.SnmpTestSupport.FIXTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Localized USM keys against the fixture's independently derived vectors and the AES key-extension vectors. */
class UsmKeysTest
{
    private static final HexFormat HEX = HexFormat.of();

    static UsmLocalizedUser find(final UsmUserTable table, final String user, final String engineHex)
    {
        final byte[] name = user.getBytes(StandardCharsets.UTF_8);
        final byte[] engine = HEX.parseHex(engineHex);
        final byte[] b = new byte[name.length + engine.length];
        System.arraycopy(name, 0, b, 0, name.length);
        System.arraycopy(engine, 0, b, name.length, engine.length);
        return table.find(b, 0, name.length, name.length, engine.length);
    }

    @Test
    void shouldDeriveTheFixtureKeysForEveryUser()
    {
        final UsmUserTable table = new UsmUserTable(SnmpTestSupport.fixtureUsers());
        final JsonNode vectors = SnmpTestSupport.resourceJson(FIXTURES + "usm_test_vectors.json").get("users");
        assertEquals(6, vectors.size());
        for (final JsonNode v : vectors)
        {
            final String name = v.get("user").asText();
            final UsmLocalizedUser u = find(table, name, v.get("engine_id_hex").asText());
            assertEquals(v.get("auth_Kul_hex").asText(), HEX.formatHex(u.authKey()), name);
            if (v.has("priv_protocol"))
            {
                final String expected = v.has("des_pre_iv_hex")
                    ? v.get("priv_key_hex").asText() + v.get("des_pre_iv_hex").asText() : v.get("priv_key_hex").asText();
                assertEquals(expected, HEX.formatHex(u.privKey()), name);
            }
            else
            {
                assertNull(u.privKey(), name);
            }
        }
    }

    @Test
    void shouldMatchTheRfc3414AppendixA3Vectors()
    {
        final String engine = "000000000000000000000002";
        final UsmUserTable table = new UsmUserTable(List.of(
            new SnmpUser("md5", engine, "MD5", "maplesyrup", "none", null, null),
            new SnmpUser("sha", engine, "SHA", "maplesyrup", "none", null, null)));
        assertEquals("526f5eed9fcce26f8964c2930787d82b", HEX.formatHex(find(table, "md5", engine).authKey()));
        assertEquals("6695febc9288e36282235fc7151f128497b38f3f", HEX.formatHex(find(table, "sha", engine).authKey()));
    }

    @Test
    void shouldExtendAesKeysTheBlumenthalAndTheReederWay()
    {
        final JsonNode vectors = SnmpTestSupport.resourceJson("aes_key_extension_vectors.json").get("vectors");
        assertEquals(4, vectors.size());
        for (final JsonNode v : vectors)
        {
            for (final String extension : List.of("blumenthal", "reeder"))
            {
                final SnmpUser user = new SnmpUser("ext", null, v.get("auth_protocol").asText(), "authpass-extension",
                    v.get("priv_protocol").asText(), v.get("priv_password").asText(), extension);
                final UsmLocalizedUser u = find(new UsmUserTable(List.of(user)), "ext", v.get("engine_id_hex").asText());
                assertEquals(v.get(extension + "_key_hex").asText(), HEX.formatHex(u.privKey()),
                    v.get("auth_protocol").asText() + "/" + v.get("priv_protocol").asText() + "/" + extension);
            }
        }
    }

    @Test
    void shouldLearnAnyEngineForAUserWithoutEngineIdAndCacheTheKeys()
    {
        final UsmUserTable table = new UsmUserTable(List.of(
            new SnmpUser("roaming", null, "SHA", "authpass-roaming", "AES", "privpass-roaming", null)));
        final UsmLocalizedUser a = find(table, "roaming", "80001f888001020304050607");
        final UsmLocalizedUser b = find(table, "roaming", "80001f8880aabbccdd11223344");
        assertEquals("80001f888001020304050607", HEX.formatHex(a.engineId()));
        assertEquals("80001f8880aabbccdd11223344", HEX.formatHex(b.engineId()));
        assertSame(a, find(table, "roaming", "80001f888001020304050607"));
        assertEquals(2, table.cachedCount());
    }

    @Test
    void shouldTellUnknownUserFromUnknownEngine()
    {
        final UsmUserTable table = new UsmUserTable(SnmpTestSupport.fixtureUsers());
        assertNull(find(table, "nobody", "80001f888001020304050607"));
        assertEquals("unknown user", table.failure());
        assertNull(find(table, "userSHAAES", "80001f8880ffffffff"));
        assertEquals("unknown engine ID", table.failure());
    }
}
