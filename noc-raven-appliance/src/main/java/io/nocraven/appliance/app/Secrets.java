package io.nocraven.appliance.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ConfigTree;
import java.util.List;
import java.util.Map;

/**
 * The secret keys of the configuration: shown redacted by {@code GET /api/v1/config}; a {@code PUT} that sends the
 * redaction marker back keeps the current value.
 */
final class Secrets
{
    /** What a secret is replaced with. */
    static final String MARKER = "<redacted>";

    private static final List<String> KEYS = List.of("admin.token", "listeners.windows-http.token");
    private static final String SNMP_USERS = "codec.snmpUsers";
    private static final List<String> PASSPHRASES = List.of("authPassphrase", "privPassphrase");

    private Secrets()
    {
    }

    static ObjectNode redact(final ObjectNode tree)
    {
        final ObjectNode copy = tree.deepCopy();
        final Map<String, JsonNode> leaves = ConfigTree.leaves(copy);
        for (final String k : KEYS)
        {
            final JsonNode v = leaves.get(k);
            if (v != null && !v.asText().isEmpty())
            {
                ConfigTree.set(copy, k, copy.textNode(MARKER));
            }
        }
        final JsonNode users = leaves.get(SNMP_USERS);
        if (users != null && users.isArray())
        {
            for (final JsonNode u : users)
            {
                for (final String p : PASSPHRASES)
                {
                    if (u.isObject() && u.hasNonNull(p) && !u.get(p).asText().isEmpty())
                    {
                        ((ObjectNode)u).put(p, MARKER);
                    }
                }
            }
        }
        return copy;
    }

    /** Inline SNMPv3 users: passphrases are secrets too; a redacted one keeps the current user's value. */
    private static void restoreUsers(final JsonNode incoming, final JsonNode current)
    {
        if (incoming == null || !incoming.isArray())
        {
            return;
        }
        for (final JsonNode u : incoming)
        {
            if (!u.isObject())
            {
                continue;
            }
            for (final String p : PASSPHRASES)
            {
                if (u.has(p) && MARKER.equals(u.get(p).asText()))
                {
                    final JsonNode same = sameUser(current, u);
                    if (same != null && same.hasNonNull(p))
                    {
                        ((ObjectNode)u).set(p, same.get(p));
                    }
                }
            }
        }
    }

    private static JsonNode sameUser(final JsonNode current, final JsonNode user)
    {
        if (current == null || !current.isArray())
        {
            return null;
        }
        for (final JsonNode c : current)
        {
            if (c.path("user").asText().equals(user.path("user").asText())
                && c.path("engineId").asText("").equalsIgnoreCase(user.path("engineId").asText("")))
            {
                return c;
            }
        }
        return null;
    }

    static void restore(final ObjectNode incoming, final ObjectNode current)
    {
        final Map<String, JsonNode> in = ConfigTree.leaves(incoming);
        final Map<String, JsonNode> cur = ConfigTree.leaves(current);
        for (final String k : KEYS)
        {
            final JsonNode v = in.get(k);
            if (v != null && MARKER.equals(v.asText()))
            {
                ConfigTree.set(incoming, k, cur.get(k));
            }
        }
        restoreUsers(in.get(SNMP_USERS), cur.get(SNMP_USERS));
    }
}
