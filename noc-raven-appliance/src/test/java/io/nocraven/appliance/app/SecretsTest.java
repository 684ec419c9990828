package io.nocraven.appliance.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Secrets never leave through GET /api/v1/config, and a redacted value sent back keeps the current one. */
class SecretsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldRedactTokensAndInlineSnmpPassphrasesAndRestoreThem() throws Exception
    {
        final ObjectNode current = (ObjectNode)JSON.readTree("{\"admin\":{\"token\":\"t0p\"},\"codec\":{\"snmpUsers\":["
            + "{\"user\":\"ops\",\"engineId\":\"80001f88\",\"authProtocol\":\"SHA\",\"authPassphrase\":\"auth-secret\","
            + "\"privProtocol\":\"AES\",\"privPassphrase\":\"priv-secret\"},"
            + "{\"user\":\"noauth\",\"authProtocol\":\"none\"}]}}");
        final ObjectNode shown = Secrets.redact(current);
        assertEquals("<redacted>", shown.at("/admin/token").asText());
        assertEquals("<redacted>", shown.at("/codec/snmpUsers/0/authPassphrase").asText());
        assertEquals("<redacted>", shown.at("/codec/snmpUsers/0/privPassphrase").asText());
        assertEquals("auth-secret", current.at("/codec/snmpUsers/0/authPassphrase").asText(), "the live tree is untouched");

        // The panel sends the shown tree back with one more user and a changed protocol: secrets come back.
        final ObjectNode incoming = shown.deepCopy();
        ((ObjectNode)incoming.at("/codec/snmpUsers/0")).put("privProtocol", "AES-256");
        ((com.fasterxml.jackson.databind.node.ArrayNode)incoming.at("/codec/snmpUsers")).addObject().put("user", "new")
            .put("authProtocol", "SHA-256").put("authPassphrase", "fresh-secret");
        Secrets.restore(incoming, current);
        assertEquals("t0p", incoming.at("/admin/token").asText());
        assertEquals("auth-secret", incoming.at("/codec/snmpUsers/0/authPassphrase").asText());
        assertEquals("priv-secret", incoming.at("/codec/snmpUsers/0/privPassphrase").asText());
        assertEquals("AES-256", incoming.at("/codec/snmpUsers/0/privProtocol").asText());
        assertEquals("fresh-secret", incoming.at("/codec/snmpUsers/2/authPassphrase").asText());
    }
}
