package io.nocraven.buffer.cursor;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.compress.CompressedSegmentView;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.RawSegmentView;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentCatalog;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentView;

import java.io.IOException;

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
            else if (RecordScanner.END_OF_SEGMENT == status)
            {
                closeView();
            }
            else if (RecordScanner.INVALID == status && viewEntry.isSealed())
            {
                listener.onCorruptSegment(viewEntry, nextSequence);
                missed += Math.max(0, viewEntry.endSequence() - nextSequence);
                nextSequence = Math.max(nextSequence, viewEntry.endSequence());
                closeView();
            }
            else
            {
                return delivered;
            }
        }
        return delivered;
    }

    private boolean openView()
    {
        for (int attempt = 0; attempt < 3; attempt++)
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
            catch (final IOException ex)
            {
                view = null;
            }
        }
        return false;
    }

    /**
     * Open a view of a segment in whatever storage it has now.
     *
     * @param files file layer.
     * @param entry the segment.
     * @return the view.
     * @throws IOException when the file is gone or unreadable.
     */
    public static SegmentView open(final FileLayer files, final SegmentEntry entry) throws IOException
    {
        return Compression.NONE == entry.storage() ?
            new RawSegmentView(files, entry.path(), entry.baseSequence()) :
            new CompressedSegmentView(files, entry.path());
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
