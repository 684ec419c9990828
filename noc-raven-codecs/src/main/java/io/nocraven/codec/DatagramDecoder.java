package io.nocraven.codec;

import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

/**
 * Decodes one datagram (or one frame of a stream) into records. Stateful decoders (templates) key their state by
 * the exporter in the {@link RecordContext}. Single-threaded; never throws on wire bytes.
 */
public interface DatagramDecoder
{
    /**
     * Decodes one datagram.
     *
     * @param context the envelope (exporter, listener, receive time).
     * @param buf     the bytes.
     * @param offset  where the datagram starts.
     * @param length  its length.
     * @param out     where records go.
     * @return what happened; on {@link DecodeStatus#INVALID} an invalid record has been written.
     */
    DecodeStatus decode(RecordContext context, byte[] buf, int offset, int length, RecordWriter out);

    /**
     * Called when the input ends: writes what is still held (for example data whose template never came, as
     * {@code invalid} records with reason {@code template not received}).
     *
     * @param out where records go.
     */
    default void finish(final RecordWriter out)
    {
    }

    /**
     * @return this decoder's counters.
     */
    DecodeCounters counters();
}
