package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.EventFactory;
import io.nocraven.core.record.RecordContext;

/**
 * One ring slot: a copy of one datagram or framed TCP message plus its envelope. Pre-allocated by the Disruptor;
 * the payload array is sized {@code pipeline.slotBytes} and grows (allocation) only for a larger input.
 */
public final class IngressEvent
{
    /** The envelope (exporter, listener name, receive time). */
    public final RecordContext context = new RecordContext();
    /** Listener ordinal ({@link io.nocraven.appliance.config.ListenerType#ordinal()}). */
    public int listener;
    /** The bytes; valid up to {@link #length}. */
    public byte[] data;
    /** Number of valid bytes. */
    public int length;
    /** Where replies go (SNMP inform responses): the receiving channel, or null. */
    public Object replyChannel;

    IngressEvent(final int slotBytes)
    {
        this.data = new byte[slotBytes];
    }

    /**
     * Makes room for {@code size} bytes (keeps nothing).
     *
     * @param size bytes needed.
     * @return the payload array.
     */
    public byte[] ensure(final int size)
    {
        if (data.length < size)
        {
            data = new byte[size];
        }
        return data;
    }

    static EventFactory<IngressEvent> factory(final int slotBytes)
    {
        return () -> new IngressEvent(slotBytes);
    }
}
