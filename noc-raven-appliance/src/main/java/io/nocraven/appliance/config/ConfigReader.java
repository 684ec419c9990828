package io.nocraven.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of dotted keys from a merged configuration tree. A bad value does not stop the reading: the problem
 * is recorded (key, value, expectation) and a neutral value returned, so that every error is reported at once.
 */
final class ConfigReader
{
    private final Map<String, JsonNode> leaves;
    private final List<String> errors = new ArrayList<>();

    ConfigReader(final Map<String, JsonNode> leaves)
    {
        this.leaves = leaves;
    }

    List<String> errors()
    {
        return errors;
    }

    void error(final String key, final Object value, final String expected)
    {
        errors.add(key + ": value '" + value + "' is invalid (expected " + expected + ")");
    }

    String text(final String key)
    {
        final JsonNode n = leaves.get(key);
        if (n == null || n.isNull())
        {
            return "";
        }
        if (!n.isValueNode())
        {
            error(key, n, "a single value");
            return "";
        }
        return n.asText();
    }

    boolean bool(final String key)
    {
        final JsonNode n = leaves.get(key);
        if (n != null && n.isBoolean())
        {
            return n.booleanValue();
        }
        if (n != null && n.isTextual() && ("true".equalsIgnoreCase(n.asText()) || "false".equalsIgnoreCase(n.asText())))
        {
            return Boolean.parseBoolean(n.asText());
        }
        error(key, n == null ? "" : n.asText(), "true or false");
        return false;
    }

    long integer(final String key, final long min, final long max)
    {
        final JsonNode n = leaves.get(key);
        long v;
        if (n != null && n.canConvertToLong() && n.isIntegralNumber())
        {
            v = n.longValue();
        }
        else
        {
            try
            {
                v = Long.parseLong(n == null ? "" : n.asText().trim());
            }
            catch (final NumberFormatException ex)
            {
                error(key, n == null ? "" : n.asText(), "an integer from " + min + " to " + max);
                return min;
            }
        }
        if (v < min || v > max)
        {
            error(key, v, "an integer from " + min + " to " + max);
            return min;
        }
        return v;
    }

    int port(final String key)
    {
        return (int)integer(key, 0, 65535);
    }

    String oneOf(final String key, final String... allowed)
    {
        final String v = text(key);
        for (final String a : allowed)
        {
            if (a.equalsIgnoreCase(v))
            {
                return a;
            }
        }
        error(key, v, "one of " + String.join(", ", allowed));
        return allowed[0];
    }

    /**
     * @param key a dotted key.
     * @return its value as given (arrays and objects included), or null when absent.
     */
    JsonNode raw(final String key)
    {
        return leaves.get(key);
    }

    List<String> stringList(final String key)
    {
        final JsonNode n = leaves.get(key);
        final List<String> out = new ArrayList<>();
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty()))
        {
            return out;
        }
        if (n.isArray())
        {
            n.forEach(e -> out.add(e.asText()));
        }
        else if (n.isTextual())
        {
            for (final String s : n.asText().split(","))
            {
                if (!s.isBlank())
                {
                    out.add(s.trim());
                }
            }
        }
        else
        {
            error(key, n, "a list of names");
        }
        return out;
    }
}
