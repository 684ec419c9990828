package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ConfigException;
import io.nocraven.appliance.config.ConfigLoader;
import io.nocraven.appliance.pipeline.JournalEntryDecoder;
import io.nocraven.buffer.cursor.RecordHandler;
import io.nocraven.buffer.inspect.ExportSummary;
import io.nocraven.codec.CodecOptions;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.JsonLine;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code noc-raven buffer export DIR [--stream S] [--from T] [--to T] [--raw]}: the entries of a buffer as JSON
 * lines on stdout. By default each journaled input is decoded exactly as the forwarders decode it
 * ({@link JournalEntryDecoder}, one per stream, so templates carry across entries) into the records of
 * {@code docs/record-schema.md}; an entry that cannot be decoded is an {@code invalid} record. With {@code --raw},
 * one object per entry: {@code stream}, {@code sequence}, {@code timestamp}, {@code type}, {@code payload} (base64).
 * Lines go to stdout as UTF-8 bytes ({@link StandardOutput}).
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Write the buffer's entries as JSON lines on stdout, stream by stream in sequence order: decoded records "
            + "(docs/record-schema.md; undecodable entries are invalid records), or with --raw one object per entry.",
        "T is an ISO-8601 instant (2026-12-01T10:00:00Z, 2026-12-01T11:00:00+01:00) or a duration before now "
            + "(-2h, -30m, -7d, -PT1H30M); it is compared with each entry's timestamp (receive time).",
        "A summary goes to stderr. Exit status: 0 done, 1 output failed, 2 bad usage or unreadable directory."
    })
public final class BufferExportCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    private BufferSelection selection;

    @Option(names = "--from", paramLabel = "T", description = "First entry time (inclusive).")
    private String from;

    @Option(names = "--to", paramLabel = "T", description = "Last entry time (inclusive).")
    private String to;

    @Option(names = "--raw", description = "One object per entry (stream, sequence, timestamp, type, base64 payload) "
        + "instead of decoded records.")
    private boolean raw;

    @Option(names = "--config", paramLabel = "FILE", description = "Appliance config file whose codec.* settings "
        + "(syslogMode, timezone, snmpUsersFile) the decoders use (default: the embedded defaults).")
    private Path config;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Map<RecordKind, Long> kinds = new EnumMap<>(RecordKind.class);
    private OutputStream out;
    private String currentStream;
    private byte[] scratch = new byte[4096];

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final BufferSelection.Selected selected;
        final long fromMs;
        final long toMs;
        final CodecOptions options;
        try
        {
            final Instant now = Instant.now();
            fromMs = from == null ? Long.MIN_VALUE : TimeArgument.parse("--from", from, now).toEpochMilli();
            toMs = to == null ? Long.MAX_VALUE : TimeArgument.parse("--to", to, now).toEpochMilli();
            if (fromMs > toMs)
            {
                throw new IllegalArgumentException("--from " + from + " is after --to " + to
                    + " (expected: --from at or before --to)");
            }
            options = config == null ? CodecOptions.defaults()
                : ConfigLoader.load(config, Map.of(), List.of(), null).codec();
            selected = selection.open();
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            err.println("noc-raven buffer export: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        catch (final ConfigException ex)
        {
            err.println("noc-raven buffer export: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        out = StandardOutput.bytes(spec.commandLine().getOut());
        final List<String> summary = new ArrayList<>();
        try
        {
            for (final String stream : selected.streams())
            {
                currentStream = stream;
                final JournalEntryDecoder decoder = new JournalEntryDecoder(options);
                final JsonRecordWriter writer = new JsonRecordWriter(this::onLine);
                // When the export starts inside a segment (--from), the entries before it in that segment rebuild the
                // decoders' state (template snapshot at the segment head, templates sent since): decoded, not written.
                final CountingRecordWriter discard = new CountingRecordWriter();
                final RecordHandler context = raw ? null : (sequence, timestamp, type, buffer, offset, length) ->
                {
                    if (scratch.length < length)
                    {
                        scratch = new byte[Math.max(length, scratch.length * 2)];
                    }
                    buffer.getBytes(offset, scratch, 0, length);
                    decoder.decode(type, timestamp, stream, scratch, 0, length, discard);
                };
                final ExportSummary s = selected.inspector().export(stream, 0, fromMs, toMs, context,
                    (sequence, timestamp, type, buffer, offset, length) ->
                    {
                        if (scratch.length < length)
                        {
                            scratch = new byte[Math.max(length, scratch.length * 2)];
                        }
                        buffer.getBytes(offset, scratch, 0, length);
                        if (raw)
                        {
                            writeRaw(sequence, timestamp, type, length);
                        }
                        else
                        {
                            decoder.decode(type, timestamp, stream, scratch, 0, length, writer);
                        }
                    });
                if (!raw)
                {
                    decoder.finish(writer);
                }
                summary.add(stream + " " + s.delivered() + " entries" + (s.missedRecords() > 0 ?
                    " (" + s.missedRecords() + " records unreadable: damaged, evicted or quarantined)" : ""));
            }
            flush();
        }
        catch (final IOException ex)
        {
            err.println("noc-raven buffer export: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        catch (final UncheckedIOException ex)
        {
            err.println("noc-raven buffer export: cannot write output: " + ex.getCause().getMessage());
            return ExitCodes.FAILURE;
        }
        final StringBuilder sb = new StringBuilder("export: ").append(String.join(", ", summary));
        if (!raw)
        {
            sb.append("; records:");
            kinds.forEach((k, n) -> sb.append(' ').append(k.wireName()).append('=').append(n));
        }
        err.println(sb);
        err.flush();
        return ExitCodes.OK;
    }

    /** Output failures end the export: they are thrown as {@link UncheckedIOException} through the buffer reader. */
    private void onLine(final RecordKind kind, final JsonLine line)
    {
        kinds.merge(kind, 1L, Long::sum);
        try
        {
            line.writeTo(out);
            out.write('\n');
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeRaw(final long sequence, final long timestamp, final int type, final int length)
    {
        final ObjectNode n = JSON.createObjectNode();
        n.put("stream", currentStream);
        n.put("sequence", sequence);
        n.put("timestamp", Instant.ofEpochMilli(timestamp).toString());
        n.put("type", type);
        n.put("payload", Base64.getEncoder().encodeToString(Arrays.copyOf(scratch, length)));
        try
        {
            out.write(JSON.writeValueAsBytes(n));
            out.write('\n');
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void flush()
    {
        try
        {
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
