package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Exports and restores a decoder's templates as compact JSON, so the appliance can persist them across restarts
 * and decode data that arrives before the exporter re-sends its templates:
 * <pre>
 * {"format":"noc-raven-flow-templates","version":1,"exporters":[{"address":"192.0.2.1","port":2055,"domain":0,
 *   "templates":[{"id":256,"options":false,"scopeCount":0,"fields":[[0,8,4],[29305,1,8]]}]}]}
 * </pre>
 * {@code fields} holds {@code [enterpriseNumber, elementId, length]} per field (length 65535 = variable); names and
 * types are resolved again on restore, so a changed mapping file applies to restored templates too.
 */
public final class TemplateStateCodec
{
    /** Value of the {@code format} key. */
    public static final String FORMAT = "noc-raven-flow-templates";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Resolves a field to its element when templates are restored. */
    @FunctionalInterface
    public interface ElementResolver
    {
        /**
         * @param scope true for a scope field of an options template.
         * @param pen   enterprise number as exported.
         * @param id    element id.
         * @return the element.
         */
        InformationElement resolve(boolean scope, long pen, int id);
    }

    private TemplateStateCodec()
    {
    }

    /**
     * @param cache the templates (those whose lifetime ended by the cache's last {@link TemplateCache#tick()} are
     *              left out).
     * @return the JSON bytes.
     */
    public static byte[] export(final TemplateCache cache)
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        final ArrayNode exporters = root.putArray("exporters");
        for (final Map.Entry<ExporterSession, List<Template>> e : cache.snapshot().entrySet())
        {
            e.getValue().removeIf(cache::isExpired);
            if (e.getValue().isEmpty())
            {
                continue;
            }
            final ExporterKey key = e.getKey().key();
            final ObjectNode x = exporters.addObject();
            try
            {
                x.put("address", InetAddress.getByAddress(key.address()).getHostAddress());
            }
            catch (final UnknownHostException ex)
            {
                throw new IllegalStateException(ex);
            }
            x.put("port", key.port());
            x.put("domain", key.domain());
            final ArrayNode templates = x.putArray("templates");
            for (final Template t : e.getValue())
            {
                final ObjectNode tn = templates.addObject();
                tn.put("id", t.id());
                tn.put("options", t.isOptions());
                tn.put("scopeCount", t.scopeCount());
                final ArrayNode fields = tn.putArray("fields");
                for (int i = 0; i < t.fieldCount(); i++)
                {
                    final TemplateField f = t.field(i);
                    fields.addArray().add(f.element().enterpriseNumber()).add(f.element().id()).add(f.length());
                }
            }
        }
        try
        {
            return JSON.writeValueAsBytes(root);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param state    bytes from {@link #export}.
     * @param cache    where templates go (defined with the cache's current time).
     * @param resolver element lookup.
     * @return templates restored.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public static int restore(final byte[] state, final TemplateCache cache, final ElementResolver resolver)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(state);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("template state: not JSON: " + ex.getMessage(), ex);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1)
        {
            throw new IllegalArgumentException("template state: format = " + (root == null ? null : root.path("format"))
                + " (expected: \"" + FORMAT + "\" version 1)");
        }
        int restored = 0;
        for (final JsonNode x : root.path("exporters"))
        {
            final byte[] address;
            try
            {
                address = InetAddress.getByName(x.path("address").asText()).getAddress();
            }
            catch (final UnknownHostException ex)
            {
                throw new IllegalArgumentException("template state: address = " + x.path("address")
                    + " (expected: an IP address)", ex);
            }
            final ExporterSession s = cache.restoreSession(address, x.path("port").asInt(), x.path("domain").asLong());
            for (final JsonNode tn : x.path("templates"))
            {
                cache.define(s, template(tn, resolver, cache.now()));
                restored++;
            }
        }
        return restored;
    }

    private static Template template(final JsonNode tn, final ElementResolver resolver, final long now)
    {
        final JsonNode fields = tn.path("fields");
        final int scopeCount = tn.path("scopeCount").asInt();
        final int id = tn.path("id").asInt();
        if (id < 256 || id > 65535 || fields.size() == 0 || scopeCount < 0 || scopeCount > fields.size())
        {
            throw new IllegalArgumentException("template state: template " + tn
                + " (expected: id 256..65535, at least one field, scopeCount <= fields)");
        }
        final TemplateField[] f = new TemplateField[fields.size()];
        for (int i = 0; i < f.length; i++)
        {
            final JsonNode a = fields.get(i);
            f[i] = new TemplateField(resolver.resolve(i < scopeCount, a.path(0).asLong(), a.path(1).asInt()),
                a.path(2).asInt() & 0xFFFF);
        }
        final Template t = new Template(id, f, scopeCount, tn.path("options").asBoolean(), now);
        if (t.minRecordLength() == 0)
        {
            throw new IllegalArgumentException("template state: template " + id + " has zero length");
        }
        return t;
    }
}
