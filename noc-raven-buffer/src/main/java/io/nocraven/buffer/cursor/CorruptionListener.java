package io.nocraven.buffer.cursor;

import io.nocraven.buffer.segment.SegmentEntry;

/**
 * Told when a reader finds a sealed segment it cannot read (bad CRC, damaged frame); the stream quarantines it.
 */
@FunctionalInterface
public interface CorruptionListener
{
    /**
     * A sealed segment failed verification.
     *
     * @param entry       the segment.
     * @param sequence    the first sequence that could not be read.
     */
    void onCorruptSegment(SegmentEntry entry, long sequence);
}
