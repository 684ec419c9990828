package io.nocraven.buffer.inspect;

import java.util.List;

/**
 * Result of verifying a whole stream.
 *
 * @param stream   stream name.
 * @param segments one entry per segment file, oldest first.
 */
public record VerifyReport(String stream, List<SegmentVerification> segments)
{
    /** @return true when every segment verified. */
    public boolean ok()
    {
        return segments.stream().allMatch(SegmentVerification::ok);
    }

    /** @return records that verified over all segments. */
    public long validRecords()
    {
        return segments.stream().mapToLong(SegmentVerification::validRecords).sum();
    }
}
