package io.nocraven.examples.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderStatus;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.core.record.JsonLine;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user destination plugged into the appliance's forwarder SPI: appends one CSV row per decoded flow record
 * (NetFlow v5/v9, IPFIX) to a file. Columns, after a header row written when the file is new:
 * <pre>
 * exporter,sourceAddress,destinationAddress,sourcePort,destinationPort,protocol,octets,packets
 * 127.0.0.1:53581,10.1.1.11,203.0.113.123,54707,25,6,2257,14
 * </pre>
 * The values are the record's {@code exporter} and its {@code fields} by IPFIX name ({@code docs/record-schema.md}):
 * {@code sourceIPv4Address} or {@code sourceIPv6Address}, {@code sourceTransportPort} (empty when the flow has no
 * ports, for example ICMP), {@code protocolIdentifier}, {@code octetDeltaCount}, {@code packetDeltaCount}.
 * <p>
 * At-least-once contract with {@link io.nocraven.appliance.sink.ForwarderRunner}: rows are buffered by
 * {@link #onRecord}, and {@link #commit()} flushes them and forces the file to the device before it returns true;
 * only then does the runner acknowledge the buffer cursor. A crash after the write and before the acknowledgement
 * therefore delivers those rows again after a restart (duplicates, never a gap). A consumer that must not see
 * duplicates would write the buffer sequence beside each row and skip what it already has.
 * <p>
 * Called from the runner's single thread; {@link #status()} may be called from any thread.
 */
public final class CsvFlowForwarder implements Forwarder
{
    /** The header row. */
    public static final String HEADER =
        "exporter,sourceAddress,destinationAddress,sourcePort,destinationPort,protocol,octets,packets";

    private final String name;
    private final FileChannel channel;
    private final Writer out;
    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder row = new StringBuilder(128);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long pending;
    private boolean rowFailed;
    private volatile String lastError = "";
    private volatile boolean healthy = true;
    private volatile boolean closed;

    /**
     * Opens (creating when missing) the CSV file for appending.
     *
     * @param name the forwarder's name; it is also the name of its buffer cursor, so keep it stable across restarts.
     * @param file the CSV file.
     * @throws IOException when the file cannot be opened or the header cannot be written.
     */
    public CsvFlowForwarder(final String name, final Path file) throws IOException
    {
        this.name = name;
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
        if (channel.size() == 0)
        {
            out.write(HEADER + "\n");
            out.flush();
        }
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public boolean accepts(final ListenerType stream)
    {
        return stream.family() == ProtocolFamily.NETFLOW || stream.family() == ProtocolFamily.IPFIX;
    }

    @Override
    public void onRecord(final ListenerType stream, final RecordKind kind, final RecordContext context,
        final CharSequence line)
    {
        if (kind != RecordKind.FLOW)
        {
            return; // options records and invalid inputs are not flows
        }
        try
        {
            // From the forwarder runner the line is a JsonLine: parse its UTF-8 bytes without making a String.
            final JsonNode record = line instanceof JsonLine bytes
                ? json.readTree(bytes.bytes(), 0, bytes.byteLength())
                : json.readTree(line.toString());
            final JsonNode fields = record.path("fields");
            row.setLength(0);
            row.append(record.path("exporter").asText()).append(',');
            appendEither(fields, "sourceIPv4Address", "sourceIPv6Address");
            appendEither(fields, "destinationIPv4Address", "destinationIPv6Address");
            appendEither(fields, "sourceTransportPort", null);
            appendEither(fields, "destinationTransportPort", null);
            appendEither(fields, "protocolIdentifier", null);
            appendEither(fields, "octetDeltaCount", null);
            row.append(fields.path("packetDeltaCount").asText()).append('\n');
            out.append(row);
            pending++;
        }
        catch (final JsonProcessingException ex)
        {
            fail("record is not JSON: " + ex.getOriginalMessage());
        }
        catch (final IOException ex)
        {
            fail("cannot write " + name + ": " + ex.getMessage());
        }
    }

    private void appendEither(final JsonNode fields, final String key, final String otherKey)
    {
        // asText() keeps the exact digits of unsigned 64-bit counters (Jackson holds them as BigInteger).
        final JsonNode value = fields.has(key) || otherKey == null ? fields.path(key) : fields.path(otherKey);
        row.append(value.asText()).append(',');
    }

    private void fail(final String error)
    {
        rowFailed = true;
        healthy = false;
        lastError = error;
    }

    @Override
    public void onBatchEnd()
    {
        // Nothing to do per batch: rows are made durable in commit(), which the runner calls before it acknowledges.
    }

    @Override
    public boolean commit()
    {
        if (rowFailed)
        {
            // Some row of this batch was not written: say so, and the runner delivers the whole batch again.
            rowFailed = false;
            failed.addAndGet(pending);
            pending = 0;
            return false;
        }
        try
        {
            out.flush();
            channel.force(false);
            sent.addAndGet(pending);
            pending = 0;
            healthy = true;
            return true;
        }
        catch (final IOException ex)
        {
            fail("cannot flush " + name + ": " + ex.getMessage());
            rowFailed = false;
            failed.addAndGet(pending);
            pending = 0;
            return false;
        }
    }

    @Override
    public ForwarderStatus status()
    {
        return new ForwarderStatus(name, closed ? "stopped" : healthy ? "running" : "retrying", healthy, sent.get(),
            failed.get(), 0, pending, lastError);
    }

    @Override
    public void close()
    {
        closed = true;
        try
        {
            out.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close " + name + ": " + ex.getMessage(), ex);
        }
    }
}
