package io.nocraven.codec.sflow;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i64;
import static io.nocraven.codec.packet.WireBytes.u32;

/**
 * A fixed sequence of unsigned 32- and 64-bit counters, named after the MIB objects the sFlow specification takes
 * them from. Table-driven so that each standard counter record format is one list of names and widths
 * ({@link CounterLayouts}). A width of {@link #STATUS} is the generic interface's ifStatus word, written as
 * {@code ifAdminStatus} (bit 0) and {@code ifOperStatus} (bit 1).
 */
final class CounterLayout
{
    static final int STATUS = 0;

    final String type;
    final int format;
    private final String[] names;
    private final int[] widths;
    private final int length;

    CounterLayout(final String type, final int format, final Object... namesAndWidths)
    {
        this.type = type;
        this.format = format;
        final int n = namesAndWidths.length / 2;
        this.names = new String[n];
        this.widths = new int[n];
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            names[i] = (String)namesAndWidths[2 * i];
            widths[i] = (Integer)namesAndWidths[2 * i + 1];
            total += widths[i] == STATUS ? 4 : widths[i];
        }
        this.length = total;
    }

    /**
     * @return bytes the counters take.
     */
    int length()
    {
        return length;
    }

    /**
     * Writes the counters as members of the open object; the caller checked {@link #length()}.
     */
    void write(final byte[] buf, final int body, final RecordWriter out)
    {
        int pos = body;
        for (int i = 0; i < names.length; i++)
        {
            final int width = widths[i];
            if (width == 8)
            {
                out.name(names[i]);
                out.unsignedLongValue(i64(buf, pos));
                pos += 8;
            }
            else
            {
                final long value = u32(buf, pos);
                if (width == STATUS)
                {
                    out.field("ifAdminStatus", value & 1);
                    out.field("ifOperStatus", (value >>> 1) & 1);
                }
                else
                {
                    out.field(names[i], value);
                }
                pos += 4;
            }
        }
    }
}
