package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.EventFactory;
import io.nocraven.core.record.RecordContext;

/**
 * One ring slot: a copy of one datagram or framed TCP message plus its envelope. Pre-allocated by the Disruptor;
 * the array is sized {@code pipeline.slotBytes} and grows (allocation) only for a larger input. The payload starts
 * at {@link #PAYLOAD_OFFSET}: the first bytes are reserved for the journal header
 * ({@link JournalEntryDescriptor}), so the journal stage writes the entry without copying the payload.
 */
public final class IngressEvent
{
    /** Where the payload starts in {@link #data}. */
    public static final int PAYLOAD_OFFSET = JournalEntryDescriptor.HEADER_LENGTH;

    /** The envelope (exporter, listener name, receive time). */
    public final RecordContext context = new RecordContext();
    /** Listener ordinal ({@link io.nocraven.appliance.config.ListenerType#ordinal()}). */
    public int listener;
    /** Header space, then the payload from {@link #PAYLOAD_OFFSET}, {@link #length} bytes long. */
    public byte[] data;
    /** Payload length. */
    public int length;
    /** Where replies go (SNMP inform responses): the receiving channel, or null. */
    public Object replyChannel;

    IngressEvent(final int slotBytes)
    {
        this.data = new byte[PAYLOAD_OFFSET + slotBytes];
    }

    /**
     * Makes room for a payload of {@code size} bytes (keeps nothing).
     *
     * @param size payload bytes needed.
     * @return the array.
     */
    public byte[] ensure(final int size)
    {
        if (data.length < PAYLOAD_OFFSET + size)
        {
            data = new byte[PAYLOAD_OFFSET + size];
        }
        return data;
    }

    static EventFactory<IngressEvent> factory(final int slotBytes)
    {
        return () -> new IngressEvent(slotBytes);
    }
}
