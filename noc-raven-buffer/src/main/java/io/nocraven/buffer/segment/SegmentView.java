package io.nocraven.buffer.segment;


/**
 * A reader's private view of one segment, raw (its own read-only mapping) or compressed (decompressed frame by
 * frame). Implementations verify every record through a {@link RecordScanner}.
 */
public interface SegmentView extends AutoCloseable
{
    /**
     * Advance to the record holding {@code sequence} (or the end of the data when it is beyond).
     *
     * @param sequence the wanted sequence, at or above the segment's base.
     * @return the {@link RecordScanner} status at the new position.
     */
    int seek(long sequence);

    /**
     * Examine the record at the current position without consuming it.
     *
     * @return a {@link RecordScanner} status; on {@link RecordScanner#RECORD} the fields are in {@link #scanner()}.
     */
    int peek();

    /** Consume the record returned by the last {@link #peek()}. */
    void advance();

    /** @return sequence the view is positioned at. */
    long position();

    /** @return the scanner holding the current record's fields. */
    RecordScanner scanner();

    /** Release the mapping or buffers. */
    @Override
    void close();
}
