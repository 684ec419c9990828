package io.nocraven.bench.buffer;

import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.Compression;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Restart cost of a large backlog (issue goal: reopen 100 GB in <= 5 s, heap independent of the backlog). Each
 * invocation does what an appliance restart does before it forwards again: {@link DurableBuffer#open}, open (and
 * recover) every stream, open a reader on a consumer cursor at the oldest record and deliver that record, then
 * close everything. Single shot: one invocation per iteration, the backlog built once per trial.
 * <p>
 * The backlog ({@link ReopenBacklog}): {@value #STREAMS} streams of 64 MiB segments sharing {@code backlogGiB}
 * GiB; per stream {@value #REAL_SEGMENTS} sealed segments and a nearly full active segment are written through the
 * real append path, the other sealed segments are clones (raw: sparse files holding a few real records; zstd:
 * rebased byte copies of a real compressed segment, holding every record) that recovery checks exactly like
 * written segments. The backlog size is counted as the writer counts it: 64 MiB of segment per sealed segment
 * (for {@code zstd}, the uncompressed size: the compressed files on disk are about 150 times smaller with this
 * compressible payload).
 * <p>
 * {@code cache=cold} drops the buffer's files from the page cache before every iteration ({@code dd iflag=nocache
 * count=0} per file: only this benchmark's files, never the whole cache), so the header reads go to the device as
 * after a reboot; on a virtual machine the host may still cache them. Heap: the teardown prints the heap in use
 * (after {@code System.gc()}) before opening and with the buffer, its streams and readers open; the difference is
 * what the open buffer retains.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ReopenBenchmark -f 1}. Needs about 3 GB of free disk in
 * {@code java.io.tmpdir} (checked before building).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ReopenBenchmark
{
    /** Streams sharing the backlog. */
    static final int STREAMS = 4;
    /** Sealed segments per stream written through the append path. */
    static final int REAL_SEGMENTS = 4;
    /** Consumer whose cursor the benchmark opens. */
    static final String CONSUMER = "reopen-bench";

    private static final long GIB = 1L << 30;
    private static final long MAX_REAL_BYTES = 3_500_000_000L;
    private static final long KEEP_FREE = 5 * GIB;
    /** Upper bound of one compressed segment of this payload (measured: about 425 KB). */
    private static final long COMPRESSED_SEGMENT_BOUND = 1_000_000L;

    /** Backlog in GiB (64 MiB sealed segments, spread over the streams). */
    @Param({"1", "10", "100"})
    public int backlogGiB;

    /** Storage of sealed segments: {@code raw} (.seg, sparse clones) or {@code zstd} (.zst). */
    @Param({"raw", "zstd"})
    public String storage;

    /** {@code warm}: the files are in the page cache; {@code cold}: dropped from it before each iteration. */
    @Param({"warm", "cold"})
    public String cache;

    private Path dir;
    private Compression compression;
    private long records;
    private long firstSequence;
    private final RecordHandler handler = (sequence, timestamp, type, buffer, offset, length) -> firstSequence = sequence;

    /**
     * Build the backlog (once per trial), after checking the disk has room for it.
     *
     * @throws Exception on I/O failure or too little free disk.
     */
    @Setup(Level.Trial)
    public void build() throws Exception
    {
        compression = "raw".equals(storage) ? Compression.NONE : Compression.valueOf(storage.toUpperCase(Locale.ROOT));
        final int segmentsPerStream = (int)(backlogGiB * GIB / ReopenBacklog.SEGMENT / STREAMS);
        if (segmentsPerStream < REAL_SEGMENTS)
        {
            throw new IllegalArgumentException("backlogGiB: " + backlogGiB + " (expected: >= 1)");
        }
        dir = BenchBuffers.tempDirectory("reopen");
        final long realBytes = (long)STREAMS * (REAL_SEGMENTS + 1) * ReopenBacklog.SEGMENT +
            (Compression.NONE == compression ? 0 : (long)STREAMS * segmentsPerStream * COMPRESSED_SEGMENT_BOUND);
        final long free = Files.getFileStore(dir).getUsableSpace();
        if (realBytes > MAX_REAL_BYTES || free - realBytes < KEEP_FREE)
        {
            BenchBuffers.delete(dir);
            throw new IOException("reopen backlog needs up to " + realBytes + " real bytes in " + dir + " and " + KEEP_FREE +
                " left free; the file system has " + free + " free");
        }
        final long start = System.nanoTime();
        long written = 0;
        for (int i = 0; i < STREAMS; i++)
        {
            written += ReopenBacklog.build(dir, i, compression, segmentsPerStream, REAL_SEGMENTS);
        }
        try (DurableBuffer buffer = open())
        {
            records = 0;
            for (int i = 0; i < STREAMS; i++)
            {
                records += buffer.stream(ReopenBacklog.stream(i, compression)).writtenSequence() + 1;
            }
        }
        System.out.printf("%n# reopen backlog: %d GiB %s, %d streams x %d sealed segments + 1 active, %,d records, " +
            "%,d bytes really written, built in %.1f s in %s%n", backlogGiB, storage, STREAMS, segmentsPerStream,
            records, written, (System.nanoTime() - start) / 1e9, dir);
    }

    /**
     * For {@code cache=cold}: drop the buffer's files from the page cache.
     *
     * @throws Exception when dd fails.
     */
    @Setup(Level.Iteration)
    public void dropCache() throws Exception
    {
        if (!"cold".equals(cache))
        {
            return;
        }
        final List<String> command = new ArrayList<>(List.of("sh", "-c",
            "sync \"$@\" && for f in \"$@\"; do dd if=\"$f\" iflag=nocache count=0 status=none || exit 1; done", "sh"));
        for (final Path file : ReopenBacklog.files(dir))
        {
            command.add(file.toString());
        }
        final Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0)
        {
            throw new IOException("dropping the page cache failed: exit " + process.exitValue());
        }
    }

    /**
     * Reopen: open the buffer, every stream and a cursor at the oldest record, read that record, close.
     *
     * @return the sequences of the first records (all 0).
     * @throws Exception on I/O failure.
     */
    @Benchmark
    public long reopen() throws Exception
    {
        long sum = 0;
        try (DurableBuffer buffer = open())
        {
            for (int i = 0; i < STREAMS; i++)
            {
                sum += openAtOldest(buffer, i);
            }
        }
        return sum;
    }

    private long openAtOldest(final DurableBuffer buffer, final int index) throws IOException
    {
        final StreamJournal journal = buffer.stream(ReopenBacklog.stream(index, compression));
        try (StreamReader reader = journal.openReader(CONSUMER))
        {
            firstSequence = -1;
            if (reader.poll(handler, 1) != 1 || firstSequence != journal.oldestSequence())
            {
                throw new IllegalStateException("stream " + index + ": expected the oldest record " +
                    journal.oldestSequence() + ", read " + firstSequence + "; recovery: " + journal.recoveryReport());
            }
            return firstSequence;
        }
    }

    /**
     * Print the heap the open buffer retains, then delete the backlog.
     *
     * @throws Exception on I/O failure.
     */
    @TearDown(Level.Trial)
    public void measureHeapAndDelete() throws Exception
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        final long before = heapAfterGc(memory);
        final List<StreamReader> readers = new ArrayList<>();
        long recoveryNanos = 0;
        int segments = 0;
        long bytesOnDisk = 0;
        try (DurableBuffer buffer = open())
        {
            for (int i = 0; i < STREAMS; i++)
            {
                final StreamJournal journal = buffer.stream(ReopenBacklog.stream(i, compression));
                final StreamReader reader = journal.openReader(CONSUMER);
                reader.poll(handler, 1);
                readers.add(reader);
                recoveryNanos += journal.recoveryReport().elapsedNanos();
                segments += journal.catalog().size();
                bytesOnDisk += journal.catalog().bytesOnDisk();
            }
            final long open = heapAfterGc(memory);
            System.out.printf("%n# reopen heap: backlogGiB=%d storage=%s cache=%s segments=%d records=%d " +
                "bytesOnDisk=%d recoveryMs=%.1f heapBeforeOpen=%d heapOpen=%d retainedByOpenBuffer=%d%n",
                backlogGiB, storage, cache, segments, records, bytesOnDisk, recoveryNanos / 1e6, before, open,
                open - before);
            readers.forEach(StreamReader::close);
        }
        BenchBuffers.delete(dir);
    }

    private static long heapAfterGc(final MemoryMXBean memory)
    {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private DurableBuffer open() throws IOException
    {
        return DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0));
    }
}
