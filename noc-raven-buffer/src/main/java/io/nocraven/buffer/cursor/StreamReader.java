package io.nocraven.buffer.cursor;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.compress.CompressedSegmentView;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.CorruptSegmentException;
import io.nocraven.buffer.segment.RawSegmentView;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentCatalog;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentView;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads a stream in sequence order across raw and compressed segments, from a sequence or a time, optionally bound
 * to a {@link ConsumerCursor}. Each reader has private mappings, so it is unaffected by the writer rolling, the
 * compressor swapping files or retention deleting them. When retention removed records the reader had not read
 * yet, it skips them and adds them to {@link #missedRecords()}. One thread per reader.
 */
public final class StreamReader implements AutoCloseable
{
    private final SegmentCatalog catalog;
    private final FileLayer files;
    private final CorruptionListener listener;
    private final ConsumerCursor cursor;
    private SegmentView view;
    private SegmentEntry viewEntry;
    private long nextSequence;
    private long missed;
    private long lastSequence = -1;
    private long lastTimestamp;

    /**
     * A reader positioned at {@code nextSequence}.
     *
     * @param catalog      the stream's segments.
     * @param files        file layer.
     * @param listener     told about corrupt sealed segments.
     * @param cursor       cursor to acknowledge into, or null.
     * @param nextSequence first sequence to read.
     */
    public StreamReader(
        final SegmentCatalog catalog, final FileLayer files, final CorruptionListener listener,
        final ConsumerCursor cursor, final long nextSequence)
    {
        this.catalog = catalog;
        this.files = files;
        this.listener = listener;
        this.cursor = cursor;
        this.nextSequence = nextSequence;
    }

    /**
     * Deliver up to {@code limit} records.
     *
     * @param handler receives the records.
     * @param limit   most records to deliver.
     * @return records delivered (0 when nothing new is committed).
     */
    public int poll(final RecordHandler handler, final int limit)
    {
        return poll(handler, limit, Long.MAX_VALUE);
    }

    /**
     * Deliver up to {@code limit} records, stopping before the first record stamped after {@code untilTimestamp}.
     *
     * @param handler        receives the records.
     * @param limit          most records to deliver.
     * @param untilTimestamp last timestamp (epoch ms, inclusive) to deliver.
     * @return records delivered.
     */
    public int poll(final RecordHandler handler, final int limit, final long untilTimestamp)
    {
        int delivered = 0;
        while (delivered < limit)
        {
            if (view == null && !openView())
            {
                return delivered;
            }
            final int status = view.position() < nextSequence ? view.seek(nextSequence) : view.peek();
            if (RecordScanner.RECORD == status && view.position() == nextSequence)
            {
                final RecordScanner r = view.scanner();
                if (r.timestamp() > untilTimestamp)
                {
                    return delivered;
                }
                handler.onRecord(r.sequence(), r.timestamp(), r.type(), r.buffer(), r.payloadOffset(), r.payloadLength());
                lastSequence = r.sequence();
                lastTimestamp = r.timestamp();
                view.advance();
                nextSequence++;
                delivered++;
            }
            else if (RecordScanner.END_OF_SEGMENT == status &&
                (!viewEntry.isSealed() || view.position() >= viewEntry.endSequence()))
            {
                closeView();
            }
            else if (viewEntry.isSealed() && isDamage(status))
            {
                skipCorrupt(viewEntry);
                closeView();
            }
            else
            {
                return delivered;
            }
        }
        return delivered;
    }

    /**
     * Whether a status other than a record or the end marker means the sealed segment under the view is damaged.
     * A sealed segment ends with its end-of-segment record after the number of records its summary says, so running
     * out of data before it is damage too (the zeros a power loss leaves where a trusted segment's pages never
     * reached the device), and so is an end marker before that count (the caller only asks about one then). The
     * entry is sealed by the writer after it wrote the end marker, so a peek after seeing it sealed is not racing
     * the writer.
     */
    private boolean isDamage(final int status)
    {
        if (RecordScanner.INVALID == status || RecordScanner.END_OF_SEGMENT == status)
        {
            return true;
        }
        if (RecordScanner.END_OF_DATA != status)
        {
            return false;
        }
        final int again = view.peek();
        return RecordScanner.INVALID == again || RecordScanner.END_OF_DATA == again;
    }

    private void skipCorrupt(final SegmentEntry entry)
    {
        listener.onCorruptSegment(entry, nextSequence);
        missed += Math.max(0, entry.endSequence() - nextSequence);
        nextSequence = Math.max(nextSequence, entry.endSequence());
    }

    private boolean openView()
    {
        int failures = 0;
        while (failures < 3)
        {
            final SegmentEntry entry = catalog.find(nextSequence);
            if (entry == null)
            {
                return false;
            }
            if (entry.baseSequence() > nextSequence)
            {
                missed += entry.baseSequence() - nextSequence;
                nextSequence = entry.baseSequence();
            }
            try
            {
                view = open(files, entry);
                viewEntry = entry;
                return true;
            }
            catch (final CorruptSegmentException ex)
            {
                view = null;
                if (!entry.isSealed())
                {
                    return false;
                }
                skipCorrupt(entry);
            }
            catch (final IOException ex)
            {
                // replaced by its compressed copy or evicted meanwhile: look the sequence up again
                view = null;
                failures++;
            }
        }
        return false;
    }

    /**
     * Open a view of a segment in whatever storage it has now (taken from the one path read, so a concurrent swap
     * to the compressed file cannot pair the raw reader with the compressed file).
     *
     * @param files file layer.
     * @param entry the segment.
     * @return the view.
     * @throws CorruptSegmentException when the file fails a check (damage).
     * @throws IOException              when the file is gone or unreadable.
     */
    public static SegmentView open(final FileLayer files, final SegmentEntry entry) throws IOException
    {
        final Path path = entry.path();
        return Compression.NONE == Compression.ofFileName(path.getFileName().toString()) ?
            new RawSegmentView(files, path, entry.baseSequence()) :
            new CompressedSegmentView(files, path);
    }

    /**
     * Position at a sequence (records below the oldest retained one count as missed on the next poll).
     *
     * @param sequence next sequence to deliver.
     */
    public void seek(final long sequence)
    {
        closeView();
        nextSequence = sequence;
    }

    /**
     * Position at the first record stamped at or after {@code timestampMs}, using the per-segment time summaries
     * (and a compressed segment's per-frame times) to skip, then scanning within the segment.
     *
     * @param timestampMs epoch ms.
     */
    public void seekTime(final long timestampMs)
    {
        closeView();
        final SegmentEntry entry = catalog.findTime(timestampMs);
        if (entry == null)
        {
            final SegmentEntry last = catalog.last();
            nextSequence = last == null ? nextSequence : Math.max(nextSequence, last.endSequence());
            return;
        }
        nextSequence = entry.baseSequence();
        if (!openView())
        {
            return;
        }
        if (view instanceof CompressedSegmentView)
        {
            ((CompressedSegmentView)view).seekFrameByTime(timestampMs);
        }
        int status = view.peek();
        while (RecordScanner.RECORD == status && view.scanner().timestamp() < timestampMs)
        {
            view.advance();
            status = view.peek();
        }
        nextSequence = view.position();
    }

    /**
     * Acknowledge everything delivered so far into the bound cursor.
     *
     * @throws IOException when the cursor cannot be written.
     * @throws IllegalStateException when the reader has no cursor.
     */
    public void ackDelivered() throws IOException
    {
        if (cursor == null)
        {
            throw new IllegalStateException("reader has no cursor");
        }
        if (lastSequence >= 0)
        {
            cursor.ack(lastSequence, lastTimestamp);
        }
    }

    /** @return next sequence this reader will deliver. */
    public long nextSequence()
    {
        return nextSequence;
    }

    /** @return records skipped because retention, eviction or quarantine removed them before they were read. */
    public long missedRecords()
    {
        return missed;
    }

    /** @return the bound cursor, or null. */
    public ConsumerCursor cursor()
    {
        return cursor;
    }

    private void closeView()
    {
        if (view != null)
        {
            view.close();
            view = null;
            viewEntry = null;
        }
    }

    /** Release the current view. */
    @Override
    public void close()
    {
        closeView();
    }
}
