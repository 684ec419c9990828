package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.buffer.inspect.BufferInspector;
import io.nocraven.buffer.inspect.CursorSummary;
import io.nocraven.buffer.inspect.SegmentSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code noc-raven buffer inspect DIR [--stream S] [--json]}: per stream its segments (file, state, sequences,
 * timestamps, bytes on disk, records), its consumer cursors (acknowledged sequence, lag) and totals.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Show each stream's segments (state sealed/active/compressed/quarantined, first/last sequence and timestamp, "
            + "bytes on disk, records), consumer cursors (acknowledged sequence, lag) and totals.",
        "Exit status: 0 done, 2 bad usage or unreadable directory."
    })
public final class BufferInspectCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    private BufferSelection selection;

    @Option(names = "--json", description = "Machine-readable JSON instead of text.")
    private boolean json;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final ObjectNode doc;
        try
        {
            final BufferSelection.Selected selected = selection.open();
            doc = describe(selected.inspector(), selected.streams());
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            err.println("noc-raven buffer inspect: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println(json ? doc.toPrettyString() : text(doc));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The inspection document (the {@code --json} output).
     *
     * @param inspector the buffer.
     * @param streams   streams to describe.
     * @return the document.
     * @throws IOException when a directory or file cannot be read.
     */
    static ObjectNode describe(final BufferInspector inspector, final List<String> streams) throws IOException
    {
        final ObjectNode doc = JSON.createObjectNode();
        doc.put("directory", inspector.directory().toString());
        doc.put("inUse", inspector.inUse());
        final ArrayNode array = doc.putArray("streams");
        long segments = 0;
        long records = 0;
        long bytes = 0;
        for (final String stream : streams)
        {
            final ObjectNode s = describeStream(inspector, stream);
            array.add(s);
            segments += s.path("totals").path("segments").asLong();
            records += s.path("totals").path("records").asLong();
            bytes += s.path("totals").path("bytesOnDisk").asLong();
        }
        final ObjectNode totals = doc.putObject("totals");
        totals.put("streams", streams.size());
        totals.put("segments", segments);
        totals.put("records", records);
        totals.put("bytesOnDisk", bytes);
        return doc;
    }

    private static ObjectNode describeStream(final BufferInspector inspector, final String stream) throws IOException
    {
        final ObjectNode s = JSON.createObjectNode();
        s.put("name", stream);
        final ArrayNode segs = s.putArray("segments");
        long records = 0;
        long bytes = 0;
        long first = -1;
        long end = 0;
        long firstTs = Long.MAX_VALUE;
        long lastTs = Long.MIN_VALUE;
        final List<SegmentSummary> summaries = inspector.segments(stream);
        for (final SegmentSummary seg : summaries)
        {
            final ObjectNode n = segs.addObject();
            final boolean readable = !"quarantined".equals(seg.state()) && !"invalid".equals(seg.state());
            n.put("file", seg.fileName());
            n.put("state", seg.state());
            n.put("storage", seg.storage() == null ? null : seg.storage().name().toLowerCase(Locale.ROOT));
            n.put("firstSequence", seg.baseSequence());
            if (readable && seg.recordCount() > 0)
            {
                n.put("lastSequence", seg.baseSequence() + seg.recordCount() - 1);
                n.put("firstTimestamp", time(seg.firstTimestamp()));
                n.put("lastTimestamp", time(seg.maxTimestamp()));
                firstTs = Math.min(firstTs, seg.firstTimestamp());
                lastTs = Math.max(lastTs, seg.maxTimestamp());
            }
            else
            {
                n.putNull("lastSequence");
                n.putNull("firstTimestamp");
                n.putNull("lastTimestamp");
            }
            n.put("bytesOnDisk", seg.bytesOnDisk());
            if (readable)
            {
                n.put("records", seg.recordCount());
                records += seg.recordCount();
                first = first < 0 ? seg.baseSequence() : first;
                end = Math.max(end, seg.baseSequence() + seg.recordCount());
            }
            else
            {
                n.putNull("records");
            }
            bytes += seg.bytesOnDisk();
        }
        final long next = Math.max(end, inspector.checkpointNextSequence(stream));
        final long oldest = first < 0 ? next : first;
        final ArrayNode cursors = s.putArray("cursors");
        for (final CursorSummary c : inspector.cursors(stream))
        {
            final ObjectNode n = cursors.addObject();
            n.put("name", c.consumer());
            n.put("ackedSequence", c.ackedSequence());
            n.put("ackedTimestamp", c.ackedSequence() >= 0 ? time(c.ackedTimestamp()) : null);
            n.put("lagRecords", Math.max(0, next - 1 - Math.max(c.ackedSequence(), oldest - 1)));
            if (c.ackedSequence() >= 0 && lastTs != Long.MIN_VALUE)
            {
                n.put("lagSeconds", Math.max(0, lastTs - c.ackedTimestamp()) / 1000.0);
            }
            else
            {
                n.putNull("lagSeconds");
            }
        }
        final ObjectNode totals = s.putObject("totals");
        totals.put("segments", summaries.size());
        totals.put("records", records);
        totals.put("bytesOnDisk", bytes);
        totals.put("firstSequence", oldest);
        totals.put("nextSequence", next);
        totals.put("firstTimestamp", firstTs == Long.MAX_VALUE ? null : time(firstTs));
        totals.put("lastTimestamp", lastTs == Long.MIN_VALUE ? null : time(lastTs));
        return s;
    }

    private static String time(final long epochMs)
    {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    /**
     * @param doc the inspection document.
     * @return it as text.
     */
    static String text(final ObjectNode doc)
    {
        final StringBuilder sb = new StringBuilder(4096);
        sb.append("buffer ").append(doc.path("directory").asText()).append(doc.path("inUse").asBoolean() ?
            " (in use by a running writer: figures are a snapshot)" : " (not in use)").append('\n');
        for (final JsonNode s : doc.path("streams"))
        {
            final JsonNode t = s.path("totals");
            sb.append('\n').append(String.format(Locale.ROOT, "stream %s: %d segments, %d records, %d bytes on disk, "
                + "sequences %d..%d, %s .. %s%n", s.path("name").asText(), t.path("segments").asLong(),
                t.path("records").asLong(), t.path("bytesOnDisk").asLong(), t.path("firstSequence").asLong(),
                t.path("nextSequence").asLong() - 1, t.path("firstTimestamp").asText("-"),
                t.path("lastTimestamp").asText("-")));
            if (!s.path("segments").isEmpty())
            {
                sb.append(String.format(Locale.ROOT, "  %-32s %-11s %12s %12s %-24s %-24s %12s %9s%n", "FILE", "STATE",
                    "FIRST SEQ", "LAST SEQ", "FIRST TIMESTAMP", "LAST TIMESTAMP", "BYTES", "RECORDS"));
            }
            for (final JsonNode g : s.path("segments"))
            {
                sb.append(String.format(Locale.ROOT, "  %-32s %-11s %12d %12s %-24s %-24s %12d %9s%n",
                    g.path("file").asText(), g.path("state").asText(), g.path("firstSequence").asLong(),
                    orDash(g.path("lastSequence")), orDash(g.path("firstTimestamp")), orDash(g.path("lastTimestamp")),
                    g.path("bytesOnDisk").asLong(), orDash(g.path("records"))));
            }
            if (!s.path("cursors").isEmpty())
            {
                sb.append(String.format(Locale.ROOT, "  %-20s %12s %-24s %12s %12s%n", "CURSOR", "ACKED SEQ",
                    "ACKED TIMESTAMP", "LAG RECORDS", "LAG SECONDS"));
            }
            for (final JsonNode c : s.path("cursors"))
            {
                sb.append(String.format(Locale.ROOT, "  %-20s %12d %-24s %12d %12s%n", c.path("name").asText(),
                    c.path("ackedSequence").asLong(), orDash(c.path("ackedTimestamp")), c.path("lagRecords").asLong(),
                    orDash(c.path("lagSeconds"))));
            }
        }
        final JsonNode t = doc.path("totals");
        sb.append('\n').append(String.format(Locale.ROOT, "total: %d streams, %d segments, %d records, %d bytes on disk",
            t.path("streams").asLong(), t.path("segments").asLong(), t.path("records").asLong(),
            t.path("bytesOnDisk").asLong()));
        return sb.toString();
    }

    private static String orDash(final JsonNode n)
    {
        return n.isMissingNode() || n.isNull() ? "-" : n.asText();
    }
}
