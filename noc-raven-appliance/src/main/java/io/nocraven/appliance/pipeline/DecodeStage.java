package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.snmp.SnmpTrapDecoder;
import java.util.Arrays;

/**
 * Second pipeline stage, after the journal: decodes each input with its listener's decoder (one stateful decoder
 * per listener) to count records, track the busiest exporters and catch undecodable input. An undecodable input is
 * written to the {@code quarantine} buffer stream (same entry layout, the header already written by the journal
 * stage), counted, and kept among the recent ones for inspection. SNMP InformRequests the decoder accepted are
 * answered here (the Response goes out through the receiving socket). Forwarders do not hang off this stage: they read
 * the buffer with their own cursors.
 */
public final class DecodeStage implements EventHandler<IngressEvent>
{
    private static final ListenerType[] TYPES = ListenerType.values();

    private final DatagramDecoder[] decoders = new DatagramDecoder[TYPES.length];
    private final ListenerCounters[] counters = new ListenerCounters[TYPES.length];
    private final StreamJournal quarantine;
    private final ReasonCapturingWriter writer = new ReasonCapturingWriter();
    private final InformResponder informs = new InformResponder();
    private boolean quarantineTouched;

    /**
     * @param options    decoder options.
     * @param quarantine the quarantine stream.
     */
    public DecodeStage(final CodecOptions options, final StreamJournal quarantine)
    {
        this.quarantine = quarantine;
        for (final ListenerType t : TYPES)
        {
            decoders[t.ordinal()] = Decoders.create(t.family(), options);
            counters[t.ordinal()] = new ListenerCounters();
        }
    }

    @Override
    public void onEvent(final IngressEvent event, final long sequence, final boolean endOfBatch)
    {
        final int l = event.listener;
        final ListenerCounters c = counters[l];
        c.onDecoded();
        c.exporters().record(event.context, event.length);
        final long before = writer.records();
        final DecodeStatus status = decoders[l].decode(event.context, event.data, IngressEvent.PAYLOAD_OFFSET,
            event.length, writer);
        c.onRecords(writer.records() - before);
        if (decoders[l] instanceof SnmpTrapDecoder snmp && snmp.lastInform() != null)
        {
            informs.answer(snmp.lastInform(), event);
        }
        if (status == DecodeStatus.INVALID)
        {
            c.onQuarantined(new QuarantinedInput(TYPES[l].configName(), event.context.exporterText(),
                event.context.receivedAtEpochNanos(), writer.reason(), Arrays.copyOfRange(event.data,
                IngressEvent.PAYLOAD_OFFSET, IngressEvent.PAYLOAD_OFFSET + event.length)));
            quarantine.append(JournalStage.TYPE_INPUT, event.context.receivedAtEpochNanos() / 1_000_000L, event.data, 0,
                IngressEvent.PAYLOAD_OFFSET + event.length);
            quarantineTouched = true;
        }
        if (endOfBatch && quarantineTouched)
        {
            quarantineTouched = false;
            quarantine.commitBatch(quarantine.shouldForce(System.currentTimeMillis()));
        }
    }

    @Override
    public void onTimeout(final long sequence)
    {
        quarantine.maintain(System.currentTimeMillis());
    }

    @Override
    public void onShutdown()
    {
        quarantine.commitBatch(true);
    }

    /**
     * @param type a listener.
     * @return what the stage counted for it.
     */
    public ListenerCounters counters(final ListenerType type)
    {
        return counters[type.ordinal()];
    }

    /**
     * Gives a listener's decoder the templates restored at start (before the pipeline runs).
     *
     * @param type  a flow listener.
     * @param state templates exported by its {@link TemplateTracker}.
     * @return templates restored.
     */
    public int restoreTemplates(final ListenerType type, final byte[] state)
    {
        return state == null ? 0 : FlowTemplates.restore(decoders[type.ordinal()], state);
    }

    /**
     * @param type a listener.
     * @return its decoder (for decoder counters by reason).
     */
    public DatagramDecoder decoder(final ListenerType type)
    {
        return decoders[type.ordinal()];
    }
}
