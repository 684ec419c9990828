package io.nocraven.testing;

import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link RecordWriter} that writes real JSON lines (through {@link JsonRecordWriter}) into a list, for assertions:
 * {@code JsonLines out = new JsonLines(); decoder.decode(ctx, buf, 0, n, out); assertEquals(1, out.lines().size());}.
 */
public final class JsonLines implements RecordWriter
{
    private final List<String> lines = new ArrayList<>();
    private final List<RecordKind> kinds = new ArrayList<>();
    private final JsonRecordWriter writer = new JsonRecordWriter((kind, line) ->
    {
        kinds.add(kind);
        lines.add(line.toString());
    });

    /** @return every line written so far, in order (a read-only view). */
    public List<String> lines()
    {
        return Collections.unmodifiableList(lines);
    }

    /** @return the kind of every line written so far. */
    public List<RecordKind> kinds()
    {
        return Collections.unmodifiableList(kinds);
    }

    /**
     * @return the last line.
     * @throws IllegalStateException when nothing was written.
     */
    public String last()
    {
        if (lines.isEmpty())
        {
            throw new IllegalStateException("no line written");
        }
        return lines.get(lines.size() - 1);
    }

    /** Forgets every line written so far. */
    public void clear()
    {
        lines.clear();
        kinds.clear();
    }

    @Override
    public void beginRecord(final RecordKind kind, final Protocol protocol, final RecordContext context)
    {
        writer.beginRecord(kind, protocol, context);
    }

    @Override
    public void endRecord()
    {
        writer.endRecord();
    }

    @Override
    public RecordWriter name(final String name)
    {
        writer.name(name);
        return this;
    }

    @Override
    public void startObject()
    {
        writer.startObject();
    }

    @Override
    public void endObject()
    {
        writer.endObject();
    }

    @Override
    public void startArray()
    {
        writer.startArray();
    }

    @Override
    public void endArray()
    {
        writer.endArray();
    }

    @Override
    public void longValue(final long value)
    {
        writer.longValue(value);
    }

    @Override
    public void unsignedLongValue(final long value)
    {
        writer.unsignedLongValue(value);
    }

    @Override
    public void doubleValue(final double value)
    {
        writer.doubleValue(value);
    }

    @Override
    public void booleanValue(final boolean value)
    {
        writer.booleanValue(value);
    }

    @Override
    public void stringValue(final CharSequence value)
    {
        writer.stringValue(value);
    }

    @Override
    public void utf8Value(final byte[] buf, final int offset, final int length)
    {
        writer.utf8Value(buf, offset, length);
    }

    @Override
    public void hexValue(final byte[] buf, final int offset, final int length)
    {
        writer.hexValue(buf, offset, length);
    }

    @Override
    public void ipv4Value(final int address)
    {
        writer.ipv4Value(address);
    }

    @Override
    public void ipv6Value(final byte[] buf, final int offset)
    {
        writer.ipv6Value(buf, offset);
    }

    @Override
    public void macValue(final byte[] buf, final int offset)
    {
        writer.macValue(buf, offset);
    }

    @Override
    public void timestampValue(final long epochSeconds, final int nanos, final int fractionDigits)
    {
        writer.timestampValue(epochSeconds, nanos, fractionDigits);
    }

    @Override
    public void nullValue()
    {
        writer.nullValue();
    }
}
