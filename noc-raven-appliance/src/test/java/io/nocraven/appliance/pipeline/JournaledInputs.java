package io.nocraven.appliance.pipeline;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.journal.StreamJournal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Test support: writes inputs into a buffer directory exactly as the appliance does, through {@link JournalStage}
 * with one stream per listener (named like the listener, as {@code BufferWiring} names them).
 */
public final class JournaledInputs
{
    private JournaledInputs()
    {
    }

    /**
     * One received input.
     *
     * @param listener        the listener that took it.
     * @param exporter        the sender.
     * @param receivedAtNanos receive time, epoch ns.
     * @param payload         the datagram or frame.
     */
    public record Input(ListenerType listener, InetSocketAddress exporter, long receivedAtNanos, byte[] payload)
    {
    }

    /**
     * Opens (creating) the buffer in {@code dir}, journals the inputs in order, closes it.
     *
     * @param dir           buffer directory.
     * @param segmentLength segment file length.
     * @param inputs        what was received.
     * @throws IOException when the buffer cannot be opened.
     */
    public static void journal(final Path dir, final int segmentLength, final List<Input> inputs) throws IOException
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final ListenerType[] types = ListenerType.values();
            final StreamJournal[] journals = new StreamJournal[types.length];
            final TemplateTracker[] trackers = new TemplateTracker[types.length];
            for (final ListenerType t : types)
            {
                journals[t.ordinal()] = buffer.stream(StreamConfig.builder(t.configName()).segmentLength(segmentLength)
                    .maxRecordLength(65_535 + JournalEntryDescriptor.HEADER_LENGTH).build());
                if (FlowTemplates.hasTemplates(t.family()))
                {
                    // As the appliance wires it: template snapshots at the head of every new flow segment.
                    trackers[t.ordinal()] = new TemplateTracker(t, io.nocraven.codec.CodecOptions.defaults());
                    trackers[t.ordinal()].rebuild(journals[t.ordinal()]);
                    journals[t.ordinal()].segmentStartListener(trackers[t.ordinal()]);
                }
            }
            final JournalStage stage = new JournalStage(journals, trackers);
            final IngressEvent event = new IngressEvent(2048);
            for (int i = 0; i < inputs.size(); i++)
            {
                final Input in = inputs.get(i);
                event.listener = in.listener().ordinal();
                event.context.set(in.exporter(), in.listener().configName(), in.receivedAtNanos());
                System.arraycopy(in.payload(), 0, event.ensure(in.payload().length), IngressEvent.PAYLOAD_OFFSET,
                    in.payload().length);
                event.length = in.payload().length;
                stage.onEvent(event, i, i == inputs.size() - 1);
            }
            stage.onShutdown();
        }
    }
}
