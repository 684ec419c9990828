package io.nocraven.codec.flow;

import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

/**
 * Decodes the records of one data set (NetFlow v9 data flowset or IPFIX data set) whose template is known: one
 * {@code flow} record per data record, or one {@code options} record (with {@code scope}) per options data record,
 * whose sampling and system-init values are then applied to the exporter's later flows. Adds
 * {@code flowStartMilliseconds}/{@code flowEndMilliseconds} computed from IE 22/21 and {@code samplingInterval}
 * when known. Shared by the NetFlow v9 and IPFIX decoders; allocates nothing per record.
 */
public final class DataSetDecoder
{
    private final RecordFieldsWriter fieldsWriter;

    /**
     * @param registry element names for basicList contents.
     */
    public DataSetDecoder(final InformationElementRegistry registry)
    {
        this.fieldsWriter = new RecordFieldsWriter(registry);
    }

    /**
     * @param header  the packet header.
     * @param session the exporter.
     * @param t       the set's template (its minimum record length is at least 1).
     * @param context the envelope.
     * @param buf     bytes.
     * @param start   first record (after the set header).
     * @param end     end of the set.
     * @param out     where records go.
     * @return records written, or {@code -(offset + 1)} of a record that overruns the set.
     */
    public int decode(final FlowPacketHeader header, final ExporterSession session, final Template t,
        final RecordContext context, final byte[] buf, final int start, final int end, final RecordWriter out)
    {
        final RecordLayout layout = fieldsWriter.topLayout();
        int records = 0;
        int p = start;
        while (end - p >= t.minRecordLength())
        {
            final int next = layout.measure(t, buf, p, end);
            if (next < 0)
            {
                return Octets.allZero(buf, p, end) ? records : -(p + 1);
            }
            if (t.isOptions())
            {
                writeOptions(header, session, t, layout, context, buf, out);
            }
            else
            {
                writeFlow(header, session, t, layout, context, buf, out);
            }
            records++;
            p = next;
        }
        return records;
    }

    private void writeFlow(final FlowPacketHeader header, final ExporterSession session, final Template t,
        final RecordLayout layout, final RecordContext context, final byte[] buf, final RecordWriter out)
    {
        out.beginRecord(RecordKind.FLOW, header.protocol(), context);
        header.write(out, session.samplingInterval(-1));
        out.field("templateId", t.id());
        out.name("fields");
        out.startObject();
        fieldsWriter.writePlan(t.fieldPlan(), t, layout, buf, out, session, 0);
        final long init = t.systemInit >= 0 ? value(layout, buf, t.systemInit) : session.systemInitMillis();
        if (t.startUptime >= 0 && !t.hasStartMillis)
        {
            absolute(out, "flowStartMilliseconds", header.absoluteMillis(value(layout, buf, t.startUptime), init));
        }
        if (t.endUptime >= 0 && !t.hasEndMillis)
        {
            absolute(out, "flowEndMilliseconds", header.absoluteMillis(value(layout, buf, t.endUptime), init));
        }
        if (t.samplingInterval < 0)
        {
            final long interval = session.samplingInterval(t.samplerId >= 0 ? value(layout, buf, t.samplerId) : -1);
            if (interval >= 0)
            {
                out.field("samplingInterval", interval);
            }
        }
        out.endObject();
        out.endRecord();
    }

    private static void absolute(final RecordWriter out, final String name, final long millis)
    {
        if (millis != FlowPacketHeader.UNKNOWN)
        {
            out.timestampMillisField(name, millis);
        }
    }

    private void writeOptions(final FlowPacketHeader header, final ExporterSession session, final Template t,
        final RecordLayout layout, final RecordContext context, final byte[] buf, final RecordWriter out)
    {
        out.beginRecord(RecordKind.OPTIONS, header.protocol(), context);
        header.write(out, session.samplingInterval(-1));
        out.field("templateId", t.id());
        out.name("scope");
        out.startObject();
        fieldsWriter.writePlan(t.scopePlan(), t, layout, buf, out, session, 0);
        out.endObject();
        out.name("fields");
        out.startObject();
        fieldsWriter.writePlan(t.fieldPlan(), t, layout, buf, out, session, 0);
        out.endObject();
        out.endRecord();
        apply(session, t, layout, buf);
    }

    /** Learns sampling and system-init time from an options data record. */
    private static void apply(final ExporterSession session, final Template t, final RecordLayout layout, final byte[] buf)
    {
        if (t.systemInit >= 0)
        {
            session.systemInitMillis(value(layout, buf, t.systemInit));
        }
        long interval = -1;
        if (t.samplingInterval >= 0)
        {
            interval = value(layout, buf, t.samplingInterval);
        }
        else if (t.samplerRandomInterval >= 0)
        {
            interval = value(layout, buf, t.samplerRandomInterval);
        }
        else if (t.packetInterval >= 0 && t.packetSpace >= 0)
        {
            final long taken = value(layout, buf, t.packetInterval);
            final long skipped = value(layout, buf, t.packetSpace);
            interval = taken > 0 ? (taken + skipped) / taken : -1;
        }
        else if (t.samplingSize >= 0 && t.samplingPopulation >= 0)
        {
            final long size = value(layout, buf, t.samplingSize);
            interval = size > 0 ? value(layout, buf, t.samplingPopulation) / size : -1;
        }
        if (interval > 0)
        {
            session.setSamplingInterval(t.samplerId >= 0 ? value(layout, buf, t.samplerId) : -1, interval);
        }
    }

    private static long value(final RecordLayout layout, final byte[] buf, final int field)
    {
        final int len = layout.length(field);
        return FieldValueWriter.readUnsigned(buf, layout.offset(field) + Math.max(0, len - 8), Math.min(len, 8));
    }
}
