package io.nocraven.codec.winevent;

import io.nocraven.codec.DecodeCounters;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * The running tally of one body: events accepted and rejected, and the writing of a rejected event's
 * {@code invalid} record, which carries the event's {@code index} in the body besides the usual {@code reason},
 * {@code offset} (in the decoded body), {@code length} and {@code hex} (the event's bytes, capped at
 * {@link InvalidRecords#MAX_HEX_BYTES}). Reused for every body.
 */
final class BodyBatch
{
    private final DecodeCounters counters;
    private RecordContext context;
    private RecordWriter out;
    private byte[] buf;
    private int start;
    private int accepted;
    private int rejected;
    private List<IngestResult.Rejection> rejections;

    BodyBatch(final DecodeCounters counters)
    {
        this.counters = counters;
    }

    void begin(final RecordContext context, final RecordWriter out, final byte[] buf, final int start)
    {
        this.context = context;
        this.out = out;
        this.buf = buf;
        this.start = start;
        accepted = 0;
        rejected = 0;
        rejections = null;
    }

    RecordContext context()
    {
        return context;
    }

    RecordWriter out()
    {
        return out;
    }

    /** Counts an event written as a record. */
    void accept()
    {
        accepted++;
        counters.onRecord();
    }

    /**
     * Writes a rejected event's invalid record.
     *
     * @param index   the event's position in the body.
     * @param from    its first byte in the decoded body buffer.
     * @param to      one past its last byte.
     * @param errorAt where it failed, as an offset from the start of the decoded body.
     * @param reason  why.
     */
    void reject(final int index, final int from, final int to, final long errorAt, final String reason)
    {
        rejected++;
        counters.onInvalid(reason);
        if (rejections == null)
        {
            rejections = new ArrayList<>();
        }
        if (rejections.size() < IngestResult.MAX_REJECTIONS)
        {
            rejections.add(new IngestResult.Rejection(index, errorAt, reason));
        }
        final int length = Math.max(0, to - from);
        out.beginRecord(RecordKind.INVALID, Protocol.WINDOWS_EVENT, context);
        out.field("reason", reason);
        out.field("offset", errorAt);
        out.field("length", length);
        out.name("hex");
        out.hexValue(buf, from, Math.min(length, InvalidRecords.MAX_HEX_BYTES));
        if (length > InvalidRecords.MAX_HEX_BYTES)
        {
            out.field("truncated", true);
        }
        out.field("index", index);
        out.endRecord();
    }

    /**
     * @param index the event's position in the body.
     * @param from  its first byte in the decoded body buffer.
     * @param to    one past its last byte.
     * @param reason why.
     */
    void reject(final int index, final int from, final int to, final String reason)
    {
        reject(index, from, to, from - start, reason);
    }

    /**
     * @return the body's result (outcome ACCEPTED).
     */
    IngestResult result()
    {
        return new IngestResult(IngestResult.Outcome.ACCEPTED, accepted, rejected, null, -1,
            rejections == null ? List.of() : rejections);
    }
}
