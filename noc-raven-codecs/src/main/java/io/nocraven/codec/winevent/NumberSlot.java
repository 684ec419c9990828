package io.nocraven.codec.winevent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigInteger;

/**
 * One integer field of an event as the shipper sent it: absent, null, a JSON integer, or text (Winlogbeat sends
 * {@code event_id} as {@code "4624"}; hex text such as {@code "0x8020000000000000"} is accepted too). The value is
 * checked against its range only when the record is written, so one reader serves every dialect. Reusable.
 */
final class NumberSlot
{
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static final int ABSENT = 0;
    private static final int NULL = 1;
    private static final int NUMBER = 2;
    private static final int TEXT = 3;
    private static final int BAD = 4;

    private int state;
    private long value;
    private String text;

    void reset()
    {
        state = ABSENT;
        text = null;
    }

    /**
     * Reads the current value of {@code p} (any token; objects and arrays are skipped and mark the slot bad).
     *
     * @param p the parser on a value token.
     * @throws IOException on malformed JSON.
     */
    void read(final JsonParser p) throws IOException
    {
        final JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT)
        {
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER)
            {
                final BigInteger big = p.getBigIntegerValue();
                if (big.signum() >= 0 && big.compareTo(TWO_64) < 0)
                {
                    state = NUMBER;
                    value = big.longValue();
                    return;
                }
                state = BAD;
                return;
            }
            state = NUMBER;
            value = p.getLongValue();
        }
        else if (t == JsonToken.VALUE_STRING)
        {
            state = TEXT;
            text = p.getText();
        }
        else if (t == JsonToken.VALUE_NULL)
        {
            state = NULL;
        }
        else
        {
            p.skipChildren();
            state = BAD;
        }
    }

    /**
     * @param other the slot to copy.
     */
    void copyFrom(final NumberSlot other)
    {
        state = other.state;
        value = other.value;
        text = other.text;
    }

    /**
     * @param v a value to store as if it had been read.
     */
    void set(final long v)
    {
        state = NUMBER;
        value = v;
    }

    /**
     * @return true when the field was present with a non-null value.
     */
    boolean hasValue()
    {
        return state >= NUMBER;
    }

    /**
     * Resolves the value as an unsigned 64-bit pattern (keywords): negative JSON integers are two's complement.
     *
     * @return true when it is a number or decimal/hex text; then read {@link #value()}.
     */
    boolean resolveBits()
    {
        if (state == NUMBER)
        {
            return true;
        }
        if (state != TEXT)
        {
            return false;
        }
        final String s = text.trim();
        try
        {
            if (s.startsWith("0x") || s.startsWith("0X"))
            {
                value = Long.parseUnsignedLong(s.substring(2), 16);
            }
            else
            {
                value = s.startsWith("-") ? Long.parseLong(s) : Long.parseUnsignedLong(s);
            }
            return true;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    /**
     * Resolves the value and checks it is within {@code [0, max]}.
     *
     * @param max the largest valid value.
     * @return true when valid; then read {@link #value()}.
     */
    boolean resolve(final long max)
    {
        if (state == TEXT)
        {
            final String s = text.trim();
            if (s.isEmpty() || s.length() > 20)
            {
                return false;
            }
            try
            {
                value = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            }
            catch (final NumberFormatException ex)
            {
                return false;
            }
            state = NUMBER;
        }
        return state == NUMBER && value >= 0 && value <= max;
    }

    /**
     * @return the value after a successful resolve.
     */
    long value()
    {
        return value;
    }

    /**
     * @return true when the field was present (null included).
     */
    boolean present()
    {
        return state != ABSENT;
    }
}
