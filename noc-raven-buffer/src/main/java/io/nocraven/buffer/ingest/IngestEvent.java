package io.nocraven.buffer.ingest;

import org.agrona.DirectBuffer;

import java.util.concurrent.CompletableFuture;

/**
 * A pre-allocated ring slot holding a private copy of one record's bytes, so the producer's buffer (a Netty
 * {@code ByteBuf}, say) can be released as soon as publishing returns.
 */
public final class IngestEvent
{
    /** Initial capacity of the copy buffer; larger records grow it once (rare path). */
    public static final int INITIAL_CAPACITY = 2048;

    byte[] data = new byte[INITIAL_CAPACITY];
    int length;
    int type;
    long timestamp;
    CompletableFuture<Long> future;

    void set(final int type, final long timestamp, final byte[] src, final int offset, final int length)
    {
        if (data.length < length)
        {
            data = new byte[Math.max(length, data.length * 2)];
        }
        System.arraycopy(src, offset, data, 0, length);
        this.length = length;
        this.type = type;
        this.timestamp = timestamp;
        this.future = null;
    }

    void set(final int type, final long timestamp, final DirectBuffer src, final int offset, final int length)
    {
        if (data.length < length)
        {
            data = new byte[Math.max(length, data.length * 2)];
        }
        src.getBytes(offset, data, 0, length);
        this.length = length;
        this.type = type;
        this.timestamp = timestamp;
        this.future = null;
    }

    /** @return payload length of the slot's record. */
    public int length()
    {
        return length;
    }
}
