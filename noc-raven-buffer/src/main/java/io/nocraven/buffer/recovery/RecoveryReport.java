package io.nocraven.buffer.recovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What opening a stream found and did. Data damage never stops the open: it is repaired (tail truncated,
 * segment quarantined) and reported here.
 */
public final class RecoveryReport
{
    private final String stream;
    private final List<String> actions = new ArrayList<>();
    private int segmentsTrusted;
    private int segmentsVerified;
    private long recordsVerified;
    private long truncatedBytes;
    private int segmentsQuarantined;
    private long recordsLost;
    private int tempFilesRemoved;
    private long elapsedNanos;

    /**
     * A report for one stream.
     *
     * @param stream stream name.
     */
    public RecoveryReport(final String stream)
    {
        this.stream = stream;
    }

    void trusted()
    {
        segmentsTrusted++;
    }

    void verified(final long records)
    {
        segmentsVerified++;
        recordsVerified += records;
    }

    void truncated(final String segment, final int offset, final long bytes)
    {
        truncatedBytes += bytes;
        actions.add("truncated " + segment + " at offset " + offset + " (" + bytes + " bytes of torn or stale data zeroed)");
    }

    void quarantined(final String segment, final String reason, final long lost)
    {
        segmentsQuarantined++;
        recordsLost += lost;
        actions.add("quarantined " + segment + ": " + reason + " (" + lost + " records lost)");
    }

    void removedTemp(final String file)
    {
        tempFilesRemoved++;
        actions.add("removed leftover " + file);
    }

    void note(final String action)
    {
        actions.add(action);
    }

    void elapsed(final long nanos)
    {
        elapsedNanos = nanos;
    }

    /** @return stream name. */
    public String stream()
    {
        return stream;
    }

    /** @return sealed segments before the checkpoint, trusted from their header. */
    public int segmentsTrusted()
    {
        return segmentsTrusted;
    }

    /** @return segments whose every record was verified. */
    public int segmentsVerified()
    {
        return segmentsVerified;
    }

    /** @return records verified. */
    public long recordsVerified()
    {
        return recordsVerified;
    }

    /** @return bytes zeroed after the last valid record. */
    public long truncatedBytes()
    {
        return truncatedBytes;
    }

    /** @return segments renamed to {@code .corrupt}. */
    public int segmentsQuarantined()
    {
        return segmentsQuarantined;
    }

    /** @return records lost in quarantined segments. */
    public long recordsLost()
    {
        return recordsLost;
    }

    /** @return leftover temporary files removed. */
    public int tempFilesRemoved()
    {
        return tempFilesRemoved;
    }

    /** @return time the recovery took. */
    public long elapsedNanos()
    {
        return elapsedNanos;
    }

    /** @return human-readable actions taken, in order. */
    public List<String> actions()
    {
        return Collections.unmodifiableList(actions);
    }

    /** @return true when no damage was found. */
    public boolean isClean()
    {
        return truncatedBytes == 0 && segmentsQuarantined == 0;
    }

    /** {@inheritDoc} */
    @Override
    public String toString()
    {
        return "RecoveryReport{stream=" + stream + ", trusted=" + segmentsTrusted + ", verified=" + segmentsVerified +
            ", records=" + recordsVerified + ", truncatedBytes=" + truncatedBytes + ", quarantined=" +
            segmentsQuarantined + ", recordsLost=" + recordsLost + ", actions=" + actions + "}";
    }
}
