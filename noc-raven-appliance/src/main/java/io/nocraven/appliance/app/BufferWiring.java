package io.nocraven.appliance.app;

import io.nocraven.appliance.config.ApplianceConfig;
import io.nocraven.appliance.config.BufferSettings;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.FlowTemplates;
import io.nocraven.appliance.pipeline.TemplateTracker;
import io.nocraven.appliance.sink.BufferEntrySource;
import io.nocraven.appliance.sink.EntrySource;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderRunner;
import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.Compression;
import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.OverflowPolicy;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.journal.StreamJournal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the durable buffer with one stream per listener (named like the listener) and a {@code quarantine} stream,
 * rebuilds the template state of the flow streams from their newest segment ({@link TemplateTracker}, which then
 * writes the head of every new segment), and creates one {@link ForwarderRunner} per forwarder over the streams it
 * takes.
 */
final class BufferWiring implements AutoCloseable
{
    /** Name of the stream holding undecodable inputs. */
    static final String QUARANTINE = "quarantine";

    private static final Logger LOG = LoggerFactory.getLogger(BufferWiring.class);

    private final DurableBuffer buffer;
    private final StreamJournal[] journals = new StreamJournal[ListenerType.values().length];
    private final StreamJournal quarantine;
    private final TemplateTracker[] trackers = new TemplateTracker[ListenerType.values().length];
    private final Map<String, ForwarderRunner> runners = new LinkedHashMap<>();

    BufferWiring(final ApplianceConfig config) throws IOException
    {
        final BufferSettings s = config.buffer();
        buffer = DurableBuffer.open(BufferConfig.of(s.directory()).withTotalCapBytes(s.totalCapBytes())
            .withMinFreeBytes(s.minFreeBytes()));
        try
        {
            for (final ListenerType t : ListenerType.values())
            {
                journals[t.ordinal()] = buffer.stream(stream(t.configName(), s, config.maxInputBytes(t)));
            }
            quarantine = buffer.stream(stream(QUARANTINE, s, config.maxInputBytes()));
            for (final ListenerType t : ListenerType.values())
            {
                LOG.info("buffer stream {} recovered: {}", t.configName(), journals[t.ordinal()].recoveryReport());
            }
            for (final ListenerType t : ListenerType.values())
            {
                if (FlowTemplates.hasTemplates(t.family()))
                {
                    final TemplateTracker tracker = new TemplateTracker(t, config.codec());
                    tracker.rebuild(journals[t.ordinal()]);
                    journals[t.ordinal()].segmentStartListener(tracker);
                    trackers[t.ordinal()] = tracker;
                }
            }
        }
        catch (final IOException | IllegalArgumentException ex)
        {
            buffer.close();
            throw ex;
        }
    }

    private static StreamConfig stream(final String name, final BufferSettings s, final int maxDatagram)
    {
        return StreamConfig.builder(name).segmentLength(s.segmentBytes()).quotaBytes(s.streamQuotaBytes())
            .maxAgeMs(TimeUnit.HOURS.toMillis(s.maxAgeHours()))
            .durability(Durability.valueOf(s.durability().toUpperCase(Locale.ROOT)))
            .flushIntervalMs(s.flushIntervalMs())
            .compression(Compression.valueOf(s.compression().toUpperCase(Locale.ROOT)))
            .overflowPolicy(OverflowPolicy.valueOf(s.overflowPolicy().toUpperCase(Locale.ROOT)))
            .maxRecordLength(maxDatagram + io.nocraven.appliance.pipeline.JournalEntryDescriptor.HEADER_LENGTH)
            .build();
    }

    StreamJournal[] journals()
    {
        return journals.clone();
    }

    /** @return the template tracker of each flow listener (null for the others), by ordinal. */
    TemplateTracker[] trackers()
    {
        return trackers.clone();
    }

    StreamJournal quarantine()
    {
        return quarantine;
    }

    DurableBuffer buffer()
    {
        return buffer;
    }

    void startRunners(final List<Forwarder> forwarders, final ApplianceConfig config) throws IOException
    {
        for (final Forwarder f : forwarders)
        {
            final List<EntrySource> sources = new ArrayList<>();
            for (final ListenerType t : ListenerType.values())
            {
                if (f.accepts(t))
                {
                    sources.add(new BufferEntrySource(t.configName(), journals[t.ordinal()], f.name()));
                }
            }
            final ForwarderRunner r = new ForwarderRunner(f, sources, config.codec(),
                config.forwarders().initialBackoffMs(), config.forwarders().maxBackoffMs());
            runners.put(f.name(), r);
            r.start();
        }
    }

    Map<String, ForwarderRunner> runners()
    {
        return runners;
    }

    /** Stops the runners (closing their forwarders), then closes the buffer (force, checkpoint, unlock). */
    @Override
    public void close() throws IOException
    {
        for (final ForwarderRunner r : runners.values())
        {
            r.close();
        }
        runners.clear();
        buffer.close();
    }
}
