package io.nocraven.appliance.panel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/errors}: the recent distinct errors, gathered from what the appliance already reports —
 * quarantined input grouped by listener and decoder reason (count, last exporter, last time), each forwarder's last
 * error, each listener's warning, and every health check that is not ok. One entry per distinct
 * (source, message), most frequent first within a source kind.
 */
final class ErrorsView
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ErrorsView()
    {
    }

    static ObjectNode errors(final JsonNode quarantine, final JsonNode status, final JsonNode health)
    {
        final Map<String, ObjectNode> distinct = new LinkedHashMap<>();
        for (final JsonNode q : quarantine.path("inputs"))
        {
            final String source = "listener:" + q.path("listener").asText();
            final ObjectNode e = entry(distinct, "input", source, q.path("reason").asText());
            e.put("count", e.path("count").asLong() + 1);
            if (q.path("receivedAtNanos").asLong() >= e.path("lastSeenNanos").asLong())
            {
                e.put("lastSeenNanos", q.path("receivedAtNanos").asLong());
                e.put("lastExporter", q.path("exporter").asText());
            }
        }
        for (final JsonNode f : status.path("forwarders"))
        {
            final String err = f.path("lastError").asText("");
            if (!err.isEmpty())
            {
                entry(distinct, "forwarder", "forwarder:" + f.path("name").asText(), err)
                    .put("count", f.path("failed").asLong());
            }
        }
        for (final JsonNode l : status.path("listeners"))
        {
            final String warn = l.path("warning").asText("");
            if (!warn.isEmpty())
            {
                entry(distinct, "listener", "listener:" + l.path("name").asText(), warn).put("count", 1);
            }
        }
        for (final JsonNode c : health.path("checks"))
        {
            if (!"ok".equals(c.path("level").asText()))
            {
                entry(distinct, "health", c.path("name").asText(), c.path("message").asText())
                    .put("count", 1).put("level", c.path("level").asText());
            }
        }
        final ObjectNode root = JSON.objectNode();
        final ArrayNode arr = root.putArray("errors");
        distinct.values().stream()
            .sorted((a, b) -> Long.compare(b.path("count").asLong(), a.path("count").asLong()))
            .forEach(arr::add);
        return root;
    }

    private static ObjectNode entry(final Map<String, ObjectNode> distinct, final String kind, final String source,
        final String message)
    {
        return distinct.computeIfAbsent(kind + '\u0000' + source + '\u0000' + message, k -> JSON.objectNode()
            .put("kind", kind).put("source", source).put("message", message).put("count", 0L));
    }
}
