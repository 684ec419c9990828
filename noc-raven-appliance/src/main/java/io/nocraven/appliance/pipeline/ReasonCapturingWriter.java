package io.nocraven.appliance.pipeline;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

/**
 * A record writer for the decode stage that only counts records and remembers the {@code reason} of the last
 * {@code invalid} record (for the quarantine view). Formats nothing, so decoding for statistics stays cheap.
 */
final class ReasonCapturingWriter implements RecordWriter
{
    private long records;
    private boolean inInvalid;
    private boolean nextIsReason;
    private int depth;
    private String reason = "unknown";

    long records()
    {
        return records;
    }

    String reason()
    {
        return reason;
    }

    @Override
    public void beginRecord(final RecordKind kind, final Protocol protocol, final RecordContext context)
    {
        inInvalid = kind == RecordKind.INVALID;
        depth = 0;
        nextIsReason = false;
    }

    @Override
    public void endRecord()
    {
        records++;
    }

    /** Only the reason of invalid records is read: valid syslog records are not formatted at all. */
    @Override
    public boolean wantsMembers()
    {
        return false;
    }

    @Override
    public RecordWriter name(final String name)
    {
        nextIsReason = inInvalid && depth == 0 && "reason".equals(name);
        return this;
    }

    @Override
    public void startObject()
    {
        depth++;
        nextIsReason = false;
    }

    @Override
    public void endObject()
    {
        depth--;
    }

    @Override
    public void startArray()
    {
        depth++;
        nextIsReason = false;
    }

    @Override
    public void endArray()
    {
        depth--;
    }

    @Override
    public void longValue(final long value)
    {
        nextIsReason = false;
    }

    @Override
    public void unsignedLongValue(final long value)
    {
        nextIsReason = false;
    }

    @Override
    public void doubleValue(final double value)
    {
        nextIsReason = false;
    }

    @Override
    public void booleanValue(final boolean value)
    {
        nextIsReason = false;
    }

    @Override
    public void stringValue(final CharSequence value)
    {
        if (nextIsReason && value != null)
        {
            reason = value.toString();
        }
        nextIsReason = false;
    }

    @Override
    public void utf8Value(final byte[] buf, final int offset, final int length)
    {
        nextIsReason = false;
    }

    @Override
    public void hexValue(final byte[] buf, final int offset, final int length)
    {
        nextIsReason = false;
    }

    @Override
    public void ipv4Value(final int address)
    {
        nextIsReason = false;
    }

    @Override
    public void ipv6Value(final byte[] buf, final int offset)
    {
        nextIsReason = false;
    }

    @Override
    public void macValue(final byte[] buf, final int offset)
    {
        nextIsReason = false;
    }

    @Override
    public void timestampValue(final long epochSeconds, final int nanos, final int fractionDigits)
    {
        nextIsReason = false;
    }

    @Override
    public void nullValue()
    {
        nextIsReason = false;
    }
}
