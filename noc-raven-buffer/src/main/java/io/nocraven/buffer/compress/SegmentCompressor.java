package io.nocraven.buffer.compress;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentView;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Compresses sealed segments on its own thread, so ingest never waits for it. Each record is verified on the way
 * (a damaged segment is quarantined instead), the compressed file is written as {@code .tmp}, forced and renamed,
 * then swapped into the catalog and the raw file deleted. A failure (disk full, say) leaves the raw segment in
 * place and is counted as an I/O error of the stream.
 */
public final class SegmentCompressor implements AutoCloseable
{
    private final FileLayer files;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long segmentsCompressed;

    /**
     * Start the compressor thread.
     *
     * @param files file layer.
     */
    public SegmentCompressor(final FileLayer files)
    {
        this.files = files;
        this.thread = new Thread(this::run, "noc-raven-buffer-compressor");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queue a sealed segment (never blocks).
     *
     * @param journal its stream.
     * @param entry   the segment.
     */
    public void submit(final StreamJournal journal, final SegmentEntry entry)
    {
        queue.add(new Task(journal, entry));
    }

    /** @return segments compressed since start. */
    public long segmentsCompressed()
    {
        return segmentsCompressed;
    }

    /** @return segments waiting. */
    public int backlog()
    {
        return queue.size();
    }

    private void run()
    {
        while (running)
        {
            try
            {
                final Task task = queue.poll(100, TimeUnit.MILLISECONDS);
                if (task != null)
                {
                    compress(task.journal(), task.entry());
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Compress one segment now, on the calling thread.
     *
     * @param journal its stream.
     * @param entry   the segment.
     * @return true when the segment is now stored compressed.
     */
    public synchronized boolean compress(final StreamJournal journal, final SegmentEntry entry)
    {
        final Compression codec = journal.config().compression();
        if (!entry.isSealed() || entry.storage() != Compression.NONE || !journal.catalog().contains(entry) ||
            codec == Compression.NONE)
        {
            return false;
        }
        final Path raw = entry.path();
        final String baseName = raw.getFileName().toString().replace(Compression.NONE.suffix(), codec.suffix());
        final Path target = raw.resolveSibling(baseName);
        final Path temp = raw.resolveSibling(baseName + CompressedSegmentDescriptor.TEMP_SUFFIX);
        try (SegmentView view = StreamReader.open(files, entry);
            CompressedSegmentWriter writer = new CompressedSegmentWriter(files, temp, codec, entry,
                journal.config().compressionFrameLength()))
        {
            int status = view.peek();
            while (RecordScanner.RECORD == status)
            {
                writer.add(view.scanner());
                view.advance();
                status = view.peek();
            }
            if (RecordScanner.END_OF_SEGMENT != status)
            {
                writer.abandon();
                journal.onCorruptSegment(entry, view.position());
                return false;
            }
            final long length = writer.finish();
            files.move(temp, target);
            if (!journal.catalog().replaceStorage(entry, target, codec, length))
            {
                files.delete(target);
                return false;
            }
            files.delete(raw);
            segmentsCompressed++;
            return true;
        }
        catch (final IOException | RuntimeException ex)
        {
            journal.counters().onIoError();
            deleteQuietly(temp);
            return false;
        }
    }

    private void deleteQuietly(final Path path)
    {
        try
        {
            files.delete(path);
        }
        catch (final IOException ignore)
        {
            // a leftover .tmp is removed by the next recovery
        }
    }

    /** Stop the thread; queued segments stay raw and are queued again at the next open. */
    @Override
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private record Task(StreamJournal journal, SegmentEntry entry)
    {
    }
}
