package io.nocraven.bench.buffer;

import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.journal.StreamJournal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Single-writer append throughput straight into a stream (no Disruptor), for 100/300/1000-byte records, page cache
 * durability (the mode Chronicle Queue has by default; see {@link ChronicleQueueBenchmark}). Goal: >= 3M records/s
 * at 300 B. The batch is published (commitBatch) every 256 records, as the ingest thread would at endOfBatch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class AppendBenchmark
{
    /** Payload size in bytes. */
    @Param({"100", "300", "1000"})
    public int size;

    private Path dir;
    private DurableBuffer buffer;
    private StreamJournal journal;
    private byte[] payload;
    private long timestamp;

    /**
     * Open a fresh buffer.
     *
     * @throws Exception on I/O failure.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        dir = BenchBuffers.tempDirectory("append");
        buffer = BenchBuffers.open(dir);
        journal = buffer.stream(BenchBuffers.stream("append", Durability.PAGE_CACHE));
        payload = BenchBuffers.payload(size);
        timestamp = System.currentTimeMillis();
    }

    /**
     * Close and delete the buffer.
     *
     * @throws Exception on I/O failure.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        buffer.close();
        BenchBuffers.delete(dir);
    }

    /**
     * Append one record.
     *
     * @return the sequence.
     */
    @Benchmark
    public long append()
    {
        final long sequence = journal.append(1, timestamp, payload, 0, payload.length);
        if ((sequence & 255) == 0)
        {
            journal.commitBatch(false);
        }
        return sequence;
    }
}
