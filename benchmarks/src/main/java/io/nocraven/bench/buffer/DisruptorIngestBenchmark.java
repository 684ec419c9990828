package io.nocraven.bench.buffer;

import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.ingest.StreamIngest;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Three producers publishing through the Disruptor into one stream writer (page cache and periodic durability).
 * The score is publishes per second over the three threads; the ring applies back-pressure, so in steady state it is
 * the writer's rate. Goal: >= 1M records/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(3)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class DisruptorIngestBenchmark
{
    /** Payload size in bytes. */
    @Param({"100", "300", "1000"})
    public int size;

    /** Durability mode. */
    @Param({"PAGE_CACHE", "PERIODIC"})
    public Durability durability;

    private Path dir;
    private DurableBuffer buffer;
    private StreamIngest ingest;
    private byte[] payload;

    /**
     * Open a fresh buffer and start the ingest.
     *
     * @throws Exception on I/O failure.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        dir = BenchBuffers.tempDirectory("ingest");
        buffer = BenchBuffers.open(dir);
        buffer.stream(BenchBuffers.stream("ingest", durability));
        ingest = buffer.ingest("ingest");
        payload = BenchBuffers.payload(size);
    }

    /**
     * Drain, close and delete the buffer.
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
     * Publish one record (copied into the ring).
     *
     * @return the ticket.
     */
    @Benchmark
    public long publish()
    {
        return ingest.publish(1, 0, payload, 0, payload.length);
    }
}
