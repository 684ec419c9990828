package io.nocraven.core.record;

import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that JSON text is written into, with JSON string escaping (RFC 8259) of text given as
 * chars or as UTF-8 bytes. Reused: it grows to the largest record written and then allocates nothing.
 * <p>
 * Escaping: quote, backslash, {@code \n}, {@code \r}, {@code \t} as short escapes, other controls and U+007F as
 * {@code \\u00XX}, and U+0085, U+2028 and U+2029 as {@code \\uXXXX} (valid raw in JSON, but line breaks to many
 * line-splitting readers, e.g. Python's {@code str.splitlines()} and pre-ES2019 JavaScript, and every record must stay
 * on one line). Lone surrogates in chars, and malformed UTF-8 in bytes (per maximal subpart, as {@link Utf8} decodes
 * it), become U+FFFD, so the buffer always holds valid UTF-8. It tracks whether all of it is ASCII.
 */
final class JsonBuffer
{
    /** Most bytes one char or one byte of input becomes ({@code \\u00XX}). */
    private static final int MAX_ESCAPE_LENGTH = 6;
    /** Input byte whose class is "not ASCII" in {@link #CLASS}. */
    private static final byte NOT_ASCII = 1;
    /**
     * For each byte value: 0 when it is copied as is (ASCII that needs no escape), {@link #NOT_ASCII} for 0x80-0xFF,
     * else the character that follows the backslash in its escape ({@code u} for {@code \\u00XX}).
     */
    private static final byte[] CLASS = new byte[256];
    private static final byte[] REPLACEMENT = {(byte)0xEF, (byte)0xBF, (byte)0xBD};

    static
    {
        for (int c = 0; c < 0x20; c++)
        {
            CLASS[c] = 'u';
        }
        CLASS[0x7F] = 'u';
        CLASS['"'] = '"';
        CLASS['\\'] = '\\';
        CLASS['\n'] = 'n';
        CLASS['\r'] = 'r';
        CLASS['\t'] = 't';
        Arrays.fill(CLASS, 0x80, 0x100, NOT_ASCII);
    }

    private byte[] buf;
    private int length;
    private boolean ascii = true;

    /**
     * @param capacity initial capacity in bytes.
     */
    JsonBuffer(final int capacity)
    {
        this.buf = new byte[capacity];
    }

    /**
     * @return the backing array; the text is its first {@link #length()} bytes. Replaced when the buffer grows.
     */
    byte[] array()
    {
        return buf;
    }

    /**
     * @return the number of bytes written.
     */
    int length()
    {
        return length;
    }

    /**
     * @return true when every byte written since {@link #clear()} is ASCII.
     */
    boolean ascii()
    {
        return ascii;
    }

    /** Forgets the content (keeps the capacity). */
    void clear()
    {
        length = 0;
        ascii = true;
    }

    /**
     * Makes room for {@code n} more bytes, to be written directly into {@link #array()} from the returned position
     * (then {@link #position(int)} sets the new length). Only for ASCII.
     *
     * @param n bytes needed.
     * @return the current length, where writing goes on.
     */
    int reserve(final int n)
    {
        if (length + n > buf.length)
        {
            grow(length, n);
        }
        return length;
    }

    /**
     * @param newLength the length after writing into {@link #array()} from {@link #reserve(int)}'s position.
     */
    void position(final int newLength)
    {
        length = newLength;
    }

    /**
     * @param c an ASCII character.
     */
    void put(final char c)
    {
        final int p = reserve(1);
        buf[p] = (byte)c;
        length = p + 1;
    }

    /**
     * @param text ASCII bytes, written as they are.
     */
    void put(final byte[] text)
    {
        final int p = reserve(text.length);
        System.arraycopy(text, 0, buf, p, text.length);
        length = p + text.length;
    }

    /**
     * @param text ASCII characters, written as they are (no escaping).
     */
    void putAscii(final CharSequence text)
    {
        final int n = text.length();
        final int p = reserve(n);
        for (int i = 0; i < n; i++)
        {
            buf[p + i] = (byte)text.charAt(i);
        }
        length = p + n;
    }

