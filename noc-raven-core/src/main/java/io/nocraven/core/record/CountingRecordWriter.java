package io.nocraven.core.record;

/**
 * A {@link RecordWriter} that discards everything but counts records per kind: for benchmarks (decode cost
 * without output cost) and for counting.
 */
public final class CountingRecordWriter implements RecordWriter
{
    private final long[] countsByKind = new long[RecordKind.values().length];
    private long values;

    /**
     * @param kind a record kind.
     * @return how many records of that kind were written.
     */
    public long count(final RecordKind kind)
    {
        return countsByKind[kind.ordinal()];
    }

    /**
     * @return records of every kind.
     */
    public long total()
    {
        long total = 0;
        for (final long c : countsByKind)
        {
            total += c;
        }
        return total;
    }

    /**
     * @return the number of scalar values written (lets benchmarks consume the output).
     */
    public long values()
    {
        return values;
    }

    /** Sets every count to zero. */
    public void reset()
    {
        java.util.Arrays.fill(countsByKind, 0);
        values = 0;
    }

    @Override
    public void beginRecord(final RecordKind kind, final Protocol protocol, final RecordContext context)
    {
        countsByKind[kind.ordinal()]++;
    }

    @Override
    public void endRecord()
    {
    }

    @Override
    public RecordWriter name(final String name)
    {
        return this;
    }

    @Override
    public void startObject()
    {
    }

    @Override
    public void endObject()
    {
    }

    @Override
    public void startArray()
    {
    }

    @Override
    public void endArray()
    {
    }

    @Override
    public void longValue(final long value)
    {
        values++;
    }

    @Override
    public void unsignedLongValue(final long value)
    {
        values++;
    }

    @Override
    public void doubleValue(final double value)
    {
        values++;
    }

    @Override
    public void booleanValue(final boolean value)
    {
        values++;
    }

    @Override
    public void stringValue(final CharSequence value)
    {
        values++;
    }

    @Override
    public void utf8Value(final byte[] buf, final int offset, final int length)
    {
        values++;
    }

    @Override
    public void hexValue(final byte[] buf, final int offset, final int length)
    {
        values++;
    }

    @Override
    public void ipv4Value(final int address)
    {
        values++;
    }

    @Override
    public void ipv6Value(final byte[] buf, final int offset)
    {
        values++;
    }

    @Override
    public void macValue(final byte[] buf, final int offset)
    {
        values++;
    }

    @Override
    public void timestampValue(final long epochSeconds, final int nanos, final int fractionDigits)
    {
        values++;
    }

    @Override
    public void nullValue()
    {
        values++;
    }
}
