package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;

/**
 * A destination for what the listeners received: decoded JSON records, original bytes, or both. Called from one
 * pipeline thread; implementations do their network I/O without blocking that thread for long (they buffer,
 * batch on {@link #onBatchEnd()} and retry with back-off) and report their state for health and status.
 */
public interface Forwarder extends AutoCloseable
{
    /**
     * @return the forwarder's name ({@code archive}, {@code kafka}, {@code udp-relay}, {@code syslog-relay}).
     */
    String name();

    /**
     * @param stream a listener.
     * @return true when this forwarder takes that listener's input.
     */
    boolean accepts(ListenerType stream);

    /**
     * One decoded record.
     *
     * @param stream  the listener.
     * @param kind    record kind.
     * @param context the envelope.
     * @param json    the JSON object (valid only during the call). From the {@link ForwarderRunner} it is a
     *                {@link io.nocraven.core.record.JsonLine}: its UTF-8 bytes are at hand without encoding
     *                ({@code json instanceof JsonLine line} then {@code line.bytes()}, {@code line.writeTo(out)});
     *                keep {@code toString()} or {@code toByteArray()} to hold on to it.
     */
    default void onRecord(final ListenerType stream, final RecordKind kind, final RecordContext context,
        final CharSequence json)
    {
    }

    /**
     * One original datagram or frame.
     *
     * @param stream  the listener.
     * @param context the envelope.
     * @param buf     bytes (valid only during the call).
     * @param offset  start.
     * @param length  length.
     */
    default void onRaw(final ListenerType stream, final RecordContext context, final byte[] buf, final int offset,
        final int length)
    {
    }

    /** The pipeline reached the end of a batch: flush what is buffered. */
    void onBatchEnd();

    /**
     * Flushes and waits (bounded) until everything handed over since the last commit is delivered (acknowledged by
     * the target where it acknowledges). Called before the forwarder's buffer cursor is acknowledged.
     *
     * @return true when all of it was delivered; false when some of it must be sent again.
     */
    boolean commit();

    /**
     * @return true when this forwarder needs decoded records ({@link #onRecord}); relays only need raw bytes.
     */
    default boolean wantsRecords()
    {
        return true;
    }

    /**
     * @return current state, counters and last error.
     */
    ForwarderStatus status();

    /** Flushes, waits for outstanding sends (bounded) and releases resources. */
    @Override
    void close();
}
