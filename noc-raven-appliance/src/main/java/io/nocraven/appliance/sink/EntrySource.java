package io.nocraven.appliance.sink;

import java.io.IOException;

/**
 * One journaled stream as seen by one forwarder: a reader bound to the forwarder's own persisted cursor. Entries
 * are laid out as {@link io.nocraven.appliance.pipeline.JournalEntryDescriptor} describes.
 */
public interface EntrySource extends AutoCloseable
{
    /** Receives entries; the bytes are valid only during the call. */
    @FunctionalInterface
    interface EntryHandler
    {
        /**
         * @param sequence    the entry's sequence in its stream.
         * @param timestampMs its buffer timestamp (epoch ms).
         * @param type        its buffer record type ({@link io.nocraven.appliance.pipeline.JournalStage#TYPE_INPUT}
         *                    or {@link io.nocraven.appliance.pipeline.JournalStage#TYPE_TEMPLATES}).
         * @param buf         the entry bytes.
         * @param offset      start.
         * @param length      length.
         */
        void onEntry(long sequence, long timestampMs, int type, byte[] buf, int offset, int length);
    }

    /**
     * @return the stream (listener) name.
     */
    String stream();

    /**
     * Delivers up to {@code limit} entries after the last delivered one.
     *
     * @param handler receives them.
     * @param limit   most entries.
     * @return entries delivered; 0 when nothing new is there.
     */
    int poll(EntryHandler handler, int limit);

    /**
     * Reads, without moving this source, the entries from the head of the segment that holds the last delivered
     * entry up to that entry: what a decoder needs to see to be in the state it had there (segment heads carry the
     * stream's templates). Nothing when the next entry starts a segment or lies before the oldest retained one.
     *
     * @param handler receives them.
     * @return entries read.
     */
    int prime(EntryHandler handler);

    /**
     * Acknowledges everything delivered so far (persisted before returning).
     *
     * @throws IOException when the cursor cannot be written.
     */
    void ack() throws IOException;

    /**
     * Goes back to the entry after the last acknowledgement (the delivered-but-unacknowledged ones come again).
     */
    void rewind();

    /**
     * Re-reads from the first entry stamped at or after a time (replay).
     *
     * @param timestampMs epoch ms.
     * @throws IOException when the cursor cannot be written.
     */
    void replayFrom(long timestampMs) throws IOException;

    /**
     * Skips the backlog: acknowledges everything written so far (purge of the forwarding backlog; the records stay
     * in the buffer until retention removes them).
     *
     * @throws IOException when the cursor cannot be written.
     */
    void skipToEnd() throws IOException;

    /**
     * @return entries written to the stream but not yet acknowledged by this consumer.
     */
    long lag();

    @Override
    void close();
}
