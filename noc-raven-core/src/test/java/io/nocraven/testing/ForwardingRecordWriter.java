package io.nocraven.testing;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

/**
 * A {@link RecordWriter} that passes every call to another one: test writers extend it and override only the calls
 * they record or change.
 */
public abstract class ForwardingRecordWriter implements RecordWriter
{
    private final RecordWriter writer;

    /**
     * @param writer where every call goes.
     */
    protected ForwardingRecordWriter(final RecordWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public boolean wantsMembers()
    {
        return writer.wantsMembers();
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
