package io.nocraven.codec.sflow;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;
import static io.nocraven.codec.sflow.SFlowDescriptor.COUNTER_SAMPLE;
import static io.nocraven.codec.sflow.SFlowDescriptor.ENVELOPE_LENGTH;

/**
 * Writes one {@code counters} record per counters or expanded counters sample: {@code header}, {@code sample}
 * ({@code type} {@code counters}/{@code expandedCounters}, {@code sequenceNumber}, {@code sourceIdType},
 * {@code sourceIdIndex}, {@code recordCount}), {@code counters} (one object per known counter record:
 * {@code enterprise}, {@code format}, {@code type} and the named counters of its {@link CounterLayout}) and
 * {@code skippedRecords} (unknown formats and records shorter than their layout, skipped by length).
 */
final class CounterSampleWriter
{
    private long skippedRecords;

    long skippedRecords()
    {
        return skippedRecords;
    }

    boolean write(final RecordContext context, final DatagramHeader header, final int format, final byte[] buf,
        final int body, final int end, final RecordWriter out)
    {
        final boolean compact = format == COUNTER_SAMPLE;
        final int fixed = SFlowDescriptor.fixedLength(format);
        final long recordCount = u32(buf, body + fixed - 4);
        out.beginRecord(RecordKind.COUNTERS, Protocol.SFLOW_V5, context);
        header.write(out);
        out.name("sample");
        out.startObject();
        out.field("type", compact ? "counters" : "expandedCounters");
        out.field("sequenceNumber", u32(buf, body));
        if (compact)
        {
            final long sourceId = u32(buf, body + 4);
            out.field("sourceIdType", sourceId >>> 24);
            out.field("sourceIdIndex", sourceId & 0xFF_FFFFL);
        }
        else
        {
            out.field("sourceIdType", u32(buf, body + 4));
            out.field("sourceIdIndex", u32(buf, body + 8));
        }
        out.field("recordCount", recordCount);
        out.endObject();
        out.name("counters");
        out.startArray();
        int skipped = 0;
        int pos = body + fixed;
        for (long r = 0; r < recordCount; r++)
        {
            final int recordFormat = i32(buf, pos);
            final int length = i32(buf, pos + 4);
            final CounterLayout layout = CounterLayouts.forFormat(recordFormat);
            if (layout == null || length < layout.length())
            {
                skipped++;
            }
            else
            {
                out.startObject();
                out.field("enterprise", 0);
                out.field("format", layout.format);
                out.field("type", layout.type);
                layout.write(buf, pos + ENVELOPE_LENGTH, out);
                out.endObject();
            }
            pos += ENVELOPE_LENGTH + length;
        }
        out.endArray();
        out.field("skippedRecords", skipped);
        out.endRecord();
        skippedRecords += skipped;
        return true;
    }
}
