package io.nocraven.examples.embed;

import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.Compression;
import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.OverflowPolicy;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.ingest.StreamIngest;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.ConsumerLag;
import io.nocraven.buffer.metrics.StreamStats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds the durable buffer (noc-raven-buffer) in a program of your own, in three runs over one directory, the way
 * a collector lives through a restart:
 * <ol>
 *     <li><b>produce</b>: open the buffer with explicit settings ({@link #bufferConfig}, {@link #streamConfig}),
 *     append from several producer threads through the Disruptor ingest ({@link StreamIngest#publish}), wait until
 *     every record is durable, close;</li>
 *     <li><b>consume half</b>: reopen (recovery runs and reports), read the first half with a named consumer cursor
 *     and acknowledge it, close;</li>
 *     <li><b>resume</b>: reopen; the cursor remembers where the consumer stopped, so reading continues with the next
 *     record; acknowledge the rest and print the stream's metrics.</li>
 * </ol>
 * Run it with {@code EmbeddedBufferExample [DIRECTORY [PRODUCERS [RECORDS_PER_PRODUCER]]]} (a fresh temporary
 * directory by default). The JVM needs {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} (Agrona).
 */
public final class EmbeddedBufferExample
{
    /** The stream every record goes to (also its directory name under {@code DIR/streams/}). */
    public static final String STREAM = "events";
    /** The consumer whose cursor this example moves. */
    public static final String CONSUMER = "example-reader";
    /** Records read per poll: a consumer acknowledges once per batch, not per record. */
    public static final int BATCH = 256;

    private static final long DURABLE_TIMEOUT_MS = 30_000;

    private EmbeddedBufferExample()
    {
    }

    /**
     * One record as read back.
     *
     * @param sequence  its position in the stream (0, 1, 2... assigned by the stream's single writer).
     * @param timestamp its timestamp, epoch ms.
     * @param type      its user type (here: the producer number).
     * @param payload   its payload as text.
     */
    public record StoredRecord(long sequence, long timestamp, int type, String payload)
    {
    }

    /**
     * Buffer-wide settings: what all streams together may use.
     *
     * @param directory the buffer directory (created when missing).
     * @return the settings.
     */
    public static BufferConfig bufferConfig(final Path directory)
    {
        return BufferConfig.of(directory)
            // Every stream of the buffer together keeps at most 256 MiB on disk...
            .withTotalCapBytes(256L << 20)
            // ...and always leaves 64 MiB free on the file system for everybody else.
            .withMinFreeBytes(64L << 20);
    }

    /**
     * Settings of the example's stream. Every value is checked when built; a bad one raises an error naming the
     * key, the value and what is expected.
     *
     * @return the settings.
     */
    public static StreamConfig streamConfig()
    {
        return StreamConfig.builder(STREAM)
            // Small segments (the default is 64 MiB) so that this small demo seals and compresses several of them.
            .segmentLength(256 * 1024)
            // This stream may keep 32 MiB; the check runs before each new segment is allocated.
            .quotaBytes(32L << 20)
            // When the quota is reached and no acknowledged segment can be reclaimed, make the producers wait
            // instead of losing data (DROP_OLDEST, the default, evicts the oldest segment; DROP_NEWEST refuses).
            .overflowPolicy(OverflowPolicy.BLOCK)
            // Force to disk at the end of every ingest batch before reporting a record durable: nothing reported
            // durable is lost, even on power loss (PERIODIC forces every flushIntervalMs; PAGE_CACHE only at close).
            .durability(Durability.GROUP_COMMIT)
            // Sealed segments are compressed in the background; readers do not see the difference.
            .compression(Compression.ZSTD)
            .build();
    }

    /**
     * The payload of one record of the example.
     *
     * @param producer producer number.
     * @param counter  the producer's record counter.
     * @return the payload text.
     */
    public static String payload(final int producer, final int counter)
    {
        return "producer=" + producer + " record=" + counter;
    }

    /**
     * Appends records from several producer threads through the stream's ingest and waits until every one of them
     * is durable.
     *
     * @param ingest             the stream's ingest.
     * @param producers          producer threads.
     * @param recordsPerProducer records each producer appends.
     * @return records published.
     * @throws InterruptedException when interrupted while waiting for the producers.
     * @throws IllegalStateException when the records are not durable within 30 seconds.
     */
    public static long produce(final StreamIngest ingest, final int producers, final int recordsPerProducer)
        throws InterruptedException
    {
        final long[] lastTicket = new long[producers];
        final List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++)
        {
            final int producer = p;
            final Thread thread = new Thread(() ->
            {
                for (int i = 0; i < recordsPerProducer; i++)
                {
                    final byte[] bytes = payload(producer, i).getBytes(StandardCharsets.UTF_8);
                    // Copies the bytes into a pre-allocated ring slot and returns at once; waits only when the
                    // ring is full. The ticket is the ring sequence, used below to learn durability.
                    lastTicket[producer] = ingest.publish(producer, System.currentTimeMillis(), bytes, 0, bytes.length);
                }
            }, "producer-" + p);
            threads.add(thread);
            thread.start();
        }
        long highestTicket = -1;
        for (int p = 0; p < producers; p++)
        {
            threads.get(p).join();
            highestTicket = Math.max(highestTicket, lastTicket[p]);
        }
        // Every ticket up to the highest one is durable (or counted as dropped) once this returns true. A producer
        // that needs the fate of each record uses publishAsync, whose future completes with the record's sequence.
        if (!ingest.awaitDurable(highestTicket, DURABLE_TIMEOUT_MS))
        {
            throw new IllegalStateException("ticket " + highestTicket + " not durable after " + DURABLE_TIMEOUT_MS
                + " ms (durable up to " + ingest.durableTicket() + ")");
        }
        return (long)producers * recordsPerProducer;
    }

    /**
     * Reads up to {@code max} records after the consumer's last acknowledgement, acknowledging each batch once it
     * has been handled (here: copied into the returned list). The acknowledgement is persisted and forced before
     * {@link StreamReader#ackDelivered()} returns, so a restart resumes right after it.
     *
     * @param journal  the stream.
     * @param consumer the consumer's name (its cursor file is {@code cursors/NAME.cursor}).
     * @param max      most records to read.
     * @return the records read, in stream order.
     * @throws IOException when the cursor cannot be written.
     */
    public static List<StoredRecord> readAndAcknowledge(final StreamJournal journal, final String consumer, final int max)
        throws IOException
    {
        final List<StoredRecord> read = new ArrayList<>();
        try (StreamReader reader = journal.openReader(consumer))
        {
            while (read.size() < max)
            {
                // The buffer passed to the handler is only valid during the call: copy what you keep.
                final int delivered = reader.poll((sequence, timestamp, type, buffer, offset, length) ->
                    read.add(new StoredRecord(sequence, timestamp, type, buffer.getStringWithoutLengthUtf8(offset, length))),
                    Math.min(BATCH, max - read.size()));
                if (delivered == 0)
                {
                    break;
                }
                reader.ackDelivered();
            }
            if (reader.missedRecords() > 0)
            {
                throw new IllegalStateException(reader.missedRecords() + " records were removed before " + consumer
                    + " read them");
            }
        }
        return read;
    }

    /**
     * The three runs described in the class comment.
     *
     * @param directory          buffer directory.
     * @param producers          producer threads.
     * @param recordsPerProducer records per producer.
     * @param log                where progress and metrics are printed.
     * @return every record read, over the second and third run, in the order read.
     * @throws IOException          when the buffer cannot be opened or written.
     * @throws InterruptedException when interrupted.
     */
    public static List<StoredRecord> run(final Path directory, final int producers, final int recordsPerProducer,
        final PrintStream log) throws IOException, InterruptedException
    {
        final long total;
        // Run 1: produce. Closing drains the ring, forces everything and releases the directory lock.
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            buffer.stream(streamConfig());
            total = produce(buffer.ingest(STREAM), producers, recordsPerProducer);
            log.println("run 1: " + total + " records from " + producers + " producers are durable");
            printStats(buffer, log);
        }

        final List<StoredRecord> read = new ArrayList<>();
        // Run 2: reopen (recovery checks what is on disk) and consume the first half.
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            final StreamJournal journal = buffer.stream(streamConfig());
            log.println("run 2: recovery " + journal.recoveryReport());
            read.addAll(readAndAcknowledge(journal, CONSUMER, (int)(total / 2)));
            log.println("run 2: " + CONSUMER + " read and acknowledged " + read.size() + " records");
        }

        // Run 3: reopen; the named cursor resumes after the last acknowledgement.
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            final StreamJournal journal = buffer.stream(streamConfig());
            final long acked = journal.cursors().cursor(CONSUMER, -1).ackedSequence();
            log.println("run 3: " + CONSUMER + " resumes after sequence " + acked);
            final List<StoredRecord> rest = readAndAcknowledge(journal, CONSUMER, Integer.MAX_VALUE);
            log.println("run 3: " + CONSUMER + " read and acknowledged " + rest.size() + " more records");
            read.addAll(rest);
            printStats(buffer, log);
        }
        return read;
    }

    /**
     * Prints the metrics of every stream: what came in, what is on disk, drops, and each consumer's lag.
     *
     * @param buffer the buffer.
     * @param log    where to print.
     */
    public static void printStats(final DurableBuffer buffer, final PrintStream log)
    {
        for (final StreamStats s : buffer.stats())
        {
            log.printf("stream %s: recordsIn=%d bytesIn=%d recordsOnDisk=%d bytesOnDisk=%d segments=%d"
                + " compressionRatio=%.2f drops=%s durableSequence=%d%n", s.stream(), s.recordsIn(), s.bytesIn(),
                s.recordsOnDisk(), s.bytesOnDisk(), s.segments(), s.compressionRatio(), s.drops(), s.durableSequence());
            for (final ConsumerLag lag : s.consumers())
            {
                log.printf("  consumer %s: acked=%d lagRecords=%d missed=%d%n", lag.consumer(), lag.ackedSequence(),
                    lag.lagRecords(), lag.missedRecords());
            }
        }
    }

    /**
     * Runs the example.
     *
     * @param args {@code [DIRECTORY [PRODUCERS [RECORDS_PER_PRODUCER]]]}.
     * @throws IOException          when the buffer fails.
     * @throws InterruptedException when interrupted.
     */
    public static void main(final String... args) throws IOException, InterruptedException
    {
        final Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("noc-raven-embed-");
        final int producers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        final int perProducer = args.length > 2 ? Integer.parseInt(args[2]) : 2_500;
        System.out.println("buffer directory: " + directory);
        final List<StoredRecord> read = run(directory, producers, perProducer, System.out);
        System.out.println("read back " + read.size() + " records; first: " + (read.isEmpty() ? "-" : read.get(0))
            + ", last: " + (read.isEmpty() ? "-" : read.get(read.size() - 1)));
    }
}
