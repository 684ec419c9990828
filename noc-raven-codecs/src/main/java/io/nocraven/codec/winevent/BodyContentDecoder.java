package io.nocraven.codec.winevent;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Turns an HTTP body into UTF-8 JSON bytes: checks the Content-Type, undoes gzip (declared by Content-Encoding or
 * recognised by its magic bytes {@code 1f 8b}), removes a byte order mark and converts UTF-16 (LE or BE, from the
 * BOM, the {@code charset} parameter or RFC 4627 §3 zero-byte sniffing), ISO-8859-1 and windows-1252 to UTF-8.
 * Every size is bounded by {@link WindowsEventLimits} before it is used: decompression stops one byte past
 * {@code maxDecodedBytes}, so a zip bomb costs at most that much memory.
 * <p>
 * The JDK's {@link GZIPInputStream} and {@link Charset} decoders do the work; this class only adds the limits and the
 * header rules. After {@link #decode} returns true, {@link #buffer()}, {@link #offset()} and {@link #length()} give
 * the UTF-8 JSON (valid until the next call); after it returns false, {@link #outcome()}, {@link #reason()} and
 * {@link #errorOffset()} say why. Single-threaded; the work buffer is reused between bodies.
 */
final class BodyContentDecoder
{
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int INITIAL_WORK = 64 * 1024;
    /** A work buffer grown past this by one large body is dropped before the next one, not kept for ever. */
    private static final int RETAINED_WORK = 4 * 1024 * 1024;

    private final WindowsEventLimits limits;
    private byte[] work = new byte[INITIAL_WORK];
    private byte[] buf;
    private int offset;
    private int length;
    private boolean ndjson;
    private IngestResult.Outcome outcome;
    private String reason;
    private long errorOffset;

    BodyContentDecoder(final WindowsEventLimits limits)
    {
        this.limits = limits;
    }

    /**
     * @param body            the bytes as received.
     * @param bodyOffset      where they start.
     * @param bodyLength      how many.
     * @param contentType     the Content-Type header, or null when absent.
     * @param contentEncoding the Content-Encoding header, or null when absent.
     * @return true when the body is now UTF-8 JSON; false when it is refused.
     */
    boolean decode(
        final byte[] body, final int bodyOffset, final int bodyLength, final String contentType, final String contentEncoding)
    {
        outcome = null;
        reason = null;
        errorOffset = 0;
        if (bodyLength > limits.maxBodyBytes())
        {
            return fail(IngestResult.Outcome.TOO_LARGE, "body exceeds " + limits.maxBodyBytes() + " bytes", limits.maxBodyBytes());
        }
        final MediaType media = MediaType.parse(contentType);
        if (media.error() != null)
        {
            return fail(IngestResult.Outcome.UNSUPPORTED, media.error(), 0);
        }
        ndjson = media.ndjson();
        buf = body;
        offset = bodyOffset;
        length = bodyLength;
        final String coding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        final boolean gzipMagic = length >= 2 && (buf[offset] & 0xFF) == 0x1F && (buf[offset + 1] & 0xFF) == 0x8B;
        if (coding.equals("gzip") || coding.equals("x-gzip") || (coding.isEmpty() || coding.equals("identity")) && gzipMagic)
        {
            if (!gunzip())
            {
                return false;
            }
        }
        else if (!coding.isEmpty() && !coding.equals("identity"))
        {
            return fail(IngestResult.Outcome.UNSUPPORTED, "unsupported content encoding", 0);
        }
        else if (length > limits.maxDecodedBytes())
        {
            return fail(IngestResult.Outcome.TOO_LARGE, "body exceeds " + limits.maxDecodedBytes() + " decoded bytes",
                limits.maxDecodedBytes());
        }
        return toUtf8(media.charset());
    }

    private boolean gunzip()
    {
        final int max = limits.maxDecodedBytes();
        if (work.length > RETAINED_WORK)
        {
            work = new byte[INITIAL_WORK];
        }
        int n = 0;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(buf, offset, length), 8192))
        {
            while (true)
            {
                if (n == work.length)
                {
                    if (n > max)
                    {
                        break;
                    }
                    work = Arrays.copyOf(work, (int)Math.min((long)max + 1, Math.max(1024L, 2L * n)));
                }
                final int r = in.read(work, n, work.length - n);
                if (r < 0)
                {
                    break;
                }
                n += r;
                if (n > max)
                {
                    break;
                }
            }
        }
        catch (final EOFException ex)
        {
            return fail(IngestResult.Outcome.MALFORMED, "truncated gzip data", n);
        }
        catch (final IOException ex)
        {
            return fail(IngestResult.Outcome.MALFORMED, "invalid gzip data", n);
        }
        if (n > max)
        {
            return fail(IngestResult.Outcome.TOO_LARGE, "decompressed body exceeds " + max + " bytes", max);
        }
        buf = work;
        offset = 0;
        length = n;
        return true;
    }

    private boolean toUtf8(final String charset)
    {
        Charset from = null;
        int skip = 0;
        final int b0 = length >= 1 ? buf[offset] & 0xFF : -1;
        final int b1 = length >= 2 ? buf[offset + 1] & 0xFF : -1;
        if (length >= 3 && b0 == 0xEF && b1 == 0xBB && (buf[offset + 2] & 0xFF) == 0xBF)
        {
            skip = 3;
        }
        else if (b0 == 0xFE && b1 == 0xFF)
        {
            from = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        else if (b0 == 0xFF && b1 == 0xFE)
        {
            from = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        else if (charset.equals("utf-16le"))
        {
            from = StandardCharsets.UTF_16LE;
        }
        else if (charset.equals("utf-16be"))
        {
            from = StandardCharsets.UTF_16BE;
        }
        else if (charset.equals("iso-8859-1") || charset.equals("latin1"))
        {
            from = StandardCharsets.ISO_8859_1;
        }
        else if (charset.equals("windows-1252") || charset.equals("cp1252"))
        {
            from = WINDOWS_1252;
        }
        else if (b0 == 0 && b1 > 0)
        {
            from = StandardCharsets.UTF_16BE;
        }
        else if (b0 > 0 && b1 == 0)
        {
            from = StandardCharsets.UTF_16LE;
        }
        else if (charset.equals("utf-16"))
        {
            from = StandardCharsets.UTF_16BE;
        }
        offset += skip;
        length -= skip;
        return from == null || transcode(from);
    }

    private boolean transcode(final Charset from)
    {
        final CharBuffer chars;
        try
        {
            chars = from.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buf, offset, length));
        }
        catch (final CharacterCodingException ex)
        {
            return fail(IngestResult.Outcome.MALFORMED, "invalid " + from.name() + " text", 0);
        }
        final ByteBuffer utf8;
        try
        {
            utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .encode(chars);
        }
        catch (final CharacterCodingException ex)
        {
            return fail(IngestResult.Outcome.MALFORMED, "invalid " + from.name() + " text", 0);
        }
        if (utf8.remaining() > limits.maxDecodedBytes())
        {
            return fail(IngestResult.Outcome.TOO_LARGE, "body exceeds " + limits.maxDecodedBytes() + " decoded bytes",
                limits.maxDecodedBytes());
        }
        buf = utf8.array();
        offset = utf8.arrayOffset() + utf8.position();
        length = utf8.remaining();
        return true;
    }

    private boolean fail(final IngestResult.Outcome o, final String why, final long at)
    {
        outcome = o;
        reason = why;
        errorOffset = at;
        return false;
    }

    byte[] buffer()
    {
        return buf;
    }

    int offset()
    {
        return offset;
    }

    int length()
    {
        return length;
    }

    boolean ndjson()
    {
        return ndjson;
    }

    IngestResult.Outcome outcome()
    {
        return outcome;
    }

    String reason()
    {
        return reason;
    }

    long errorOffset()
    {
        return errorOffset;
    }
}
