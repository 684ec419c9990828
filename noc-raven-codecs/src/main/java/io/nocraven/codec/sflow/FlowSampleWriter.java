package io.nocraven.codec.sflow;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.u32;
import static io.nocraven.codec.sflow.SFlowDescriptor.DISCARD_SAMPLE;
import static io.nocraven.codec.sflow.SFlowDescriptor.EXPANDED_FLOW_SAMPLE;
import static io.nocraven.codec.sflow.SFlowDescriptor.FLOW_SAMPLE;

/**
 * Writes one record per flow sample, expanded flow sample or discarded-packet sample: {@code header} (the
 * datagram), {@code sample} (the sample's own fields), {@code fields} (the sampled packet and extended records by
 * {@link FlowRecordWriter}, plus {@code samplingInterval} = the sampling rate on flow samples) and
 * {@code skippedRecords}. Flow samples are {@code kind: "flow"}; discard samples are {@code kind: "counters"} with
 * {@code sample.type: "discard"}, so that traffic accounting over {@code flow} records never counts dropped packets.
 */
final class FlowSampleWriter
{
    private static final long INTERFACE_VALUE_MASK = 0x3FFF_FFFFL;

    private final FlowRecordWriter records = new FlowRecordWriter();

    long skippedRecords()
    {
        return records.skippedRecords();
    }

    /**
     * @return false (nothing written) when {@code format} is not a flow or discard sample.
     */
    boolean write(final RecordContext context, final DatagramHeader header, final int format, final byte[] buf,
        final int body, final int end, final RecordWriter out)
    {
        final boolean discard = format == DISCARD_SAMPLE;
        final long samplingRate;
        final int recordsAt;
        switch (format)
        {
            case FLOW_SAMPLE:
                samplingRate = u32(buf, body + 8);
                recordsAt = body + SFlowDescriptor.FLOW_SAMPLE_FIXED;
                break;
            case EXPANDED_FLOW_SAMPLE:
                samplingRate = u32(buf, body + 12);
                recordsAt = body + SFlowDescriptor.EXPANDED_FLOW_SAMPLE_FIXED;
                break;
            case DISCARD_SAMPLE:
                samplingRate = 0;
                recordsAt = body + SFlowDescriptor.DISCARD_SAMPLE_FIXED;
                break;
            default:
                return false;
        }
        final long recordCount = u32(buf, recordsAt - 4);
        out.beginRecord(discard ? RecordKind.COUNTERS : RecordKind.FLOW, Protocol.SFLOW_V5, context);
        header.write(out);
        out.name("sample");
        out.startObject();
        writeSample(format, buf, body, out);
        out.field("recordCount", recordCount);
        out.endObject();
        out.name("fields");
        out.startObject();
        final int skipped = records.writeAll(buf, recordsAt, recordCount, end, out);
        if (!discard)
        {
            out.field("samplingInterval", samplingRate);
        }
        out.endObject();
        out.field("skippedRecords", skipped);
        out.endRecord();
        return true;
    }

    private static void writeSample(final int format, final byte[] buf, final int body, final RecordWriter out)
    {
        out.field("sequenceNumber", u32(buf, body));
        if (format == FLOW_SAMPLE)
        {
            out.field("type", "flow");
            final long sourceId = u32(buf, body + 4);
            out.field("sourceIdType", sourceId >>> 24);
            out.field("sourceIdIndex", sourceId & 0xFF_FFFFL);
            out.field("samplingRate", u32(buf, body + 8));
            out.field("samplePool", u32(buf, body + 12));
            out.field("drops", u32(buf, body + 16));
            compactInterface("input", "inputFormat", u32(buf, body + 20), out);
            compactInterface("output", "outputFormat", u32(buf, body + 24), out);
        }
        else if (format == EXPANDED_FLOW_SAMPLE)
        {
            out.field("type", "expandedFlow");
            out.field("sourceIdType", u32(buf, body + 4));
            out.field("sourceIdIndex", u32(buf, body + 8));
            out.field("samplingRate", u32(buf, body + 12));
            out.field("samplePool", u32(buf, body + 16));
            out.field("drops", u32(buf, body + 20));
            out.field("input", u32(buf, body + 28));
            out.field("inputFormat", u32(buf, body + 24));
            out.field("output", u32(buf, body + 36));
            out.field("outputFormat", u32(buf, body + 32));
        }
        else
        {
            out.field("type", "discard");
            out.field("sourceIdType", u32(buf, body + 4));
            out.field("sourceIdIndex", u32(buf, body + 8));
            out.field("drops", u32(buf, body + 12));
            compactInterface("input", "inputFormat", u32(buf, body + 16), out);
            compactInterface("output", "outputFormat", u32(buf, body + 20), out);
            out.field("reason", u32(buf, body + 24));
        }
    }

    private static void compactInterface(final String name, final String formatName, final long word,
        final RecordWriter out)
    {
        out.field(name, word & INTERFACE_VALUE_MASK);
        out.field(formatName, word >>> 30);
    }
}
