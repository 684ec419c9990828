package io.nocraven.buffer.journal;

import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.SegmentCatalog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One zero-filled segment file ({@link StreamDirectoryDescriptor#SPARE_FILE}) prepared in the background, so that rolling to a new segment
 * renames a ready file instead of writing the zero blocks on the writer thread. Prepared only while the limits
 * leave room for it; any failure (a full disk) just leaves the writer to allocate synchronously, where the overflow
 * policy applies. A leftover spare is a {@code .tmp} file, deleted by the next recovery.
 */
final class SpareSegment
{
    private final FileLayer files;
    private final Path path;
    private final int capacity;
    private final BooleanSupplier allowed;
    private final AtomicReference<Path> ready = new AtomicReference<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile Executor executor;

    SpareSegment(
        final FileLayer files, final Path directory, final StreamConfig config, final SpaceBudget budget,
        final SegmentCatalog catalog)
    {
        final long twoSegments = 2L * config.segmentLength();
        this.files = files;
        this.path = directory.resolve(StreamDirectoryDescriptor.SPARE_FILE);
        this.capacity = config.segmentLength();
        this.allowed = () -> !budget.overTotalCap(twoSegments) && !budget.overHeadroom(twoSegments) &&
            (config.quotaBytes() == 0 || catalog.bytesOnDisk() + twoSegments <= config.quotaBytes());
    }

    void executor(final Executor background)
    {
        this.executor = background;
    }

    /** Ask for a spare when none is ready or being prepared (never blocks). */
    void request()
    {
        final Executor background = executor;
        if (background == null || ready.get() != null || !pending.compareAndSet(false, true))
        {
            return;
        }
        try
        {
            background.execute(this::prepare);
        }
        catch (final RejectedExecutionException ex)
        {
            pending.set(false);
        }
    }

    private void prepare()
    {
        try
        {
            if (executor != null && allowed.getAsBoolean())
            {
                files.delete(path);
                try (FileChannel channel = files.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
                {
                    files.preallocate(channel, capacity);
                }
                ready.set(path);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            deleteQuietly();
        }
        finally
        {
            pending.set(false);
        }
    }

    /** @return the ready spare (now owned by the caller), or null. */
    Path take()
    {
        return ready.getAndSet(null);
    }

    /** Stop preparing and delete a ready spare. */
    void close()
    {
        executor = null;
        if (ready.getAndSet(null) != null)
        {
            deleteQuietly();
        }
    }

    private void deleteQuietly()
    {
        try
        {
            files.delete(path);
        }
        catch (final IOException ignore)
        {
            // a leftover spare is a .tmp file: recovery deletes it at the next open
        }
    }
}
