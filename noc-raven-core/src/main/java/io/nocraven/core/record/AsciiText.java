package io.nocraven.core.record;

/**
 * ASCII digits written into a byte array at a position, returning the position after them: the one implementation
 * of decimal and hex text behind {@link JsonRecordWriter}, {@link TimeText}, {@link AddressText} and
 * {@link RecordContext}. The caller makes room first (every writer states its longest output); the
 * {@link StringBuilder} forms of those classes write into a small array and {@link #append} it.
 */
final class AsciiText
{
    /** Longest decimal text of a long ({@code -9223372036854775808}) or an unsigned long (20 digits). */
    static final int MAX_LONG_LENGTH = 20;

    /** Lowercase hex digits. */
    static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private AsciiText()
    {
    }

    /**
     * Writes a signed integer in decimal.
     *
     * @param dst   where to write (at least {@link #MAX_LONG_LENGTH} bytes from {@code pos}).
     * @param pos   where the text starts.
     * @param value the value.
     * @return the position after the text.
     */
    static int writeLong(final byte[] dst, final int pos, final long value)
    {
        if (value >= 0)
        {
            return writePositive(dst, pos, value);
        }
        dst[pos] = '-';
        // -Long.MIN_VALUE is Long.MIN_VALUE, whose unsigned value is 2^63: the right digits.
        return writeUnsigned(dst, pos + 1, -value);
    }

    /**
     * Writes an unsigned 64-bit integer in decimal.
     *
     * @param dst   where to write (at least {@link #MAX_LONG_LENGTH} bytes from {@code pos}).
     * @param pos   where the text starts.
     * @param value the bits of the unsigned value.
     * @return the position after the text.
     */
    static int writeUnsigned(final byte[] dst, final int pos, final long value)
    {
        if (value >= 0)
        {
            return writePositive(dst, pos, value);
        }
        final long quotient = (value >>> 1) / 5;
        final int end = writePositive(dst, pos, quotient);
        dst[end] = (byte)('0' + (value - quotient * 10));
        return end + 1;
    }

    /**
     * Writes a non-negative integer in decimal with leading zeros up to {@code width} digits.
     *
     * @param dst   where to write.
     * @param pos   where the text starts.
     * @param value the value, at least 0.
     * @param width the fewest digits.
     * @return the position after the text.
     */
    static int writePadded(final byte[] dst, final int pos, final long value, final int width)
    {
        int p = pos;
        for (int i = digits(value); i < width; i++)
        {
            dst[p++] = '0';
        }
        return writePositive(dst, p, value);
    }

    /**
     * Writes two lowercase hex digits.
     *
     * @param dst   where to write.
     * @param pos   where the digits start.
     * @param value a byte (its low 8 bits count).
     * @return the position after the digits.
     */
    static int writeHexByte(final byte[] dst, final int pos, final int value)
    {
        dst[pos] = HEX[(value >>> 4) & 0xF];
        dst[pos + 1] = HEX[value & 0xF];
        return pos + 2;
    }

    /**
     * Appends ASCII bytes as characters.
     *
     * @param sb     where to append.
     * @param text   ASCII bytes.
     * @param length how many, from index 0.
     */
    static void append(final StringBuilder sb, final byte[] text, final int length)
    {
        sb.ensureCapacity(sb.length() + length);
        for (int i = 0; i < length; i++)
        {
            sb.append((char)text[i]);
        }
    }

    private static int writePositive(final byte[] dst, final int pos, final long value)
    {
        final int end = pos + digits(value);
        long v = value;
        int p = end;
        while (v >= 10)
        {
            final long q = v / 10;
            dst[--p] = (byte)('0' + (v - q * 10));
            v = q;
        }
        dst[p - 1] = (byte)('0' + v);
        return end;
    }

    private static int digits(final long value)
    {
        long limit = 10;
        for (int d = 1; d < 19; d++)
        {
            if (value < limit)
            {
                return d;
            }
            limit *= 10;
        }
        return 19;
    }
}
