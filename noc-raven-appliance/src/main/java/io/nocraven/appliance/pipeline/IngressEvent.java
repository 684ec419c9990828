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

    /**
     * A slot grown past this many payload bytes goes back to its pre-allocated size once every stage is done. Grown
     * slots that are kept are bounded by ring size x this (65536 x 2 KiB = 128 MiB); larger inputs are charged to the
     * ring's budget for large inputs while they are in flight ({@link IngressRing#LARGE_INPUT_BUDGET_BYTES}).
     */
    static final int KEEP_GROWN_BYTES = 2048;

    /** Bytes of this input charged to the ring's large-input budget (0 when it fits a kept slot). */
    int charged;

    private final int slotBytes;

    IngressEvent(final int slotBytes)
    {
        this.slotBytes = slotBytes;
        this.data = new byte[PAYLOAD_OFFSET + slotBytes];
    }

    /**
     * Called by the last stage: a slot that grew for an unusually large input (a Windows event batch, a long TCP
     * frame) gives that memory back, so a burst of large inputs cannot leave every slot of the ring large.
     */
    public void trim()
    {
        if (data.length > PAYLOAD_OFFSET + Math.max(slotBytes, KEEP_GROWN_BYTES))
        {
            data = new byte[PAYLOAD_OFFSET + slotBytes];
        }
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
