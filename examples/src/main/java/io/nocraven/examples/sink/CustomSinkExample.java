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
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.codec.CodecOptions;
import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.PacketHandler;
import io.nocraven.core.record.RecordContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The stream holds what the appliance journals: one buffer record per received datagram, laid out as
 * {@link JournalEntryDescriptor} says (envelope header, then the bytes as received), of type
 * {@link JournalStage#TYPE_INPUT}. This example fills it from a capture ({@link #journalCapture}), as the
 * appliance's NetFlow listener would from the network.
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
    /** The listener whose stream the sink consumes; its config name ({@code netflow-udp}) is the stream name. */
    public static final ListenerType LISTENER = ListenerType.NETFLOW_UDP;
    /** The sink's name, and so the name of its buffer cursor. */
    public static final String SINK_NAME = "csv-flows";

    private static final long DURABLE_TIMEOUT_MS = 30_000;

    private CustomSinkExample()
    {
    }

    /**
     * Settings of the journal stream (the appliance's defaults, with smaller segments for a small demo).
     *
     * @return the settings.
     */
    public static StreamConfig streamConfig()
    {
        return StreamConfig.builder(LISTENER.configName())
            .segmentLength(1 << 20)
            .quotaBytes(64L << 20)
            .overflowPolicy(OverflowPolicy.DROP_OLDEST)
            .durability(Durability.PERIODIC)
            .compression(Compression.ZSTD)
            .build();
    }

    /**
     * Opens the buffer and its journal stream.
     *
     * @param directory buffer directory.
     * @return the buffer; the stream is {@code buffer.stream(LISTENER.configName())}.
     * @throws IOException when the directory cannot be opened.
     */
    public static DurableBuffer openBuffer(final Path directory) throws IOException
    {
        final DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(directory).withMinFreeBytes(64L << 20));
        buffer.stream(streamConfig());
        return buffer;
    }

    /**
     * Journals every UDP datagram of a capture into the stream, in the appliance's entry layout, and waits until
     * they are durable.
     *
     * @param buffer  the buffer (with the stream open).
     * @param capture a pcap or pcapng file.
     * @return datagrams journaled.
     * @throws IOException when the capture cannot be read.
     */
    public static long journalCapture(final DurableBuffer buffer, final Path capture) throws IOException
    {
        final StreamIngest ingest = buffer.ingest(LISTENER.configName());
        final RecordContext context = new RecordContext();
        final long[] counts = {0, -1}; // datagrams, last ticket
        CaptureReader.read(capture, new PacketHandler()
        {
            private byte[] entry = new byte[2048];

            @Override
            public void onUdp(final long timestampNanos, final InetSocketAddress source,
                final InetSocketAddress destination, final byte[] data, final int offset, final int length)
            {
                final int entryLength = JournalEntryDescriptor.HEADER_LENGTH + length;
                if (entry.length < entryLength)
                {
                    entry = new byte[entryLength];
                }
                context.set(source, LISTENER.configName(), timestampNanos);
                JournalEntryDescriptor.writeHeader(entry, 0, LISTENER, context);
                System.arraycopy(data, offset, entry, JournalEntryDescriptor.HEADER_LENGTH, length);
                counts[1] = ingest.publish(JournalStage.TYPE_INPUT, timestampNanos / 1_000_000L, entry, 0, entryLength);
                counts[0]++;
            }

            @Override
            public void onTcp(final long timestampNanos, final InetSocketAddress source,
                final InetSocketAddress destination, final byte[] data, final int offset, final int length)
            {
                // NetFlow is UDP only.
            }
        });
        if (counts[1] >= 0 && !ingest.awaitDurable(counts[1], DURABLE_TIMEOUT_MS))
        {
            throw new IllegalStateException("journal not durable after " + DURABLE_TIMEOUT_MS + " ms");
        }
        return counts[0];
    }

    /**
     * Starts a forwarder on the stream: its own cursor (named after it), its own thread.
     *
     * @param journal   the stream.
     * @param forwarder the destination.
     * @return the started runner; close it to stop (it first delivers what is left, for at most 5 seconds).
     * @throws IOException when the cursor cannot be opened.
     */
    public static ForwarderRunner start(final StreamJournal journal, final Forwarder forwarder) throws IOException
    {
        final EntrySource source = new BufferEntrySource(LISTENER.configName(), journal, forwarder.name());
        // Retries after a failed commit wait 100 ms, doubling up to 5 s (with jitter).
        final ForwarderRunner runner = new ForwarderRunner(forwarder, List.of(source), CodecOptions.defaults(), 100, 5_000);
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
            final StreamJournal journal = buffer.stream(LISTENER.configName());
            final ForwarderRunner runner = start(journal, new CsvFlowForwarder(SINK_NAME, csv));
            final boolean delivered = awaitDelivered(runner, 60_000);
            runner.close();
            System.out.println((delivered ? "delivered" : "NOT all delivered") + ": " + runner.forwarder().status());
            System.out.println("cursor " + SINK_NAME + " acknowledged up to sequence "
                + journal.cursors().cursor(SINK_NAME, -1).ackedSequence() + "; rows appended to " + csv);
        }
    }
}
