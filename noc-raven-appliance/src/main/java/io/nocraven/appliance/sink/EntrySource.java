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
         * @param buf         the entry bytes.
         * @param offset      start.
         * @param length      length.
         */
        void onEntry(long sequence, long timestampMs, byte[] buf, int offset, int length);
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
     * @return entries written to the stream but not yet acknowledged by this consumer.
     */
    long lag();

    @Override
    void close();
}
