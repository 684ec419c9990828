package io.nocraven.buffer.metrics;

/**
 * Why records were dropped from a stream. Every dropped record is counted under exactly one reason.
 * "Evicted" means stored records deleted before every consumer acknowledged them (policy {@code drop_oldest});
 * "rejected" means an incoming record was not stored (policy {@code drop_newest}, or nothing left to evict).
 */
public enum DropReason
{
    /** Stored records evicted to keep the stream within its quota. */
    QUOTA_EVICTED("quota_evicted"),
    /** Incoming records rejected because the stream is at its quota. */
    QUOTA_REJECTED("quota_rejected"),
    /** Stored records evicted to keep the buffer within its total cap. */
    TOTAL_CAP_EVICTED("total_cap_evicted"),
    /** Incoming records rejected because the buffer is at its total cap. */
    TOTAL_CAP_REJECTED("total_cap_rejected"),
    /** Stored records evicted to keep the free-disk headroom or because the disk was full. */
    DISK_EVICTED("disk_evicted"),
    /** Incoming records rejected because of the free-disk headroom or a full disk. */
    DISK_REJECTED("disk_rejected"),
    /** Stored records older than the stream's maximum age. */
    EXPIRED("expired"),
    /** Incoming records larger than the stream's maximum record length. */
    TOO_LARGE("too_large"),
    /** Records lost to data damage found by recovery, a reader or the compressor (torn tail, quarantine). */
    CORRUPT("corrupt"),
    /** Records still waiting in a blocked writer when the stream was closed. */
    BLOCKED_AT_CLOSE("blocked_at_close"),
    /** Incoming records lost to an unexpected exception in the writer (counted by the ingest exception handler). */
    WRITER_ERROR("writer_error");

    private final String metricName;

    DropReason(final String metricName)
    {
        this.metricName = metricName;
    }

    /** @return stable lower-case name for metrics labels. */
    public String metricName()
    {
        return metricName;
    }
}
