package io.nocraven.codec.syslog;

import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

/**
 * Writes {@code syslog} records from a {@link SyslogMessage}, and syslog {@code invalid} records (which carry a
 * {@code column} besides the standard keys). Keys and their order are those of the Syslog section of
 * {@code docs/record-schema.md}. Reuses its scratch buffers; allocates only for a JSON key never seen before.
 */
final class SyslogRecords
{
    private static final String[] PALO_ALTO_KEYS = {"receiveTime", "serial", "type", "subtype"};

    private final NameCache names = new NameCache();
    private byte[] scratch = new byte[256];
    private int[] group = new int[64];

    void write(final RecordWriter out, final RecordContext context, final SyslogMessage m)
    {
        final byte[] buf = m.buf;
        out.beginRecord(RecordKind.SYSLOG, m.protocol, context);
        if (!out.wantsMembers())
        {
            out.endRecord();
            return;
        }
        out.field("facility", m.facility);
        out.field("severity", m.severity);
        out.name("version");
        if (m.version > 0)
        {
            out.longValue(m.version);
        }
        else
        {
            out.nullValue();
        }
        out.name("timestamp");
        if (m.timestampLength > 0)
        {
            out.utf8Value(m.timestamp, 0, m.timestampLength);
        }
        else
        {
            out.nullValue();
        }
        range(out, "hostname", buf, m.hostStart, m.hostEnd);
        range(out, "appName", buf, m.appStart, m.appEnd);
        range(out, "procId", buf, m.procStart, m.procEnd);
        range(out, "msgId", buf, m.msgIdStart, m.msgIdEnd);
        out.name("structuredData");
        structuredData(out, buf, m.structuredData);
        range(out, "message", buf, m.messageStart, m.messageEnd);
        out.field("dialect", m.dialect);
        if (m.priMissing)
        {
            out.field("priMissing", true);
        }
        vendor(out, buf, m.vendor);
        out.endRecord();
    }

    /**
     * Writes an invalid record: the standard keys plus {@code column} (1-based column of the offending byte).
     */
    static void writeInvalid(
        final RecordWriter out, final Protocol protocol, final RecordContext context, final String reason, final int errorAt,
        final byte[] buf, final int offset, final int length)
    {
        out.beginRecord(RecordKind.INVALID, protocol, context);
        out.field("reason", reason);
        out.field("offset", errorAt);
        out.field("column", errorAt + 1);
        out.field("length", length);
        out.name("hex");
        out.hexValue(buf, offset, Math.min(length, InvalidRecords.MAX_HEX_BYTES));
        if (length > InvalidRecords.MAX_HEX_BYTES)
        {
            out.field("truncated", true);
        }
        out.endRecord();
    }

    private void vendor(final RecordWriter out, final byte[] buf, final VendorFields v)
    {
        if (v.cisco)
        {
            out.name("cisco");
            out.startObject();
            optionalNumber(out, "counter", v.ciscoCounter);
            optionalNumber(out, "sequence", v.ciscoSequence);
            range(out, "facility", buf, v.ciscoFacilityStart, v.ciscoFacilityEnd);
            optionalNumber(out, "severity", v.ciscoSeverity);
            range(out, "mnemonic", buf, v.ciscoMnemonicStart, v.ciscoMnemonicEnd);
            out.name("clockMarker");
            out.stringValue(v.ciscoClockMarker == '*' ? "*" : v.ciscoClockMarker == '.' ? "." : null);
            out.endObject();
        }
        if (v.juniperEventStart != SyslogMessage.NONE)
        {
            out.name("juniper");
            out.startObject();
            range(out, "event", buf, v.juniperEventStart, v.juniperEventEnd);
            out.endObject();
        }
        if (v.ise)
        {
            out.name("ise");
            out.startObject();
            out.field("messageId", v.iseMessageId);
            out.field("segmentTotal", v.iseSegmentTotal);
            out.field("segmentNumber", v.iseSegmentNumber);
            out.endObject();
        }
        if (v.kvPresent)
        {
            out.name("kv");
            out.startObject();
            pairs(out, buf, v.kv, 0, v.kv.count, true);
            out.endObject();
        }
        if (v.csvPresent)
        {
            paloAlto(out, buf, v.csv);
        }
    }

    private void paloAlto(final RecordWriter out, final byte[] buf, final Spans csv)
    {
        out.name("paloalto");
        out.startObject();
        for (int i = 0; i < PALO_ALTO_KEYS.length; i++)
        {
            out.name(PALO_ALTO_KEYS[i]);
            csvValue(out, buf, csv, i + 1);
        }
        out.name("fields");
        out.startArray();
        for (int i = 0; i < csv.count; i++)
        {
            csvValue(out, buf, csv, i);
        }
        out.endArray();
        out.endObject();
    }

