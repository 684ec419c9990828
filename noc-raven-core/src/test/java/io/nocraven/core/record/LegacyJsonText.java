package io.nocraven.core.record;

/**
 * The char-based JSON escaping that {@link JsonRecordWriter} used before it wrote UTF-8 bytes, kept as the reference
 * the byte writer must match exactly: {@code escape} is {@code JsonRecordWriter.escape} as of commit cce5b6c (its
 * ASCII cases written once, in {@code appendEscapedAscii}), and {@code decodeEscaped} gives what
 * {@code Utf8.decodeEscaped} gave then.
 */
final class LegacyJsonText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LegacyJsonText()
    {
    }

    /** The old {@code JsonRecordWriter.escape(CharSequence, StringBuilder)}. */
    static void escape(final CharSequence value, final StringBuilder sb)
    {
        for (int i = 0, n = value.length(); i < n; i++)
        {
            final char c = value.charAt(i);
            if (c < 0x80)
            {
                appendEscapedAscii(sb, c);
            }
            else if (c == 0x85 || c == 0x2028 || c == 0x2029)
            {
                appendLineSeparatorEscaped(sb, c);
            }
            else if (Character.isHighSurrogate(c))
            {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1)))
                {
                    sb.append(c).append(value.charAt(++i));
                }
                else
                {
                    sb.append('\uFFFD');
                }
            }
            else if (Character.isLowSurrogate(c))
            {
                sb.append('\uFFFD');
            }
            else
            {
                sb.append(c);
            }
        }
    }

    /**
     * What the old {@code Utf8.decodeEscaped(byte[], int, int, StringBuilder)} appended: the text as
     * {@link Utf8#decode(byte[], int, int, StringBuilder)} decodes it (each maximal malformed subpart one U+FFFD,
     * never a lone surrogate), escaped as {@link #escape} does; the old method did both in one pass.
     */
    static void decodeEscaped(final byte[] buf, final int offset, final int length, final StringBuilder sb)
    {
        final StringBuilder text = new StringBuilder(length);
        Utf8.decode(buf, offset, length, text);
        escape(text, sb);
    }

    private static void appendLineSeparatorEscaped(final StringBuilder sb, final char c)
    {
        sb.append("\\u").append(HEX[(c >>> 12) & 0xF]).append(HEX[(c >>> 8) & 0xF]).append(HEX[(c >>> 4) & 0xF])
            .append(HEX[c & 0xF]);
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
}
