package io.nocraven.buffer.cursor;

import org.agrona.DirectBuffer;

/**
 * Receives records read from a stream. The buffer is only valid during the call (Agrona's
 * {@code MessageHandler} convention): copy what you keep.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * One record.
     *
     * @param sequence  its sequence in the stream.
     * @param timestamp its timestamp, epoch ms.
     * @param type      its type.
     * @param buffer    buffer holding the payload.
     * @param offset    payload offset.
     * @param length    payload length.
     */
    void onRecord(long sequence, long timestamp, int type, DirectBuffer buffer, int offset, int length);
}
