package io.nocraven.buffer.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Plain counters of one stream. The "in" counters have a single writer (the stream's writer thread) and use
 * ordered stores; drop counters may be bumped from several threads (eviction by another stream under the total
 * cap, readers finding corruption) and use atomic adds. Readers see eventually consistent values.
 */
public final class StreamCounters
{
    private static final int RECORDS_IN = 0;
    private static final int BYTES_IN = 1;
    private static final int FORCES = 2;
    private static final int SEGMENTS_QUARANTINED = 3;
    private static final int IO_ERRORS = 4;
    private static final int DROPS_BASE = 5;

    private final AtomicLongArray values = new AtomicLongArray(DROPS_BASE + DropReason.values().length);

    /**
     * Count one appended record (writer thread only).
     *
     * @param payloadBytes its payload length.
     */
    public void onAppend(final int payloadBytes)
    {
        values.lazySet(RECORDS_IN, values.get(RECORDS_IN) + 1);
        values.lazySet(BYTES_IN, values.get(BYTES_IN) + payloadBytes);
    }

    /** Count one force (msync/fsync) of the active segment (writer thread only). */
    public void onForce()
    {
        values.lazySet(FORCES, values.get(FORCES) + 1);
    }

    /** Count one quarantined segment. */
    public void onQuarantine()
    {
        values.getAndIncrement(SEGMENTS_QUARANTINED);
    }

    /** Count one I/O error that did not lose data (a checkpoint or delete that failed and will be redone). */
    public void onIoError()
    {
        values.getAndIncrement(IO_ERRORS);
    }

    /** @return I/O errors that did not lose data. */
    public long ioErrors()
    {
        return values.get(IO_ERRORS);
    }

    /**
     * Count dropped records.
     *
     * @param reason why.
     * @param count  how many.
     */
    public void onDrop(final DropReason reason, final long count)
    {
        if (count > 0)
        {
            values.getAndAdd(DROPS_BASE + reason.ordinal(), count);
        }
    }

    /** @return records appended since the stream was opened. */
    public long recordsIn()
    {
        return values.get(RECORDS_IN);
    }

    /** @return payload bytes appended since the stream was opened. */
    public long bytesIn()
    {
        return values.get(BYTES_IN);
    }

    /** @return forces of the active segment. */
    public long forces()
    {
        return values.get(FORCES);
    }

    /** @return segments quarantined. */
    public long segmentsQuarantined()
    {
        return values.get(SEGMENTS_QUARANTINED);
    }

    /**
     * Dropped records for one reason.
     *
     * @param reason the reason.
     * @return the count.
     */
    public long drops(final DropReason reason)
    {
        return values.get(DROPS_BASE + reason.ordinal());
    }

    /** @return dropped records over all reasons. */
    public long totalDrops()
    {
        long total = 0;
        for (final DropReason reason : DropReason.values())
        {
            total += drops(reason);
        }
        return total;
    }
}
