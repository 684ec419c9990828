package io.nocraven.codec.winevent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Reads JSON values as the text the canonical record keeps: strings as they are, numbers and booleans as their
 * JSON text, null as null, and nested objects or arrays as their compact JSON text (rare: shippers flatten
 * EventData to scalars, so only that rare case builds a Jackson tree). .NET wrapper objects that carry a
 * {@code Value} member (PowerShell's {@code SecurityIdentifier}, {@code EventProperty}) are read as that member
 * by {@link #unwrapped}.
 */
final class JsonValues
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonValues()
    {
    }

    /**
     * @param p parser on any value token; on return it is on the value's last token.
     * @return the value as text, or null for JSON null.
     * @throws IOException on malformed JSON.
     */
    static String text(final JsonParser p) throws IOException
    {
        final JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL)
        {
            return null;
        }
        if (t.isScalarValue())
        {
            return p.getText();
        }
        return MAPPER.readTree(p).toString();
    }

    /**
     * Reads a value that may be a .NET wrapper: {@code {"Value": x, ...}} gives the text of {@code x} (other members are
     * skipped; a wrapper without {@code Value} gives null); any other value gives {@link #text}. Streams: PowerShell
     * sends every positional property as such a wrapper.
     *
     * @param p parser on any value token; on return it is on the value's last token.
     * @return the text, or null.
     * @throws IOException on malformed JSON.
     */
    static String unwrapped(final JsonParser p) throws IOException
    {
        if (p.currentToken() != JsonToken.START_OBJECT)
        {
            return text(p);
        }
        String value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = p.currentName();
            p.nextToken();
            if ("Value".equals(name))
            {
                value = text(p);
            }
            else
            {
                p.skipChildren();
            }
        }
        return value;
    }
}
