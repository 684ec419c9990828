package io.nocraven.codec.winevent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

import java.io.IOException;
import java.time.ZoneId;

/**
 * Decodes HTTP bodies of Windows events (what {@code POST /api/v1/windows-events} receives) into canonical
 * {@code windows-event} records, whatever shipper wrote them: Winlogbeat, NXLog {@code im_msvistalog} or PowerShell
 * {@code Get-WinEvent | ConvertTo-Json} (see {@link Dialect}; the record is described in
 * {@code docs/record-schema.md}).
 * <p>
 * A body is a single JSON object, a JSON array of objects, or NDJSON (one object per line; chosen by an NDJSON
 * Content-Type, or by shape: a first line that is one complete object followed by more content). It may be gzip
 * compressed, start with a BOM, or be UTF-16 ({@link BodyContentDecoder}), within {@link WindowsEventLimits}.
 * <ul>
 *   <li>An event that cannot be used (not an object, unknown shape, missing or bad field) becomes one
 *       {@code invalid} record with its {@code reason}, {@code index} and {@code offset}; the other events are
 *       still decoded.</li>
 *   <li>A bad NDJSON line is such an event; the lines after it are still decoded.</li>
 *   <li>A body that is not JSON, or a JSON array or object that is broken or truncated, gives one {@code invalid}
 *       record with the offset where parsing failed and nothing else: an array is checked whole before its first
 *       event is written, so a batch is never half-ingested.</li>
 * </ul>
 * {@link #decodeBody} returns an {@link IngestResult} the HTTP layer maps to a status; {@link #decode} (the
 * {@link DatagramDecoder} view, used by {@code decode --protocol windows-event FILE}) takes the whole input as one
 * body with no headers (gzip and UTF-16 are then recognised by their first bytes). Uses Jackson's streaming
 * {@link JsonParser}: no tree per event. Single-threaded; never throws on input.
 */
public final class WindowsEventDecoder implements DatagramDecoder
{
    private final DecodeCounters counters = new DecodeCounters();
    private final WindowsEventLimits limits;
    private final ZoneId zone;
    private final JsonFactory factory;
    private final BodyContentDecoder content;
    private final WindowsEventReader reader = new WindowsEventReader(EventNameTables.DEFAULT);
    private final CanonicalEventWriter canonical = new CanonicalEventWriter(EventNameTables.DEFAULT);
    private final BodyBatch batch = new BodyBatch(counters);

    /**
     * @param options shared codec settings ({@link CodecOptions#timezone()} applies to times without a zone).
     */
    public WindowsEventDecoder(final CodecOptions options)
    {
        this(options, WindowsEventLimits.defaults());
    }

