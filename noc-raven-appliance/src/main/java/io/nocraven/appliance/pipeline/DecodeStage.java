package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.Decoders;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordKind;
import java.util.Arrays;
import java.util.List;

/**
 * The last pipeline stage: decodes each input with its listener's decoder (one stateful decoder per listener, so
 * templates are per listener and exporter) and hands the JSON records and the original bytes to the forwarders
 * that take that listener. Undecodable inputs are counted and kept as quarantined; their {@code invalid} record
 * still flows to the forwarders.
 */
public final class DecodeStage implements EventHandler<IngressEvent>
{
    private static final ListenerType[] TYPES = ListenerType.values();

    private final DatagramDecoder[] decoders = new DatagramDecoder[TYPES.length];
    private final ListenerCounters[] counters = new ListenerCounters[TYPES.length];
    private final Forwarder[][] forwarders = new Forwarder[TYPES.length][];
    private final List<Forwarder> all;
    private final JsonRecordWriter writer;
    private IngressEvent current;
    private String lastInvalidLine = "";

    /**
     * @param options    decoder options.
     * @param forwarders every forwarder.
     */
    public DecodeStage(final CodecOptions options, final List<Forwarder> forwarders)
    {
        this.all = List.copyOf(forwarders);
        for (final ListenerType t : TYPES)
        {
            decoders[t.ordinal()] = Decoders.create(t.family(), options);
            counters[t.ordinal()] = new ListenerCounters();
            this.forwarders[t.ordinal()] = forwarders.stream().filter(f -> f.accepts(t)).toArray(Forwarder[]::new);
        }
        this.writer = new JsonRecordWriter(this::onLine);
    }

    @Override
    public void onEvent(final IngressEvent event, final long sequence, final boolean endOfBatch)
    {
        current = event;
        final int l = event.listener;
        final ListenerCounters c = counters[l];
        c.onDecoded();
        c.exporters().record(event.context, event.length);
        for (final Forwarder f : forwarders[l])
        {
            f.onRaw(TYPES[l], event.context, event.data, IngressEvent.PAYLOAD_OFFSET, event.length);
        }
        final DecodeStatus status = decoders[l].decode(event.context, event.data, IngressEvent.PAYLOAD_OFFSET, event.length,
            writer);
        if (status == DecodeStatus.INVALID)
        {
            c.onQuarantined(new QuarantinedInput(TYPES[l].configName(), event.context.exporterText(),
                event.context.receivedAtEpochNanos(), reason(lastInvalidLine),
                Arrays.copyOfRange(event.data, IngressEvent.PAYLOAD_OFFSET,
                    IngressEvent.PAYLOAD_OFFSET + event.length)));
        }
        if (endOfBatch)
        {
            for (final Forwarder f : all)
            {
                f.onBatchEnd();
            }
        }
    }

    @Override
    public void onShutdown()
    {
        for (final Forwarder f : all)
        {
            f.onBatchEnd();
        }
    }

    private void onLine(final RecordKind kind, final CharSequence line)
    {
        final int l = current.listener;
        counters[l].onRecord();
        if (kind == RecordKind.INVALID)
        {
            lastInvalidLine = line.toString();
        }
        for (final Forwarder f : forwarders[l])
        {
            f.onRecord(TYPES[l], kind, current.context, line);
        }
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
     * @param type a listener.
     * @return its decoder (for decoder counters by reason).
     */
    public DatagramDecoder decoder(final ListenerType type)
    {
        return decoders[type.ordinal()];
    }

    static String reason(final String invalidLine)
    {
        final String marker = "\"reason\":\"";
        final int i = invalidLine.indexOf(marker);
        if (i < 0)
        {
            return "unknown";
        }
        final int end = invalidLine.indexOf('"', i + marker.length());
        return end < 0 ? "unknown" : invalidLine.substring(i + marker.length(), end);
    }
}
