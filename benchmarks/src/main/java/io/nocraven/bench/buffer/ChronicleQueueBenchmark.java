package io.nocraven.bench.buffer;

import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.journal.StreamJournal;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
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
 * NoC Raven's single-writer append against Chronicle Queue's appender in the same JMH run, same record sizes, same
 * JVM flags, at equal durability: both write to memory-mapped files and leave flushing to the OS page cache
 * (Chronicle Queue's default; NoC Raven's {@code PAGE_CACHE} mode). NoC Raven additionally computes a CRC32C per
 * record, which Chronicle Queue does not. Goal: NoC Raven >= 2x Chronicle Queue.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {
    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "-Dchronicle.analytics.disable=true",
    "-Dchronicle.disk.monitor.disable=true"})
public class ChronicleQueueBenchmark
{
    /** Payload size in bytes. */
    @Param({"100", "300", "1000"})
    public int size;

    private Path ravenDir;
    private Path chronicleDir;
    private DurableBuffer buffer;
    private StreamJournal journal;
    private ChronicleQueue queue;
    private ExcerptAppender appender;
    private byte[] payload;
    private BytesStore<?, byte[]> chroniclePayload;

    /**
     * Open both queues.
     *
     * @throws Exception on I/O failure.
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        ravenDir = BenchBuffers.tempDirectory("raven");
        chronicleDir = BenchBuffers.tempDirectory("chronicle");
        buffer = BenchBuffers.open(ravenDir);
        journal = buffer.stream(BenchBuffers.stream("cmp", Durability.PAGE_CACHE));
        queue = ChronicleQueue.singleBuilder(chronicleDir).build();
        appender = queue.createAppender();
        payload = BenchBuffers.payload(size);
        chroniclePayload = BytesStore.wrap(payload);
    }

    /**
     * Close and delete both.
     *
     * @throws Exception on I/O failure.
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        appender.close();
        queue.close();
        buffer.close();
        BenchBuffers.delete(ravenDir);
        BenchBuffers.delete(chronicleDir);
    }

    /**
     * NoC Raven: append one record (published every 256 records, as the ingest does at endOfBatch).
     *
     * @return the sequence.
     */
    @Benchmark
    public long nocRaven()
    {
        final long sequence = journal.append(1, 0, payload, 0, payload.length);
        if ((sequence & 255) == 0)
        {
            journal.commitBatch(false);
        }
        return sequence;
    }

    /**
     * Chronicle Queue: append one excerpt of the same bytes.
     *
     * @return the appender's last index.
     */
    @Benchmark
    public long chronicleQueue()
    {
        appender.writeBytes(chroniclePayload);
        return appender.lastIndexAppended();
    }
}
