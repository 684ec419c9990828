package io.nocraven.bench.buffer;

import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.cursor.RecordHandler;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Read throughput of a reader over 1,000,000 stored records (raw segments; each record's CRC is verified as it is
 * read). The score is records per second; the reader wraps around to the start when it reaches the end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ReadBenchmark
{
    private static final int RECORDS = 1_000_000;
    private static final int BATCH = 1000;

    /** Payload size in bytes. */
    @Param({"100", "300", "1000"})
    public int size;

    private Path dir;
    private DurableBuffer buffer;
    private StreamReader reader;
    private Blackhole blackhole;
    private final RecordHandler handler = (sequence, timestamp, type, buf, offset, length) ->
        blackhole.consume(buf.getByte(offset + length - 1));

    /**
     * Fill a buffer.
     *
     * @param bh the blackhole the handler feeds.
     * @throws Exception on I/O failure.
     */
    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) throws Exception
    {
        blackhole = bh;
        dir = BenchBuffers.tempDirectory("read");
        buffer = BenchBuffers.open(dir);
        final StreamJournal journal = buffer.stream(BenchBuffers.stream("read", Durability.PAGE_CACHE));
        final byte[] payload = BenchBuffers.payload(size);
        for (int i = 0; i < RECORDS; i++)
        {
            journal.append(1, i, payload, 0, payload.length);
        }
        journal.commitBatch(true);
        reader = journal.openReaderAt(0);
    }

    /**
     * Close and delete the buffer.
     *
     * @throws Exception on I/O failure.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        reader.close();
        buffer.close();
        BenchBuffers.delete(dir);
    }

    /**
     * Read a batch of records.
     *
     * @return records read.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int readBatch()
    {
        final int read = reader.poll(handler, BATCH);
        if (read < BATCH)
        {
            reader.seek(0);
            return read + reader.poll(handler, BATCH - read);
        }
        return read;
    }
}
