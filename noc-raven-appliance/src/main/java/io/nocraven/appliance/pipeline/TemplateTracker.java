package io.nocraven.appliance.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.SegmentStartListener;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.Decoders;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest side's view of one flow stream's templates, kept by the journal stage (the stream's single writer) so
 * that every segment of the stream can start with the templates its data needs.
 * <ul>
 *   <li>{@link #learn}: after an input is journaled, inputs that may carry template sets
 *   ({@link FlowTemplates#mayCarryTemplates}) go through this tracker's own decoder (records discarded);
 *   data-only inputs cost one scan of their set headers.</li>
 *   <li>{@link #onSegmentStart}: when the stream starts a segment, the live templates are written at its head as
 *   {@link TemplateSnapshotDescriptor} entries, so the segment decodes on its own once older ones are gone.</li>
 *   <li>{@link #rebuild}: at start, before any listener opens, the state is rebuilt from the newest segment (its
 *   head snapshot, then the template-carrying inputs after it), i.e. exactly the state at the last durable input.</li>
 * </ul>
 * Template lifetimes are judged on receive time ({@link ReceiveTimeClock}).
 */
public final class TemplateTracker implements SegmentStartListener
{
    private static final Logger LOG = LoggerFactory.getLogger(TemplateTracker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Room kept in each snapshot entry for the enclosing JSON object. */
    private static final int ENVELOPE_BYTES = 128;
    private static final int REBUILD_BATCH = 1024;

    private final ListenerType type;
    private final ReceiveTimeClock clock = new ReceiveTimeClock();
    private final DatagramDecoder decoder;
    private final CountingRecordWriter discard = new CountingRecordWriter();
    private final RecordContext rebuildContext = new RecordContext();
    private final AtomicLong snapshotEntries = new AtomicLong();
    private final AtomicLong templatesPersisted = new AtomicLong();
    private final AtomicLong templatesRestored = new AtomicLong();
    private final AtomicLong snapshotsIncomplete = new AtomicLong();
    private volatile int liveTemplates;

    /**
     * @param type    a flow listener ({@link FlowTemplates#hasTemplates}).
     * @param options decoder options (the clock is replaced by the receive time).
     */
    public TemplateTracker(final ListenerType type, final CodecOptions options)
    {
        if (!FlowTemplates.hasTemplates(type.family()))
        {
            throw new IllegalArgumentException("listener: " + type.configName() + " (expected: a flow listener)");
        }
        this.type = type;
        this.decoder = Decoders.create(type.family(), options.withClock(clock));
    }

    /** @return the listener (stream). */
    public ListenerType type()
    {
        return type;
    }

    /**
     * Sets the time the next snapshot is stamped with (the receive time of the input about to be journaled).
     *
     * @param epochMillis receive time.
     */
    public void at(final long epochMillis)
    {
        clock.set(epochMillis);
    }

    /**
     * Learns the templates of a journaled input (journal thread).
     *
     * @param context its envelope.
     * @param buf     bytes.
     * @param offset  start.
     * @param length  length.
     */
    public void learn(final RecordContext context, final byte[] buf, final int offset, final int length)
    {
        if (FlowTemplates.mayCarryTemplates(type.family(), buf, offset, length))
        {
            clock.set(context.receivedAtEpochNanos() / 1_000_000L);
            decoder.decode(context, buf, offset, length, discard);
        }
    }

    @Override
    public void onSegmentStart(final StreamJournal journal, final long baseSequence, final int budgetBytes)
    {
        final List<byte[]> chunks;
        try
        {
            chunks = chunks(FlowTemplates.export(decoder), journal.config().maxRecordLength()
                - JournalEntryDescriptor.HEADER_LENGTH - ENVELOPE_BYTES);
        }
        catch (final IOException | IllegalStateException ex)
        {
            snapshotsIncomplete.incrementAndGet();
            LOG.error("{}: cannot write the template snapshot at sequence {}: {}", type.configName(), baseSequence,
                ex.toString());
            return;
        }
        int templates = 0;
        for (final byte[] json : chunks)
        {
            final byte[] entry = TemplateSnapshotDescriptor.encode(type, clock.millis(), json);
            final long result = journal.append(JournalStage.TYPE_TEMPLATES, clock.millis(), entry, 0, entry.length);
            if (result < 0)
            {
                snapshotsIncomplete.incrementAndGet();
                LOG.error("{}: template snapshot at sequence {} incomplete: append status {} (budget {} bytes)",
                    type.configName(), baseSequence, result, budgetBytes);
                break;
            }
            snapshotEntries.incrementAndGet();
            templates += count(json);
        }
        templatesPersisted.addAndGet(templates);
        liveTemplates = templates;
    }

    /**
     * Rebuilds the state from the newest segment of the stream (start-up, before the pipeline runs).
     *
     * @param journal the stream.
     * @return live templates afterwards.
     */
    public int rebuild(final StreamJournal journal)
    {
        final SegmentEntry last = journal.catalog().last();
        final long end = journal.writtenSequence();
        if (last == null || last.baseSequence() > end)
        {
            return 0;
        }
        final long[] entries = new long[1];
        try (StreamReader reader = journal.openReaderAt(last.baseSequence()))
        {
            while (reader.nextSequence() <= end)
            {
                final int n = reader.poll((sequence, timestamp, recordType, buffer, offset, length) ->
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes, 0, length);
                    apply(recordType, bytes, length);
                    entries[0]++;
                }, (int)Math.min(REBUILD_BATCH, end - reader.nextSequence() + 1));
                if (n == 0)
                {
                    break;
                }
            }
        }
        final byte[] state = FlowTemplates.export(decoder);
        final int live = state == null ? 0 : count(state);
        liveTemplates = live;
        templatesRestored.addAndGet(live);
        LOG.info("{}: {} flow templates restored from {} entries of segment {} (sequences {}..{})", type.configName(),
            live, entries[0], last.baseSequence(), last.baseSequence(), end);
        return live;
    }

    private void apply(final int recordType, final byte[] entry, final int length)
    {
        if (recordType == JournalStage.TYPE_TEMPLATES)
        {
            try
            {
                clock.set(timeOf(entry, length));
                FlowTemplates.restore(decoder, TemplateSnapshotDescriptor.json(entry, 0, length));
            }
            catch (final IllegalArgumentException ex)
            {
                LOG.warn("{}: skipping a bad template snapshot: {}", type.configName(), ex.getMessage());
            }
        }
        else if (recordType == JournalStage.TYPE_INPUT
            && JournalEntryDescriptor.readHeader(entry, 0, length, rebuildContext) != null)
        {
            learn(rebuildContext, entry, JournalEntryDescriptor.HEADER_LENGTH,
                length - JournalEntryDescriptor.HEADER_LENGTH);
        }
    }

    private long timeOf(final byte[] entry, final int length)
    {
        return JournalEntryDescriptor.readHeader(entry, 0, length, rebuildContext) == null
            ? clock.millis() : rebuildContext.receivedAtEpochNanos() / 1_000_000L;
    }

    /** @return the live templates as codec JSON (start-up: restore the decode stage with it). */
    public byte[] export()
    {
        return FlowTemplates.export(decoder);
    }

    /** @return snapshot entries written at segment heads. */
    public long snapshotEntries()
    {
        return snapshotEntries.get();
    }

    /** @return templates written into segment-head snapshots. */
    public long templatesPersisted()
    {
        return templatesPersisted.get();
    }

    /** @return templates restored at start-up. */
    public long templatesRestored()
    {
        return templatesRestored.get();
    }

    /** @return segment-head snapshots that could not be written completely. */
    public long snapshotsIncomplete()
    {
        return snapshotsIncomplete.get();
    }

    /** @return live templates at the last snapshot or rebuild. */
    public int liveTemplates()
    {
        return liveTemplates;
    }

    /** @return templates that expired in the tracker (no refresh within the template lifetime). */
    public long templatesExpired()
    {
        final io.nocraven.codec.flow.FlowCounters c = FlowTemplates.counters(decoder);
        return c == null ? 0 : c.templatesExpired();
    }

    /**
     * Splits exported state into JSON documents of at most {@code limit} bytes each (an exporter with more
     * templates than fit is split over several documents; restoring them one after the other is the same).
     */
    static List<byte[]> chunks(final byte[] state, final int limit) throws IOException
    {
        final List<byte[]> out = new ArrayList<>();
        if (state == null)
        {
            return out;
        }
        final JsonNode root = JSON.readTree(state);
        final List<ObjectNode> pieces = new ArrayList<>();
        for (final JsonNode x : root.path("exporters"))
        {
            final ObjectNode exporter = (ObjectNode)x;
            if (JSON.writeValueAsBytes(exporter).length <= limit)
            {
                pieces.add(exporter);
                continue;
            }
            ObjectNode part = null;
            int size = 0;
            for (final JsonNode t : exporter.path("templates"))
            {
                final int tSize = JSON.writeValueAsBytes(t).length + 1;
                if (tSize + ENVELOPE_BYTES > limit)
                {
                    throw new IllegalStateException("template " + t.path("id") + " of " + exporter.path("address")
                        + " needs " + tSize + " bytes (more than one buffer record)");
                }
                if (part == null || size + tSize > limit)
                {
                    part = exporter.deepCopy();
                    part.putArray("templates");
                    size = JSON.writeValueAsBytes(part).length;
                    pieces.add(part);
                }
                ((ArrayNode)part.get("templates")).add(t);
                size += tSize;
            }
        }
        ObjectNode doc = null;
        int size = 0;
        for (final ObjectNode piece : pieces)
        {
            final int pSize = JSON.writeValueAsBytes(piece).length + 1;
            if (doc == null || size + pSize > limit)
            {
                if (doc != null)
                {
                    out.add(JSON.writeValueAsBytes(doc));
                }
                doc = JSON.createObjectNode();
                doc.set("format", root.get("format"));
                doc.set("version", root.get("version"));
                doc.putArray("exporters");
                size = JSON.writeValueAsBytes(doc).length;
            }
            ((ArrayNode)doc.get("exporters")).add(piece);
            size += pSize;
        }
        if (doc != null)
        {
            out.add(JSON.writeValueAsBytes(doc));
        }
        return out;
    }

    private static int count(final byte[] json)
    {
        try
        {
            int n = 0;
            for (final JsonNode x : JSON.readTree(json).path("exporters"))
            {
                n += x.path("templates").size();
            }
            return n;
        }
        catch (final IOException ex)
        {
            return 0;
        }
    }
}
