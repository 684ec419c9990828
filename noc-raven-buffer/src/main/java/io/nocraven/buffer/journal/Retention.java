package io.nocraven.buffer.journal;

import io.nocraven.buffer.OverflowPolicy;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.segment.SegmentEntry;

/**
 * Applies a stream's limits before it allocates a segment: expire by age, then free space for the stream quota,
 * the total cap and the disk headroom, preferring segments every consumer has acknowledged and otherwise following
 * the overflow policy. Runs on the stream's writer thread. A segment rolled but not yet sealed by the background
 * flusher is never a victim ({@link SegmentReclaimer#oldestSealed()} only returns sealed ones); when it is the only
 * candidate of its own stream, the writer waits for its seal.
 */
final class Retention
{
    /** Room was made (or was there). */
    static final int ROOM = 0;
    /** The incoming record must be rejected; the reason is in {@link #rejectReason()}. */
    static final int REJECT = 1;
    /** Policy block: wait for acknowledgements. */
    static final int BLOCK = 2;

    private static final int MAX_EVICTIONS_PER_CALL = 1_000_000;

    private final StreamJournal journal;
    private final SpaceBudget budget;
    private DropReason rejectReason = DropReason.QUOTA_REJECTED;

    Retention(final StreamJournal journal, final SpaceBudget budget)
    {
        this.journal = journal;
        this.budget = budget;
    }

    /**
     * Expire sealed segments whose newest record is older than the stream's maximum age.
     *
     * @param nowMs current time.
     */
    void expire(final long nowMs)
    {
        final long maxAgeMs = journal.config().maxAgeMs();
        if (maxAgeMs <= 0)
        {
            return;
        }
        SegmentEntry oldest = oldestExpirable(nowMs - maxAgeMs);
        while (oldest != null && oldest.maxTimestamp() < nowMs - maxAgeMs)
        {
            journal.reclaimer().evict(oldest, DropReason.EXPIRED);
            oldest = oldestExpirable(nowMs - maxAgeMs);
        }
    }

    /** The oldest sealed segment; waits for the background seal of the rolled one only when it is due to expire. */
    private SegmentEntry oldestExpirable(final long expiredBefore)
    {
        final SegmentEntry oldest = journal.reclaimer().oldestSealed();
        final SegmentEntry first = oldest == null ? journal.catalog().first() : null;
        if (first != null && first.maxTimestamp() < expiredBefore && journal.awaitRolledSeal())
        {
            return journal.reclaimer().oldestSealed();
        }
        return oldest;
    }

    /**
     * Make room for {@code needed} more bytes on disk.
     *
     * @param needed bytes of the segment about to be created.
     * @param nowMs  current time.
     * @return {@link #ROOM}, {@link #REJECT} or {@link #BLOCK}.
     */
    int makeRoom(final long needed, final long nowMs)
    {
        expire(nowMs);
        final StreamConfig config = journal.config();
        synchronized (budget)
        {
            for (int i = 0; i < MAX_EVICTIONS_PER_CALL; i++)
            {
                final int result;
                if (config.quotaBytes() > 0 && journal.catalog().bytesOnDisk() + needed > config.quotaBytes())
                {
                    result = freeOwn(DropReason.QUOTA_EVICTED, DropReason.QUOTA_REJECTED);
                }
                else if (budget.overTotalCap(needed))
                {
                    result = freeAny(DropReason.TOTAL_CAP_EVICTED, DropReason.TOTAL_CAP_REJECTED);
                }
                else if (budget.overHeadroom(needed))
                {
                    result = freeAny(DropReason.DISK_EVICTED, DropReason.DISK_REJECTED);
                }
                else
                {
                    return ROOM;
                }
                if (ROOM != result)
                {
                    return result;
                }
            }
            rejectReason = DropReason.DISK_REJECTED;
            return REJECT;
        }
    }

    /**
     * The disk reported full while allocating: free one segment by the same rules as the headroom.
     *
     * @return {@link #ROOM} when something was freed (retry), else {@link #REJECT} or {@link #BLOCK}.
     */
    int onDiskFull()
    {
        synchronized (budget)
        {
            return freeAny(DropReason.DISK_EVICTED, DropReason.DISK_REJECTED);
        }
    }

    /**
     * The stream's oldest sealed segment; when the oldest one is the segment rolled last and the background flusher
     * has not sealed it yet (neither active nor sealed), waits for that seal first, so a tight quota still evicts.
     */
    private SegmentEntry oldestOwn()
    {
        final SegmentEntry oldest = journal.reclaimer().oldestSealed();
        if (oldest == null && journal.awaitRolledSeal())
        {
            return journal.reclaimer().oldestSealed();
        }
        return oldest;
    }

    private int freeOwn(final DropReason evicted, final DropReason rejected)
    {
        final SegmentEntry oldest = oldestOwn();
        if (oldest != null && (journal.reclaimer().isFullyAcknowledged(oldest) ||
            journal.config().overflowPolicy() == OverflowPolicy.DROP_OLDEST))
        {
            journal.reclaimer().evict(oldest, evicted);
            return ROOM;
        }
        return refuse(rejected);
    }

    private int freeAny(final DropReason evicted, final DropReason rejected)
    {
        final SegmentEntry own = oldestOwn();
        if (own != null && journal.reclaimer().isFullyAcknowledged(own))
        {
            journal.reclaimer().evict(own, evicted);
            return ROOM;
        }
        final SpaceBudget.Victim victim = budget.findVictim();
        if (victim != null)
        {
            victim.journal().reclaimer().evict(victim.entry(), evicted);
            return ROOM;
        }
        if (own != null && journal.config().overflowPolicy() == OverflowPolicy.DROP_OLDEST)
        {
            journal.reclaimer().evict(own, evicted);
            return ROOM;
        }
        return refuse(rejected);
    }

    private int refuse(final DropReason rejected)
    {
        rejectReason = rejected;
        return journal.config().overflowPolicy() == OverflowPolicy.BLOCK ? BLOCK : REJECT;
    }

    /** @return reason of the last {@link #REJECT}. */
    DropReason rejectReason()
    {
        return rejectReason;
    }
}
