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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Append latency of a 300-byte record (SampleTime: JMH reports p50, p90, p99, p99.9, p99.99 and max). Includes the
 * occasional segment roll (preallocation of a new 64 MiB segment), which is what the tail percentiles show. Goal:
 * p99 <= 5 us.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class AppendLatencyBenchmark
{
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
        journal = buffer.stream(BenchBuffers.stream("latency", Durability.PAGE_CACHE));
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
     * Append one record and publish it.
     *
     * @return the sequence.
     */
    @Benchmark
    public long appendAndPublish()
    {
        final long sequence = journal.append(1, 0, payload, 0, payload.length);
        journal.commitBatch(false);
        return sequence;
    }
}
