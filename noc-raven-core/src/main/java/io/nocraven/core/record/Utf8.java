package io.nocraven.core.record;

/**
 * UTF-8 decoding into a {@link StringBuilder} without allocation, with JSON escaping, replacing each maximal
 * malformed subsequence with U+FFFD (the Unicode "substitution of maximal subparts" practice, also the WHATWG
 * Encoding Standard's and Python's). The JDK's decoder does the same except for surrogates encoded in UTF-8
 * ({@code ED A0..BF xx}): it gives one U+FFFD for the three bytes, this class three, as the practice says.
 */
public final class Utf8
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

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
     * Decodes UTF-8 and appends the text JSON-escaped (without quotes).
     *
     * @param buf    bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @param sb     where to append.
     */
    public static void decodeEscaped(final byte[] buf, final int offset, final int length, final StringBuilder sb)
    {
        decode(buf, offset, length, sb, true);
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
        decode(buf, offset, length, sb, false);
    }

    private static void decode(final byte[] buf, final int offset, final int length, final StringBuilder sb, final boolean escape)
    {
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            final int b = buf[i] & 0xFF;
            if (b < 0x80)
            {
                if (escape)
                {
                    appendEscapedAscii(sb, (char)b);
                }
                else
                {
                    sb.append((char)b);
                }
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
            int cp;
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
            if (escape && (cp == 0x85 || cp == 0x2028 || cp == 0x2029))
            {
                appendLineSeparatorEscaped(sb, (char)cp);
            }
            else
            {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
    }

    /**
     * Appends U+0085, U+2028 or U+2029 as a JSON {@code \\u} escape with four hex digits: JSON allows them raw, but many
     * line-oriented readers split lines on them, and a record must stay on one line.
     *
     * @param sb where to append.
     * @param c  the character.
     */
    static void appendLineSeparatorEscaped(final StringBuilder sb, final char c)
    {
        sb.append("\\u").append(HEX[(c >>> 12) & 0xF]).append(HEX[(c >>> 8) & 0xF]).append(HEX[(c >>> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    private static void appendEscapedAscii(final StringBuilder sb, final char c)
    {
        switch (c)
        {
            case '"':
                sb.append("\\\"");
                break;
            case '\\':
                sb.append("\\\\");
                break;
            case '\n':
                sb.append("\\n");
                break;
            case '\r':
                sb.append("\\r");
                break;
            case '\t':
                sb.append("\\t");
                break;
            default:
                if (c < 0x20 || c == 0x7F)
                {
                    sb.append("\\u00").append(HEX[c >>> 4]).append(HEX[c & 0xF]);
                }
                else
                {
                    sb.append(c);
                }
        }
    }

    /**
     * @return the length (1-4) of the well-formed sequence at {@code i}, or minus the number of bytes to skip
     * (the maximal malformed subpart, at least 1).
     */
    private static int sequenceLength(final byte[] buf, final int i, final int end)
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
