package io.nocraven.testing;

import java.util.Arrays;

/**
 * Hex text to bytes and back, for tests: {@code Hex.parse("0a 0b0c")}, {@code Hex.format(bytes)}.
 */
public final class Hex
{
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex()
    {
    }

    /**
     * Parses hex digits (either case); whitespace anywhere is ignored.
     *
     * @param hex the text.
     * @return the bytes.
     * @throws IllegalArgumentException on a character that is not a hex digit or whitespace, or an odd digit count.
     */
    public static byte[] parse(final CharSequence hex)
    {
        final byte[] out = new byte[hex.length() / 2];
        int digits = 0;
        int value = 0;
        for (int i = 0; i < hex.length(); i++)
        {
            final char c = hex.charAt(i);
            if (Character.isWhitespace(c))
            {
                continue;
            }
            final int d = Character.digit(c, 16);
            if (d < 0)
            {
                throw new IllegalArgumentException("character '" + c + "' at index " + i + " (expected: a hex digit or whitespace)");
            }
            value = (value << 4) | d;
            digits++;
            if ((digits & 1) == 0)
            {
                out[digits / 2 - 1] = (byte)value;
                value = 0;
            }
        }
        if ((digits & 1) != 0)
        {
            throw new IllegalArgumentException("odd number of hex digits: " + digits);
        }
        return Arrays.copyOf(out, digits / 2);
    }

    /**
     * @param bytes the bytes.
     * @return lowercase hex without separators.
     */
    public static String format(final byte[] bytes)
    {
        return format(bytes, 0, bytes.length);
    }

    /**
     * @param bytes  the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @return lowercase hex without separators.
     */
    public static String format(final byte[] bytes, final int offset, final int length)
    {
        final StringBuilder sb = new StringBuilder(length * 2);
        for (int i = offset; i < offset + length; i++)
        {
            sb.append(DIGITS[(bytes[i] >>> 4) & 0xF]).append(DIGITS[bytes[i] & 0xF]);
        }
        return sb.toString();
    }
}
