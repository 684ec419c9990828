package io.nocraven.bench.buffer;

import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.Compression;
import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.StreamConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Shared set-up of the buffer benchmarks: a temporary buffer directory with a bounded quota (drop_oldest, so a long
 * run keeps a fixed disk footprint) and deletion afterwards.
 */
final class BenchBuffers
{
    /** Quota per benchmark stream: 2 GiB, then the oldest segments are evicted. */
    static final long QUOTA = 2L << 30;

    private BenchBuffers()
    {
    }

    static Path tempDirectory(final String name)
    {
        try
        {
            return Files.createTempDirectory("noc-raven-bench-" + name);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static DurableBuffer open(final Path dir) throws IOException
    {
        return DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0));
    }

    static StreamConfig stream(final String name, final Durability durability)
    {
        return StreamConfig.builder(name).quotaBytes(QUOTA).durability(durability).compression(Compression.NONE)
            .ringSize(65536).build();
    }

    static byte[] payload(final int size)
    {
        final byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)('a' + i % 26);
        }
        return bytes;
    }

    static void delete(final Path dir)
    {
        try (Stream<Path> walk = Files.walk(dir))
        {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
