package io.nocraven.core.record;

/**
 * UTF-8 validation, and decoding into a {@link StringBuilder} without allocation, replacing each maximal
 * malformed subsequence with U+FFFD (the Unicode "substitution of maximal subparts" practice, also the WHATWG
 * Encoding Standard's and Python's). The JDK's decoder does the same except for surrogates encoded in UTF-8
 * ({@code ED A0..BF xx}): it gives one U+FFFD for the three bytes, this class three, as the practice says.
 * {@link JsonRecordWriter} replaces malformed input the same way while it escapes.
 */
public final class Utf8
{
    private Utf8()
    {
    }

    /**
     * @param buf    bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @return true when the bytes are well-formed UTF-8.
     */
    public static boolean isValid(final byte[] buf, final int offset, final int length)
    {
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            final int n = sequenceLength(buf, i, end);
            if (n <= 0)
            {
                return false;
            }
            i += n;
        }
        return true;
    }

    /**
     * Decodes UTF-8 and appends the text JSON-escaped (without quotes), as {@link JsonRecordWriter} writes it. Allocates
     * (the JSON writer itself escapes into its byte buffer).
     *
     * @param buf    bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @param sb     where to append.
     */
    public static void decodeEscaped(final byte[] buf, final int offset, final int length, final StringBuilder sb)
    {
        final JsonBuffer escaped = new JsonBuffer(length + 16);
        escaped.putUtf8Escaped(buf, offset, length);
        decode(escaped.array(), 0, escaped.length(), sb);
    }

    /**
     * Decodes UTF-8 and appends the text as is.
     *
     * @param buf    bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @param sb     where to append.
     */
    public static void decode(final byte[] buf, final int offset, final int length, final StringBuilder sb)
    {
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            final int b = buf[i] & 0xFF;
            if (b < 0x80)
            {
                sb.append((char)b);
                i++;
                continue;
            }
            final int n = sequenceLength(buf, i, end);
            if (n <= 0)
            {
                sb.append('\uFFFD');
                i += -n;
                continue;
            }
            final int cp;
            if (n == 2)
            {
                cp = ((b & 0x1F) << 6) | (buf[i + 1] & 0x3F);
            }
            else if (n == 3)
            {
                cp = ((b & 0x0F) << 12) | ((buf[i + 1] & 0x3F) << 6) | (buf[i + 2] & 0x3F);
            }
            else
            {
                cp = ((b & 0x07) << 18) | ((buf[i + 1] & 0x3F) << 12) | ((buf[i + 2] & 0x3F) << 6) | (buf[i + 3] & 0x3F);
            }
            sb.appendCodePoint(cp);
            i += n;
        }
    }

    /**
     * @return the length (1-4) of the well-formed sequence at {@code i}, or minus the number of bytes to skip
     * (the maximal malformed subpart, at least 1).
     */
    static int sequenceLength(final byte[] buf, final int i, final int end)
    {
        final int b = buf[i] & 0xFF;
        if (b < 0x80)
        {
            return 1;
        }
        final int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF)
        {
            n = 2;
        }
        else if (b >= 0xE0 && b <= 0xEF)
        {
            n = 3;
            if (b == 0xE0)
            {
                lo = 0xA0;
            }
            else if (b == 0xED)
            {
                hi = 0x9F;
            }
        }
        else if (b >= 0xF0 && b <= 0xF4)
        {
            n = 4;
            if (b == 0xF0)
            {
                lo = 0x90;
            }
            else if (b == 0xF4)
            {
                hi = 0x8F;
            }
        }
        else
        {
            return -1;
        }
        for (int k = 1; k < n; k++)
        {
            if (i + k >= end)
            {
                return -k;
            }
            final int c = buf[i + k] & 0xFF;
            final int min = k == 1 ? lo : 0x80;
            final int max = k == 1 ? hi : 0xBF;
            if (c < min || c > max)
            {
                return -k;
            }
        }
        return n;
    }
}