    /**
     * Writes text as JSON-escaped UTF-8 (without quotes).
     *
     * @param text the text.
     */
    void putEscaped(final CharSequence text)
    {
        final int n = text.length();
        byte[] b = buf;
        int p = length;
        for (int i = 0; i < n; i++)
        {
            if (p + MAX_ESCAPE_LENGTH > b.length)
            {
                b = grow(p, MAX_ESCAPE_LENGTH);
            }
            final char c = text.charAt(i);
            if (c < 0x80)
            {
                if (CLASS[c] == 0)
                {
                    b[p++] = (byte)c;
                }
                else
                {
                    p = writeEscape(b, p, c);
                }
            }
            else if (c < 0x800)
            {
                if (c == 0x85)
                {
                    p = writeUnicodeEscape(b, p, c);
                }
                else
                {
                    b[p++] = (byte)(0xC0 | (c >>> 6));
                    b[p++] = (byte)(0x80 | (c & 0x3F));
                    ascii = false;
                }
            }
            else if (Character.isSurrogate(c))
            {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)))
                {
                    final int cp = Character.toCodePoint(c, text.charAt(++i));
                    b[p++] = (byte)(0xF0 | (cp >>> 18));
                    b[p++] = (byte)(0x80 | ((cp >>> 12) & 0x3F));
                    b[p++] = (byte)(0x80 | ((cp >>> 6) & 0x3F));
                    b[p++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    System.arraycopy(REPLACEMENT, 0, b, p, REPLACEMENT.length);
                    p += REPLACEMENT.length;
                }
                ascii = false;
            }
            else if (c == 0x2028 || c == 0x2029)
            {
                p = writeUnicodeEscape(b, p, c);
            }
            else
            {
                b[p++] = (byte)(0xE0 | (c >>> 12));
                b[p++] = (byte)(0x80 | ((c >>> 6) & 0x3F));
                b[p++] = (byte)(0x80 | (c & 0x3F));
                ascii = false;
            }
        }
        length = p;
    }

    /**
     * Writes UTF-8 bytes as JSON-escaped UTF-8 (without quotes): runs that need no change (ASCII that needs no escape,
     * well-formed sequences other than U+0085, U+2028 and U+2029) are copied whole; each maximal malformed subpart
     * becomes U+FFFD, as {@link Utf8#decode(byte[], int, int, StringBuilder)} decodes it.
     *
     * @param src    the bytes.
     * @param offset first byte.
     * @param count  number of bytes.
     */
    void putUtf8Escaped(final byte[] src, final int offset, final int count)
    {
        final int end = offset + count;
        int run = offset;
        int i = offset;
        while (i < end)
        {
            final int c = CLASS[src[i] & 0xFF];
            if (c == 0)
            {
                i++;
                continue;
            }
            if (c != NOT_ASCII)
            {
                copy(src, run, i);
                final int p = reserve(MAX_ESCAPE_LENGTH);
                length = writeEscape(buf, p, src[i]);
                run = ++i;
                continue;
            }
            final int n = Utf8.sequenceLength(src, i, end);
            if (n <= 0)
            {
                copy(src, run, i);
                put(REPLACEMENT);
                ascii = false;
                i -= n;
                run = i;
                continue;
            }
            final int separator = lineSeparator(src, i, n);
            if (separator != 0)
            {
                copy(src, run, i);
                final int p = reserve(MAX_ESCAPE_LENGTH);
                length = writeUnicodeEscape(buf, p, separator);
                i += n;
                run = i;
                continue;
            }
            ascii = false;
            i += n;
        }
        copy(src, run, end);
    }

    /**
     * @return U+0085, U+2028 or U+2029 when the well-formed sequence of {@code n} bytes at {@code i} encodes one,
     * else 0.
     */
    private static int lineSeparator(final byte[] src, final int i, final int n)
    {
        final int b0 = src[i] & 0xFF;
        if (n == 2)
        {
            return b0 == 0xC2 && (src[i + 1] & 0xFF) == 0x85 ? 0x85 : 0;
        }
        if (n == 3 && b0 == 0xE2 && (src[i + 1] & 0xFF) == 0x80)
        {
            final int b2 = src[i + 2] & 0xFF;
            return b2 == 0xA8 ? 0x2028 : b2 == 0xA9 ? 0x2029 : 0;
        }
        return 0;
    }

    private void copy(final byte[] src, final int from, final int to)
    {
        final int n = to - from;
        if (n > 0)
        {
            final int p = reserve(n);
            System.arraycopy(src, from, buf, p, n);
            length = p + n;
        }
    }

    /** Writes the escape of an ASCII character whose {@link #CLASS} is an escape. */
    private static int writeEscape(final byte[] b, final int p, final int c)
    {
        final byte e = CLASS[c];
        if (e == 'u')
        {
            return writeUnicodeEscape(b, p, c);
        }
        b[p] = '\\';
        b[p + 1] = e;
        return p + 2;
    }

    /** Writes {@code \\uXXXX} (lowercase hex) for a char. */
    private static int writeUnicodeEscape(final byte[] b, final int p, final int c)
    {
        b[p] = '\\';
        b[p + 1] = 'u';
        AsciiText.writeHexByte(b, p + 2, c >>> 8);
        return AsciiText.writeHexByte(b, p + 4, c);
    }

    /**
     * Grows the array so that {@code needed} bytes fit after {@code position}, which becomes the length.
     *
     * @return the new array.
     */
    private byte[] grow(final int position, final int needed)
    {
        final int required = position + needed;
        if (required < 0)
        {
            throw new IllegalStateException("JSON record larger than 2 GiB");
        }
        length = position;
        buf = Arrays.copyOf(buf, Math.max(required, buf.length <= Integer.MAX_VALUE / 2 ? buf.length * 2 : required));
        return buf;
    }
}
