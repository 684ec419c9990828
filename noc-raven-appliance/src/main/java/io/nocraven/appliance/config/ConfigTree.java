package io.nocraven.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration as a YAML tree: the embedded defaults, merging, dotted keys ({@code listeners.syslog-udp.port})
 * and the environment-variable names derived from them. A leaf is any value that is not a mapping (scalars and
 * lists); dotted keys address leaves.
 */
public final class ConfigTree
{
    /** The YAML mapper used for config files and {@code --set} values. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Prefix of the environment variables that override keys. */
    public static final String ENV_PREFIX = "NOCRAVEN_";

    private static final String DEFAULTS = "default-config.yaml";

    private ConfigTree()
    {
    }

    /**
     * @return a fresh copy of the embedded defaults.
     */
    public static ObjectNode defaults()
    {
        try (InputStream in = ConfigTree.class.getResourceAsStream(DEFAULTS))
        {
            if (in == null)
            {
                throw new IllegalStateException("embedded " + DEFAULTS + " missing from the jar");
            }
            return (ObjectNode)YAML.readTree(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Deep-merges {@code overlay} into {@code base}: mappings merge key by key, everything else replaces.
     *
     * @param base    the tree changed in place.
     * @param overlay the values that win.
     */
    public static void merge(final ObjectNode base, final JsonNode overlay)
    {
        for (final Map.Entry<String, JsonNode> e : overlay.properties())
        {
            final JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode && e.getValue().isObject())
            {
                merge((ObjectNode)existing, e.getValue());
            }
            else
            {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    /**
     * Sets a leaf by dotted key, creating mappings on the way.
     *
     * @param root  the tree.
     * @param key   dotted key.
     * @param value the value.
     */
    public static void set(final ObjectNode root, final String key, final JsonNode value)
    {
        final String[] parts = key.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++)
        {
            final JsonNode child = node.get(parts[i]);
            if (child instanceof ObjectNode)
            {
                node = (ObjectNode)child;
            }
            else
            {
                node = node.putObject(parts[i]);
            }
        }
        node.set(parts[parts.length - 1], value);
    }

    /**
     * @param root a tree.
     * @return every leaf by dotted key, in document order; an empty mapping counts as a leaf.
     */
    public static Map<String, JsonNode> leaves(final JsonNode root)
    {
        final Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("", root, out);
        return out;
    }

    private static void collect(final String prefix, final JsonNode node, final Map<String, JsonNode> out)
    {
        if (node.isObject() && node.size() > 0)
        {
            for (final Map.Entry<String, JsonNode> e : node.properties())
            {
                collect(prefix.isEmpty() ? e.getKey() : prefix + '.' + e.getKey(), e.getValue(), out);
            }
        }
        else
        {
            out.put(prefix, node);
        }
    }

    /**
     * The environment variable for a key: {@code NOCRAVEN_} plus the key upper-cased with dots and dashes turned into
     * underscores ({@code listeners.syslog-udp.port} -> {@code NOCRAVEN_LISTENERS_SYSLOG_UDP_PORT}).
     *
     * @param key dotted key.
     * @return the variable name.
     */
    public static String envName(final String key)
    {
        return ENV_PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * Parses a value given as text ({@code --set} or environment) the way YAML would: numbers, booleans, lists
     * ({@code [a, b]}) and plain strings.
     *
     * @param text the value.
     * @return the node.
     */
    public static JsonNode parseValue(final String text)
    {
        if (text.isEmpty())
        {
            return YAML.getNodeFactory().textNode("");
        }
        try
        {
            final JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull() || node.isObject())
            {
                return YAML.getNodeFactory().textNode(text);
            }
            return node;
        }
        catch (final IOException ex)
        {
            return YAML.getNodeFactory().textNode(text);
        }
    }
}