    /**
     * @param options shared codec settings.
     * @param limits  body size limits.
     */
    public WindowsEventDecoder(final CodecOptions options, final WindowsEventLimits limits)
    {
        this.limits = limits;
        this.zone = options.timezone();
        this.content = new BodyContentDecoder(limits);
        this.factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxDecodedBytes())
                .maxNumberLength(64)
                .build())
            .build();
    }

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        final IngestResult r = decodeBody(context, buf, offset, length, null, null, out);
        return r.httpStatus() == 202 ? DecodeStatus.OK : DecodeStatus.INVALID;
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }

    /**
     * Decodes one HTTP body.
     *
     * @param context         the envelope (the HTTP client as exporter, the listener, the receive time).
     * @param body            the body as received.
     * @param offset          where it starts.
     * @param length          its length.
     * @param contentType     the Content-Type header, or null.
     * @param contentEncoding the Content-Encoding header, or null.
     * @param out             where records go.
     * @return what happened, for the HTTP status (see {@link IngestResult}).
     */
    public IngestResult decodeBody(
        final RecordContext context,
        final byte[] body,
        final int offset,
        final int length,
        final String contentType,
        final String contentEncoding,
        final RecordWriter out)
    {
        counters.onInput();
        if (!content.decode(body, offset, length, contentType, contentEncoding))
        {
            return refuse(context, out, content.outcome(), content.reason(), content.errorOffset(), body, offset, length);
        }
        final byte[] b = content.buffer();
        final int start = content.offset();
        final int end = start + content.length();
        final int first = skipWhitespace(b, start, end);
        batch.begin(context, out, b, start);
        if (first == end)
        {
            return refuse(context, out, IngestResult.Outcome.MALFORMED, "empty body", 0, body, offset, length);
        }
        if (content.ndjson() || (b[first] == '{' && lineOriented(b, first, end)))
        {
            return lines(b, start, end, body, offset, length);
        }
        if (b[first] == '[')
        {
            return array(b, start, first, end, body, offset, length);
        }
        if (b[first] == '{')
        {
            return single(b, start, first, end, body, offset, length);
        }
        return refuse(context, out, IngestResult.Outcome.MALFORMED, "not a JSON object or array", first - start,
            body, offset, length);
    }

    private IngestResult single(final byte[] b, final int start, final int first, final int end,
        final byte[] body, final int offset, final int length)
    {
        final Dialect dialect;
        try (JsonParser p = factory.createParser(b, first, end - first))
        {
            p.nextToken();
            dialect = reader.read(p);
            if (p.nextToken() != null)
            {
                return refuse(batch.context(), batch.out(), IngestResult.Outcome.MALFORMED, "trailing data after JSON value",
                    first - start + p.currentTokenLocation().getByteOffset(), body, offset, length);
            }
        }
        catch (final IOException ex)
        {
            return refuse(batch.context(), batch.out(), IngestResult.Outcome.MALFORMED, JsonErrors.reason(ex, end - first),
                JsonErrors.offset(ex, first - start), body, offset, length);
        }
        finishEvent(dialect, true, 0, first, end);
        return batch.result();
    }

    private IngestResult array(final byte[] b, final int start, final int first, final int end,
        final byte[] body, final int offset, final int length)
    {
        int events = 0;
        try (JsonParser p = factory.createParser(b, first, end - first))
        {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY)
            {
                if (++events > limits.maxEvents())
                {
                    return refuse(batch.context(), batch.out(), IngestResult.Outcome.TOO_LARGE,
                        "more than " + limits.maxEvents() + " events", first - start + p.currentTokenLocation().getByteOffset(),
                        body, offset, length);
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
                {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null)
            {
                return refuse(batch.context(), batch.out(), IngestResult.Outcome.MALFORMED, "trailing data after JSON value",
                    first - start + p.currentTokenLocation().getByteOffset(), body, offset, length);
            }
        }
        catch (final IOException ex)
        {
            return refuse(batch.context(), batch.out(), IngestResult.Outcome.MALFORMED, JsonErrors.reason(ex, end - first),
                JsonErrors.offset(ex, first - start), body, offset, length);
        }
        int index = 0;
        int eventStart = first;
        try (JsonParser p = factory.createParser(b, first, end - first))
        {
            p.nextToken();
            while (p.nextToken() != JsonToken.END_ARRAY)
            {
                eventStart = first + (int)p.currentTokenLocation().getByteOffset();
                final boolean object = p.currentToken() == JsonToken.START_OBJECT;
                final Dialect dialect = object ? reader.read(p) : notAnObject(p);
                finishEvent(dialect, object, index++, eventStart, first + (int)p.currentLocation().getByteOffset());
            }
        }
        catch (final IOException ex)
        {
            batch.reject(index, eventStart, end, JsonErrors.offset(ex, first - start), JsonErrors.reason(ex, end - first));
        }
        return batch.result();
    }

    private IngestResult lines(final byte[] b, final int start, final int end,
        final byte[] body, final int offset, final int length)
    {
        int count = 0;
        for (int ls = start; ls < end; )
        {
            final int le = lineEnd(b, ls, end);
            if (skipWhitespace(b, ls, le) < le && ++count > limits.maxEvents())
            {
                return refuse(batch.context(), batch.out(), IngestResult.Outcome.TOO_LARGE,
                    "more than " + limits.maxEvents() + " events", ls - start, body, offset, length);
            }
            ls = le + 1;
        }
        int index = 0;
        for (int ls = start; ls < end; )
        {
            final int le = lineEnd(b, ls, end);
            final int from = skipWhitespace(b, ls, le);
            if (from < le)
            {
                line(b, start, from, le, index++);
            }
            ls = le + 1;
        }
        return batch.result();
    }

    private void line(final byte[] b, final int start, final int from, final int to, final int index)
    {
        try (JsonParser p = factory.createParser(b, from, to - from))
        {
            final boolean object = p.nextToken() == JsonToken.START_OBJECT;
            final Dialect dialect = object ? reader.read(p) : notAnObject(p);
            if (p.nextToken() != null)
            {
                batch.reject(index, from, to, from - start + p.currentTokenLocation().getByteOffset(),
                    "trailing data after JSON value");
                return;
            }
            finishEvent(dialect, object, index, from, to);
        }
        catch (final IOException ex)
        {
            batch.reject(index, from, to, JsonErrors.offset(ex, from - start), JsonErrors.reason(ex, to - from));
        }
    }

    private Dialect notAnObject(final JsonParser p) throws IOException
    {
        p.skipChildren();
        return null;
    }

    private void finishEvent(final Dialect dialect, final boolean object, final int index, final int from, final int to)
    {
        if (dialect == null)
        {
            batch.reject(index, from, to, object ? "unknown event shape" : "event is not a JSON object");
            return;
        }
        final String why = canonical.write(dialect, reader.slots(dialect), zone, batch.context(), batch.out());
        if (why == null)
        {
            batch.accept();
        }
        else
        {
            batch.reject(index, from, to, why);
        }
    }

    private IngestResult refuse(final RecordContext context, final RecordWriter out, final IngestResult.Outcome outcome,
        final String reason, final long errorAt, final byte[] body, final int offset, final int length)
    {
        counters.onInvalid(reason);
        InvalidRecords.write(out, Protocol.WINDOWS_EVENT, context, reason, (int)Math.min(errorAt, Integer.MAX_VALUE),
            body, offset, length);
        return IngestResult.refused(outcome, reason, errorAt);
    }

    /** True when the first line holds exactly one complete JSON object and more content follows (NDJSON). */
    private boolean lineOriented(final byte[] b, final int first, final int end)
    {
        final int le = lineEnd(b, first, end);
        if (le == end || skipWhitespace(b, le, end) == end)
        {
            return false;
        }
        try (JsonParser p = factory.createParser(b, first, le - first))
        {
            p.nextToken();
            p.skipChildren();
            return p.nextToken() == null;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static int lineEnd(final byte[] b, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (b[i] == '\n')
            {
                return i;
            }
        }
        return end;
    }

    private static int skipWhitespace(final byte[] b, final int from, final int end)
    {
        int i = from;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        {
            i++;
        }
        return i;
    }
}
