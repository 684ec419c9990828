package io.nocraven.bench.buffer;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.compress.FrameCodec;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Frame compression and decompression speed on real payloads (the UDP payloads of the captures in
 * {@code src/main/resources/bench/buffer}, laid out as buffer records with their 24-byte headers, each capture once).
 * Scores are frames per second; multiply by the frame length printed at set-up for MB/s. The ratio is printed at
 * set-up too (the capacity figures come from {@code CompressionRatioMeasurementTest}, see docs/capacity.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class CompressionBenchmark
{
    /** Which payloads. */
    @Param({"syslog", "netflow"})
    public String corpus;

    /** Which codec. */
    @Param({"ZSTD", "GZIP"})
    public Compression codec;

    private byte[] frame;
    private byte[] compressed;
    private byte[] output;

    /**
     * Build the frame from the captures.
     *
     * @throws IOException when a resource is missing.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        frame = BenchPayloads.recordFrame(corpus);
        compressed = FrameCodec.compress(codec, frame, frame.length);
        output = new byte[frame.length];
        System.out.printf("%n%s/%s: frame %d bytes -> %d bytes, ratio %.2f%n", corpus, codec, frame.length,
            compressed.length, (double)frame.length / compressed.length);
    }

    /**
     * Compress the frame.
     *
     * @return compressed bytes.
     * @throws IOException on codec error.
     */
    @Benchmark
    public byte[] compress() throws IOException
    {
        return FrameCodec.compress(codec, frame, frame.length);
    }

    /**
     * Decompress the frame.
     *
     * @return the output buffer.
     * @throws IOException on codec error.
     */
    @Benchmark
    public byte[] decompress() throws IOException
    {
        FrameCodec.decompress(codec, compressed, compressed.length, output, frame.length);
        return output;
    }
}
