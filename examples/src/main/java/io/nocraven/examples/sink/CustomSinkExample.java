package io.nocraven.examples.sink;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.JournalEntryDescriptor;
import io.nocraven.appliance.pipeline.JournalStage;
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
import io.nocraven.buffer.ingest.StreamIngest;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.PacketHandler;
import io.nocraven.core.record.RecordContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A custom sink: delivers the flows held in a buffer stream to a CSV file ({@link CsvFlowForwarder}), at least
 * once, through the appliance's public forwarder SPI ({@code io.nocraven.appliance.sink}):
 * <ul>
 *     <li>{@link BufferEntrySource} reads the stream with the sink's own named cursor (the forwarder's name), so
 *     the sink resumes after its own last acknowledgement, whatever other consumers of the stream do;</li>
 *     <li>{@link ForwarderRunner} is the loop on its own thread: poll a batch, decode each journaled datagram with
 *     the codecs (one decoder per stream, so templates persist across batches), hand the JSON records to the
 *     {@link Forwarder}, call {@link Forwarder#commit()}, and only when it returns true acknowledge the cursor;
 *     when it returns false the cursor goes back and the batch is retried after a back-off;</li>
 *     <li>the {@link Forwarder} only has to write, and make the write durable in {@code commit()}.</li>
 * </ul>
 * The streams hold what the appliance journals: one stream per listener ({@code netflow-udp}, {@code ipfix-udp}),
 * one buffer record per received datagram, laid out as {@link JournalEntryDescriptor} says (envelope header, then
 * the bytes as received), of type {@link JournalStage#TYPE_INPUT}. This example fills them from a capture
 * ({@link #journalCapture}), as the appliance's NetFlow and IPFIX listeners would from the network.
 * <p>
 * Where it runs: the appliance itself builds its forwarders from its configuration only (archive, Kafka, relays)
 * and holds its buffer directory locked, so a custom forwarder runs in a program that owns its buffer, as here.
 * Without the appliance on the class path the same loop is a few lines over the buffer API:
 * {@code StreamJournal.openReader(name)}, {@code StreamReader.poll}, decode with {@code Decoders}, write, flush,
 * {@code StreamReader.ackDelivered()} (see {@code EmbeddedBufferExample}).
 * <p>
 * Run it with {@code CustomSinkExample CAPTURE.pcap FLOWS.csv [BUFFER_DIRECTORY]}. The JVM needs
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (Agrona).
 */
public final class CustomSinkExample
{
    /**
     * The listeners whose streams this example fills and the CSV sink consumes; a listener's config name
     * ({@code netflow-udp}, {@code ipfix-udp}) is its stream's name.
     */
    public static final List<ListenerType> LISTENERS = List.of(ListenerType.NETFLOW_UDP, ListenerType.IPFIX_UDP);
    /** The sink's name, and so the name of its buffer cursor in each stream. */
    public static final String SINK_NAME = "csv-flows";

    private static final long DURABLE_TIMEOUT_MS = 30_000;

    private CustomSinkExample()
    {
    }

    /**
     * Settings of one journal stream (the appliance's defaults, with smaller segments for a small demo).
     *
     * @param listener the listener whose input the stream holds.
     * @return the settings.
     */
    public static StreamConfig streamConfig(final ListenerType listener)
    {
        return StreamConfig.builder(listener.configName())
            .segmentLength(1 << 20)
            .quotaBytes(64L << 20)
            .overflowPolicy(OverflowPolicy.DROP_OLDEST)
            .durability(Durability.PERIODIC)
            .compression(Compression.ZSTD)
            .build();
    }

    /**
     * Opens the buffer and the journal stream of each of {@link #LISTENERS}.
     *
     * @param directory buffer directory.
     * @return the buffer; a stream is {@code buffer.stream(listener.configName())}.
     * @throws IOException when the directory cannot be opened.
     */
    public static DurableBuffer openBuffer(final Path directory) throws IOException
    {
        final DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(directory).withMinFreeBytes(64L << 20));
        for (final ListenerType listener : LISTENERS)
        {
            buffer.stream(streamConfig(listener));
        }
        return buffer;
    }

    /**
     * Journals the NetFlow and IPFIX datagrams of a capture (by their well-known destination port) into the
     * stream of their listener, in the appliance's entry layout, and waits until they are durable.
     *
     * @param buffer  the buffer (with the streams open).
     * @param capture a pcap or pcapng file.
     * @return datagrams journaled (others are skipped).
     * @throws IOException when the capture cannot be read.
     */
    public static long journalCapture(final DurableBuffer buffer, final Path capture) throws IOException
    {
        final StreamIngest[] ingests = new StreamIngest[ListenerType.values().length];
        final long[] lastTickets = new long[ListenerType.values().length];
        for (final ListenerType listener : LISTENERS)
        {
            ingests[listener.ordinal()] = buffer.ingest(listener.configName());
            lastTickets[listener.ordinal()] = -1;
        }
        final RecordContext context = new RecordContext();
        final long[] journaled = {0};
        CaptureReader.read(capture, new PacketHandler()
        {
            private byte[] entry = new byte[2048];

            @Override
            public void onUdp(final long timestampNanos, final InetSocketAddress source,
                final InetSocketAddress destination, final byte[] data, final int offset, final int length)
            {
                final ListenerType listener = listenerOf(destination.getPort());
                if (listener == null)
                {
                    return;
                }
                final int entryLength = JournalEntryDescriptor.HEADER_LENGTH + length;
                if (entry.length < entryLength)
                {
                    entry = new byte[entryLength];
                }
                // The envelope header (exporter, receive time, listener), then the datagram exactly as received.
                context.set(source, listener.configName(), timestampNanos);
                JournalEntryDescriptor.writeHeader(entry, 0, listener, context);
                System.arraycopy(data, offset, entry, JournalEntryDescriptor.HEADER_LENGTH, length);
                lastTickets[listener.ordinal()] = ingests[listener.ordinal()].publish(
                    JournalStage.TYPE_INPUT, timestampNanos / 1_000_000L, entry, 0, entryLength);
                journaled[0]++;
            }

            @Override
            public void onTcp(final long timestampNanos, final InetSocketAddress source,
                final InetSocketAddress destination, final byte[] data, final int offset, final int length)
            {
                // This example journals UDP only.
            }
        });
        for (final ListenerType listener : LISTENERS)
        {
            final long ticket = lastTickets[listener.ordinal()];
            if (ticket >= 0 && !ingests[listener.ordinal()].awaitDurable(ticket, DURABLE_TIMEOUT_MS))
            {
                throw new IllegalStateException(listener.configName() + " not durable after " + DURABLE_TIMEOUT_MS + " ms");
            }
        }
        return journaled[0];
    }

    private static ListenerType listenerOf(final int port)
    {
        final ProtocolFamily family = ProtocolFamily.byPort(port);
        for (final ListenerType listener : LISTENERS)
        {
            if (listener.family() == family)
            {
                return listener;
            }
        }
        return null;
    }

    /**
     * Starts a forwarder on the streams it accepts: in each, its own cursor (named after it); one thread.
     *
     * @param buffer    the buffer (with the streams open).
     * @param forwarder the destination.
     * @return the started runner; close it to stop (it first delivers what is left, for at most 5 seconds).
     * @throws IOException when a cursor cannot be opened.
     */
    public static ForwarderRunner start(final DurableBuffer buffer, final Forwarder forwarder) throws IOException
    {
        final List<EntrySource> sources = new ArrayList<>();
        for (final ListenerType listener : LISTENERS)
        {
            if (forwarder.accepts(listener))
            {
                final String stream = listener.configName();
                sources.add(new BufferEntrySource(stream, buffer.stream(stream), forwarder.name()));
            }
        }
        // Retries after a failed commit wait 100 ms, doubling up to 5 s (with jitter).
        final ForwarderRunner runner = new ForwarderRunner(forwarder, sources, CodecOptions.defaults(), 100, 5_000);
        runner.start();
        return runner;
    }

    /**
     * Waits until the runner has acknowledged everything written to its streams.
     *
     * @param runner    the runner.
     * @param timeoutMs how long to wait.
     * @return true when nothing is left to deliver.
     */
    public static boolean awaitDelivered(final ForwarderRunner runner, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (runner.lag() > 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return true;
    }

    /**
     * @param buffer   the buffer.
     * @param listener a listener of {@link #LISTENERS}.
     * @return the sink's last acknowledged sequence in that listener's stream, -1 when none.
     * @throws IOException when the cursor cannot be opened.
     */
    public static long acknowledged(final DurableBuffer buffer, final ListenerType listener) throws IOException
    {
        return buffer.stream(listener.configName()).cursors().cursor(SINK_NAME, -1).ackedSequence();
    }

    /**
     * Journals a capture, then runs the CSV sink until it has delivered everything.
     *
     * @param args {@code CAPTURE.pcap FLOWS.csv [BUFFER_DIRECTORY]}.
     * @throws IOException when a file cannot be read or written.
     */
    public static void main(final String... args) throws IOException
    {
        if (args.length < 2)
        {
            System.err.println("usage: CustomSinkExample CAPTURE.pcap FLOWS.csv [BUFFER_DIRECTORY]");
            System.exit(2);
        }
        final Path capture = Path.of(args[0]);
        final Path csv = Path.of(args[1]);
        final Path directory = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("noc-raven-sink-");
        try (DurableBuffer buffer = openBuffer(directory))
        {
            final long datagrams = journalCapture(buffer, capture);
            System.out.println("journaled " + datagrams + " datagrams of " + capture + " into " + directory);
            final ForwarderRunner runner = start(buffer, new CsvFlowForwarder(SINK_NAME, csv));
            final boolean delivered = awaitDelivered(runner, 60_000);
            runner.close();
            System.out.println((delivered ? "delivered" : "NOT all delivered") + ": " + runner.forwarder().status());
            for (final ListenerType listener : LISTENERS)
            {
                System.out.println("cursor " + SINK_NAME + " in " + listener.configName() + " acknowledged up to sequence "
                    + acknowledged(buffer, listener));
            }
            System.out.println("rows appended to " + csv);
        }
    }
}