    private void structuredData(final RecordWriter out, final byte[] buf, final StructuredData sd)
    {
        if (!sd.present)
        {
            out.nullValue();
            return;
        }
        out.startObject();
        for (int e = 0; e < sd.elementCount; e++)
        {
            if (sd.firstWithSameId(buf, e) != e)
            {
                continue;
            }
            int n = 0;
            for (int e2 = e; e2 < sd.elementCount; e2++)
            {
                if (e2 == e || SyslogBytes.equalRanges(buf, sd.idStart[e], sd.idEnd[e], sd.idStart[e2], sd.idEnd[e2]))
                {
                    for (int k = sd.firstParam[e2]; k < sd.endParam[e2]; k++)
                    {
                        n = addToGroup(n, k);
                    }
                }
            }
            out.name(names.get(buf, sd.idStart[e], sd.idEnd[e]));
            out.startObject();
            pairs(out, buf, sd.params, 0, n, false);
            out.endObject();
        }
        out.endObject();
    }

    private int addToGroup(final int n, final int index)
    {
        if (n == group.length)
        {
            group = java.util.Arrays.copyOf(group, n * 2);
        }
        group[n] = index;
        return n + 1;
    }

    /**
     * Writes name/value members; a name that occurs more than once becomes an array of its values in order.
     * With {@code direct} the entries are {@code [from, to)} of {@code spans}; else {@code group[from..to)}.
     */
    private void pairs(final RecordWriter out, final byte[] buf, final Spans spans, final int from, final int to,
        final boolean direct)
    {
        for (int a = from; a < to; a++)
        {
            final int i = direct ? a : group[a];
            boolean seen = false;
            int count = 1;
            for (int b = from; b < to; b++)
            {
                final int j = direct ? b : group[b];
                if (b != a && spans.sameName(buf, i, j))
                {
                    seen |= b < a;
                    count++;
                }
            }
            if (seen)
            {
                continue;
            }
            out.name(names.get(buf, spans.nameStart[i], spans.nameEnd[i]));
            if (count == 1)
            {
                escapedValue(out, buf, spans, i);
                continue;
            }
            out.startArray();
            for (int b = a; b < to; b++)
            {
                final int j = direct ? b : group[b];
                if (b == a || spans.sameName(buf, i, j))
                {
                    escapedValue(out, buf, spans, j);
                }
            }
            out.endArray();
        }
    }

    /** Writes a value, resolving {@code \"}, {@code \\} and {@code \]}; other backslashes are kept. */
    private void escapedValue(final RecordWriter out, final byte[] buf, final Spans spans, final int i)
    {
        final int s = spans.valueStart[i];
        final int e = spans.valueEnd[i];
        if (!spans.escaped[i])
        {
            out.utf8Value(buf, s, e - s);
            return;
        }
        final byte[] dst = scratch(e - s);
        int n = 0;
        for (int k = s; k < e; k++)
        {
            if (buf[k] == '\\' && k + 1 < e && (buf[k + 1] == '"' || buf[k + 1] == '\\' || buf[k + 1] == ']'))
            {
                k++;
            }
            dst[n++] = buf[k];
        }
        out.utf8Value(dst, 0, n);
    }

    /** Writes CSV field {@code i} ({@code ""} resolved to {@code "}), or null when there is no such field. */
    private void csvValue(final RecordWriter out, final byte[] buf, final Spans csv, final int i)
    {
        if (i >= csv.count)
        {
            out.nullValue();
            return;
        }
        final int s = csv.valueStart[i];
        final int e = csv.valueEnd[i];
        if (!csv.escaped[i])
        {
            out.utf8Value(buf, s, e - s);
            return;
        }
        final byte[] dst = scratch(e - s);
        int n = 0;
        for (int k = s; k < e; k++)
        {
            dst[n++] = buf[k];
            if (buf[k] == '"' && k + 1 < e && buf[k + 1] == '"')
            {
                k++;
            }
        }
        out.utf8Value(dst, 0, n);
    }

    private byte[] scratch(final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        return scratch;
    }

    private static void range(final RecordWriter out, final String name, final byte[] buf, final int start, final int end)
    {
        out.name(name);
        if (start == SyslogMessage.NONE)
        {
            out.nullValue();
        }
        else
        {
            out.utf8Value(buf, start, end - start);
        }
    }

    private static void optionalNumber(final RecordWriter out, final String name, final long value)
    {
        out.name(name);
        if (value < 0)
        {
            out.nullValue();
        }
        else
        {
            out.longValue(value);
        }
    }
}
