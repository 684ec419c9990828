package io.nocraven.buffer.journal;

import io.nocraven.buffer.OverflowPolicy;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.SegmentEntry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The buffer-wide limits: a total cap over all streams and a minimum of free space on the file system. Usage is
 * computed from the segment catalogs (what is on disk), so it holds across restarts without a ledger. Consulted
 * only when a stream needs a new segment, so the limits can be exceeded by at most the segment being filled.
 */
public final class SpaceBudget
{
    private final FileLayer files;
    private final Path directory;
    private final long totalCapBytes;
    private final long minFreeBytes;
    private final List<StreamJournal> journals = new CopyOnWriteArrayList<>();

    /**
     * Create the budget.
     *
     * @param files         file layer.
     * @param directory     buffer directory (for free-space queries).
     * @param totalCapBytes total cap, 0 = none.
     * @param minFreeBytes  headroom, 0 = none.
     */
    public SpaceBudget(final FileLayer files, final Path directory, final long totalCapBytes, final long minFreeBytes)
    {
        this.files = files;
        this.directory = directory;
        this.totalCapBytes = totalCapBytes;
        this.minFreeBytes = minFreeBytes;
    }

    void register(final StreamJournal journal)
    {
        journals.add(journal);
    }

    void unregister(final StreamJournal journal)
    {
        journals.remove(journal);
    }

    /** @return bytes on disk over all streams. */
    public long totalBytes()
    {
        long total = 0;
        for (final StreamJournal journal : journals)
        {
            total += journal.catalog().bytesOnDisk();
        }
        return total;
    }

    /** @return the total cap, 0 = none. */
    public long totalCapBytes()
    {
        return totalCapBytes;
    }

    /**
     * Whether adding {@code needed} bytes would break the total cap.
     *
     * @param needed bytes about to be allocated.
     * @return true when over.
     */
    /**
     * @return bytes the buffer may still take on its file system before the free-disk headroom is reached (usable
     *     space minus the minimum free bytes, and at most what the total cap leaves); -1 when the file system cannot
     *     be read.
     */
    public long headroomBytes()
    {
        try
        {
            long left = Math.max(0, files.usableSpace(directory) - minFreeBytes);
            if (totalCapBytes > 0)
            {
                left = Math.min(left, Math.max(0, totalCapBytes - totalBytes()));
            }
            return left;
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }

    boolean overTotalCap(final long needed)
    {
        return totalCapBytes > 0 && totalBytes() + needed > totalCapBytes;
    }

    /**
     * Whether allocating {@code needed} bytes would leave less than the headroom free (or free space is unknown).
     *
     * @param needed bytes about to be allocated.
     * @return true when over.
     */
    boolean overHeadroom(final long needed)
    {
        if (0 == minFreeBytes)
        {
            return false;
        }
        try
        {
            return files.usableSpace(directory) - needed < minFreeBytes;
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    /**
     * Find a segment to free for the buffer-wide limits: first the oldest segment every consumer has acknowledged,
     * in any stream; then the oldest sealed segment of any stream whose policy is {@code drop_oldest}.
     *
     * @return the owner and segment, or null when nothing may be freed.
     */
    Victim findVictim()
    {
        Victim lossless = null;
        Victim lossy = null;
        for (final StreamJournal journal : journals)
        {
            final SegmentEntry oldest = journal.reclaimer().oldestSealed();
            if (oldest == null)
            {
                continue;
            }
            if (journal.reclaimer().isFullyAcknowledged(oldest))
            {
                if (lossless == null || oldest.firstTimestamp() < lossless.entry().firstTimestamp())
                {
                    lossless = new Victim(journal, oldest);
                }
            }
            else if (journal.config().overflowPolicy() == OverflowPolicy.DROP_OLDEST &&
                (lossy == null || oldest.firstTimestamp() < lossy.entry().firstTimestamp()))
            {
                lossy = new Victim(journal, oldest);
            }
        }
        return lossless != null ? lossless : lossy;
    }

    /**
     * A segment chosen for eviction and its stream.
     *
     * @param journal owner.
     * @param entry   segment.
     */
    record Victim(StreamJournal journal, SegmentEntry entry)
    {
    }
}
