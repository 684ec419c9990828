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
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Append latency of a 300-byte record (SampleTime: JMH reports p50, p90, p99, p99.9, p99.99 and max). Includes the
 * occasional segment roll (preallocation of a new 64 MiB segment), which is what the tail percentiles show. Goal:
 * p99 <= 5 us. With {@code durability=PERIODIC} the batch end forces when the flush interval (100 ms) has passed, as
 * the ingest thread does, so the tail also shows what a periodic force and a roll's seal cost the writer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class AppendLatencyBenchmark
{
    /** Durability mode of the stream: PAGE_CACHE never forces, PERIODIC forces every 100 ms. */
    @Param({"PAGE_CACHE", "PERIODIC"})
    public String durability;

    /**
     * CPU burnt after each append ({@link Blackhole#consumeCPU(long)} tokens; 0 = back to back). Back to back the
     * benchmark writes ~3 GB/s, so a segment rolls every ~20 ms and each periodic force has ~300 MB to write; a
     * pause brings the rate near an appliance's (~150k records/s), where a force has a few MB. The pause is part
     * of every sample: compare the tails, not the median.
     */
    @Param({"0"})
    public long pauseTokens;

    private Path dir;
    private DurableBuffer buffer;
    private StreamJournal journal;
    private byte[] payload;

    /**
     * Open a fresh buffer.
     *
     * @throws Exception on I/O failure.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        dir = BenchBuffers.tempDirectory("latency");
        buffer = BenchBuffers.open(dir);
        journal = buffer.stream(BenchBuffers.stream("latency", Durability.valueOf(durability)));
        payload = BenchBuffers.payload(300);
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
     * Append one record and publish it (forcing when the durability mode's interval has passed).
     *
     * @return the sequence.
     */
    @Benchmark
    public long appendAndPublish()
    {
        final long sequence = journal.append(1, 0, payload, 0, payload.length);
        journal.commitBatch(journal.shouldForce(System.currentTimeMillis()));
        if (pauseTokens > 0)
        {
            Blackhole.consumeCPU(pauseTokens);
        }
        return sequence;
    }
}
