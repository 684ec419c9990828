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
        return copy;
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
    }
}
