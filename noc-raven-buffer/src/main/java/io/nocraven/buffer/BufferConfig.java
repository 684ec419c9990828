package io.nocraven.buffer;

import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.fs.FileLayer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.SystemEpochClock;

import java.nio.file.Path;

/**
 * Settings of a whole buffer (a directory holding several streams).
 *
 * @param directory     root directory.
 * @param totalCapBytes bytes all streams together may keep on disk, 0 = no cap.
 * @param minFreeBytes  free space to leave on the file system (headroom), 0 = none.
 * @param files         file layer (tests inject faults here).
 * @param clock         wall clock for timestamps, ages and rates.
 */
public record BufferConfig(Path directory, long totalCapBytes, long minFreeBytes, FileLayer files, EpochClock clock)
{
    /**
     * Validating constructor.
     */
    public BufferConfig
    {
        if (directory == null)
        {
            throw new IllegalArgumentException("buffer.directory: null (expected: a directory path)");
        }
        if (totalCapBytes < 0)
        {
            throw new IllegalArgumentException("buffer.totalCapBytes: " + totalCapBytes + " (expected: >= 0)");
        }
        if (minFreeBytes < 0)
        {
            throw new IllegalArgumentException("buffer.minFreeBytes: " + minFreeBytes + " (expected: >= 0)");
        }
        if (files == null || clock == null)
        {
            throw new IllegalArgumentException("buffer.files/clock: null (expected: non-null)");
        }
    }

    /**
     * Defaults: no total cap, 1 GiB headroom, the real file system and clock.
     *
     * @param directory root directory.
     * @return the config.
     */
    public static BufferConfig of(final Path directory)
    {
        return new BufferConfig(directory, 0, 1L << 30, DefaultFileLayer.INSTANCE, SystemEpochClock.INSTANCE);
    }

    /**
     * Copy with another total cap.
     *
     * @param bytes total cap, 0 = none.
     * @return the copy.
     */
    public BufferConfig withTotalCapBytes(final long bytes)
    {
        return new BufferConfig(directory, bytes, minFreeBytes, files, clock);
    }

    /**
     * Copy with another headroom.
     *
     * @param bytes free bytes to keep.
     * @return the copy.
     */
    public BufferConfig withMinFreeBytes(final long bytes)
    {
        return new BufferConfig(directory, totalCapBytes, bytes, files, clock);
    }

    /**
     * Copy with another file layer.
     *
     * @param layer the file layer.
     * @return the copy.
     */
    public BufferConfig withFiles(final FileLayer layer)
    {
        return new BufferConfig(directory, totalCapBytes, minFreeBytes, layer, clock);
    }

    /**
     * Copy with another clock.
     *
     * @param epochClock the clock.
     * @return the copy.
     */
    public BufferConfig withClock(final EpochClock epochClock)
    {
        return new BufferConfig(directory, totalCapBytes, minFreeBytes, files, epochClock);
    }
}
