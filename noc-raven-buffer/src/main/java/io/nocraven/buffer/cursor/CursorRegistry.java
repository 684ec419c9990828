package io.nocraven.buffer.cursor;

import io.nocraven.buffer.fs.FileLayer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumers of one stream, loaded from {@code cursors/*.cursor} at open. The slowest acknowledgement decides
 * which segments can be reclaimed without loss.
 */
public final class CursorRegistry implements AutoCloseable
{
    private final FileLayer files;
    private final Path directory;
    private final Map<String, ConsumerCursor> cursors = new ConcurrentHashMap<>();

    /**
     * Load every cursor in {@code directory}.
     *
     * @param files     file layer.
     * @param directory the stream's cursor directory (created when missing).
     * @throws IOException on failure to list or open.
     */
    public CursorRegistry(final FileLayer files, final Path directory) throws IOException
    {
        this.files = files;
        this.directory = directory;
        files.createDirectories(directory);
        for (final Path path : files.list(directory))
        {
            final String fileName = path.getFileName().toString();
            if (fileName.endsWith(ConsumerCursor.SUFFIX))
            {
                final String name = fileName.substring(0, fileName.length() - ConsumerCursor.SUFFIX.length());
                cursors.put(name, ConsumerCursor.open(files, path, name, -1));
            }
        }
    }

    /**
     * The cursor of a consumer, created at {@code initialAcked} when new.
     *
     * @param name         consumer name, {@code [A-Za-z0-9._-]{1,64}}.
     * @param initialAcked acknowledged sequence for a new cursor.
     * @return the cursor.
     * @throws IOException when it cannot be created.
     */
    public synchronized ConsumerCursor cursor(final String name, final long initialAcked) throws IOException
    {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,64}"))
        {
            throw new IllegalArgumentException("consumer: " + name + " (expected: 1..64 of [A-Za-z0-9._-])");
        }
        ConsumerCursor cursor = cursors.get(name);
        if (cursor == null)
        {
            cursor = ConsumerCursor.open(files, directory.resolve(name + ConsumerCursor.SUFFIX), name, initialAcked);
            cursors.put(name, cursor);
        }
        return cursor;
    }

    /**
     * Forget a consumer and delete its cursor file.
     *
     * @param name consumer name.
     * @throws IOException when the file cannot be deleted.
     */
    public synchronized void remove(final String name) throws IOException
    {
        final ConsumerCursor cursor = cursors.remove(name);
        if (cursor != null)
        {
            cursor.close();
            files.delete(directory.resolve(name + ConsumerCursor.SUFFIX));
        }
    }

    /** @return the slowest acknowledged sequence, or -1 when there are no consumers (nothing is acknowledged). */
    public long minAcked()
    {
        long min = Long.MAX_VALUE;
        for (final ConsumerCursor cursor : cursors.values())
        {
            min = Math.min(min, cursor.ackedSequence());
        }
        return Long.MAX_VALUE == min ? -1 : min;
    }

    /** @return the cursors. */
    public List<ConsumerCursor> cursors()
    {
        return new ArrayList<>(cursors.values());
    }

    /** Close every cursor file. */
    @Override
    public synchronized void close() throws IOException
    {
        for (final ConsumerCursor cursor : cursors.values())
        {
            cursor.close();
        }
        cursors.clear();
    }
}
