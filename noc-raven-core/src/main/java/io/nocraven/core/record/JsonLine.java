package io.nocraven.core.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One JSON line as {@link JsonRecordWriter} wrote it: UTF-8 bytes (without the trailing newline), also readable as
 * text through {@link CharSequence}. A view over the writer's buffer, reused for every record: valid only during
 * {@link JsonRecordWriter.LineConsumer#onLine}; keep {@link #toByteArray()} or {@link #toString()} to hold on to it.
 * <p>
 * Byte consumers ({@link #bytes()}, {@link #writeTo}) cost nothing extra. The text view costs nothing either when the
 * line is pure ASCII (the usual case: {@code charAt(i)} is byte {@code i}); otherwise the first text call decodes the
 * line once into a String that later calls reuse.
 */
public final class JsonLine implements CharSequence
{
    private byte[] bytes;
    private int length;
    private boolean ascii;
    private String text;

    JsonLine()
    {
    }

    /**
     * Points the view at new content.
     *
     * @param bytes  UTF-8 bytes.
     * @param length how many, from index 0.
     * @param ascii  true when all of them are ASCII.
     * @return this.
     */
    JsonLine set(final byte[] bytes, final int length, final boolean ascii)
    {
        this.bytes = bytes;
        this.length = length;
        this.ascii = ascii;
        this.text = null;
        return this;
    }

    /**
     * @return the backing array: the line is its first {@link #byteLength()} bytes (valid only during the callback).
     */
    public byte[] bytes()
    {
        return bytes;
    }

    /**
     * @return the line's length in UTF-8 bytes.
     */
    public int byteLength()
    {
        return length;
    }

    /**
     * @return true when the line is pure ASCII (then its length in chars is its length in bytes).
     */
    public boolean isAscii()
    {
        return ascii;
    }

    /**
     * Writes the line's bytes (no newline).
     *
     * @param out where to write.
     * @throws IOException when {@code out} fails.
     */
    public void writeTo(final OutputStream out) throws IOException
    {
        out.write(bytes, 0, length);
    }

    /**
     * @return a copy of the line's UTF-8 bytes.
     */
    public byte[] toByteArray()
    {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public int length()
    {
        return ascii ? length : text().length();
    }

    @Override
    public char charAt(final int index)
    {
        if (ascii)
        {
            return (char)bytes[Objects.checkIndex(index, length)];
        }
        return text().charAt(index);
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        if (ascii)
        {
            Objects.checkFromToIndex(start, end, length);
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return text().substring(start, end);
    }

    /**
     * @return the line's text.
     */
    @Override
    public String toString()
    {
        return text();
    }

    private String text()
    {
        String t = text;
        if (t == null)
        {
            t = new String(bytes, 0, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }
}
