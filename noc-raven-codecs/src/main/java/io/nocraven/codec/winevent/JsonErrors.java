package io.nocraven.codec.winevent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;

/**
 * Turns Jackson parse failures into the short, stable reasons of {@code invalid} records ({@code truncated JSON},
 * {@code invalid UTF-8}, {@code JSON too deep or too long}, {@code malformed JSON}) and the byte offset where
 * parsing stopped. Jackson's own messages are long and change between versions, so they are not used as reasons.
 */
final class JsonErrors
{
    private JsonErrors()
    {
    }

    /**
     * @param ex          what the parser threw.
     * @param inputLength how many bytes the parser was given (a failure at the end means the input was cut short).
     * @return the reason.
     */
    static String reason(final IOException ex, final int inputLength)
    {
        if (ex instanceof JsonEOFException || offset(ex, 0) >= inputLength)
        {
            return "truncated JSON";
        }
        if (ex instanceof StreamConstraintsException)
        {
            return "JSON too deep or too long";
        }
        final String msg = ex.getMessage();
        if (msg != null && msg.startsWith("Invalid UTF-8"))
        {
            return "invalid UTF-8";
        }
        return "malformed JSON";
    }

    /**
     * @param ex   what the parser threw.
     * @param base the offset of the parser's first byte in the body.
     * @return the offset in the body where parsing stopped ({@code base} when Jackson gives no location).
     */
    static long offset(final IOException ex, final long base)
    {
        if (ex instanceof JsonProcessingException)
        {
            final JsonLocation loc = ((JsonProcessingException)ex).getLocation();
            if (loc != null && loc.getByteOffset() >= 0)
            {
                return base + loc.getByteOffset();
            }
        }
        return base;
    }
}
