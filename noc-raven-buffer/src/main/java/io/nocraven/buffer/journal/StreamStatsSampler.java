package io.nocraven.buffer.journal;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.cursor.ConsumerCursor;
import io.nocraven.buffer.metrics.ConsumerLag;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.metrics.StreamCounters;
import io.nocraven.buffer.metrics.StreamStats;
import io.nocraven.buffer.segment.SegmentEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link StreamStats} snapshots of a stream; the ingest rate is measured between consecutive snapshots
 * (the first one measures since the stream was opened). Allocates: call it at export intervals, not per record.
 */
public final class StreamStatsSampler
{
    private final StreamJournal journal;
    private final SpaceBudget budget;
    private long lastNanos = System.nanoTime();
    private long lastBytesIn;
    private double rate;

    /**
     * Create a sampler.
     *
     * @param journal the stream.
     * @param budget  the buffer budget (total cap).
     */
    public StreamStatsSampler(final StreamJournal journal, final SpaceBudget budget)
    {
        this.journal = journal;
        this.budget = budget;
    }

    /** @return a snapshot. */
    public synchronized StreamStats sample()
    {
        final StreamCounters counters = journal.counters();
        final long now = System.nanoTime();
        final long bytesIn = counters.bytesIn();
        final double seconds = (now - lastNanos) / 1e9;
        if (seconds >= 0.001)
        {
            rate = (bytesIn - lastBytesIn) / seconds;
            lastNanos = now;
            lastBytesIn = bytesIn;
        }
        final List<SegmentEntry> entries = journal.catalog().snapshot();
        long bytesOnDisk = 0;
        long compressedIn = 0;
        long compressedOut = 0;
        long newest = 0;
        for (final SegmentEntry entry : entries)
        {
            bytesOnDisk += entry.bytesOnDisk();
            newest = Math.max(newest, entry.maxTimestamp());
            if (entry.storage() != Compression.NONE)
            {
                compressedIn += entry.endOffset();
                compressedOut += entry.bytesOnDisk();
            }
        }
        final long written = journal.writtenSequence();
        final long oldestSequence = journal.oldestSequence();
        final long recordsOnDisk = Math.max(0, written + 1 - oldestSequence);
        final Map<String, Long> drops = new LinkedHashMap<>();
        for (final DropReason reason : DropReason.values())
        {
            drops.put(reason.metricName(), counters.drops(reason));
        }
        final double meanRecord = counters.recordsIn() > 0 ? (double)bytesIn / counters.recordsIn() : 0;
        final List<ConsumerLag> lags = new ArrayList<>();
        for (final ConsumerCursor cursor : journal.cursors().cursors())
        {
            final long acked = cursor.ackedSequence();
            final long lag = Math.max(0, written - acked);
            final double lagSeconds = cursor.ackedTimestamp() > 0 ? Math.max(0, newest - cursor.ackedTimestamp()) / 1000.0 : 0;
            lags.add(new ConsumerLag(cursor.name(), acked, lag, (long)(lag * meanRecord), lagSeconds,
                Math.max(0, oldestSequence - (acked + 1))));
        }
        return new StreamStats(journal.config().name(), counters.recordsIn(), bytesIn, recordsOnDisk, bytesOnDisk, entries.size(),
            entries.isEmpty() ? 0 : entries.get(0).firstTimestamp(), newest,
            compressedOut > 0 ? (double)compressedIn / compressedOut : 1.0, drops, lags, rate,
            secondsLeft(bytesOnDisk), written, journal.durableSequence());
    }

    private double secondsLeft(final long bytesOnDisk)
    {
        final long quota = journal.config().quotaBytes();
        final long cap = budget.totalCapBytes();
        final double left;
        if (quota > 0)
        {
            left = quota - bytesOnDisk;
        }
        else if (cap > 0)
        {
            left = cap - budget.totalBytes();
        }
        else
        {
            return -1;
        }
        return rate > 0 ? Math.max(0, left) / rate : -1;
    }
}
