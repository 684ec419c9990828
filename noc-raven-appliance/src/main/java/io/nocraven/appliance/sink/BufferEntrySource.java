package io.nocraven.appliance.sink;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.segment.SegmentEntry;
import java.io.IOException;
import org.agrona.DirectBuffer;

/**
 * A forwarder's view of one buffer stream: a {@link StreamReader} bound to the forwarder's persisted cursor
 * (consumer name = forwarder name), so each forwarder resumes after its own last acknowledgement.
 */
public final class BufferEntrySource implements EntrySource
{
    private static final int PRIME_BATCH = 1024;

    private final String stream;
    private final StreamJournal journal;
    private final StreamReader reader;
    private byte[] scratch = new byte[4096];
    private EntryHandler handler;

    /**
     * @param stream   stream (listener) name.
     * @param journal  the stream.
     * @param consumer the forwarder's name.
     * @throws IOException when the cursor cannot be opened.
     */
    public BufferEntrySource(final String stream, final StreamJournal journal, final String consumer)
        throws IOException
    {
        this.stream = stream;
        this.journal = journal;
        this.reader = journal.openReader(consumer);
    }

    @Override
    public String stream()
    {
        return stream;
    }

    @Override
    public int poll(final EntryHandler h, final int limit)
    {
        this.handler = h;
        return reader.poll(this::onRecord, limit);
    }

    private void onRecord(final long sequence, final long timestamp, final int type, final DirectBuffer buffer,
        final int offset, final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(offset, scratch, 0, length);
        handler.onEntry(sequence, timestamp, type, scratch, 0, length);
    }

    @Override
    public int prime(final EntryHandler h)
    {
        final long last = reader.nextSequence() - 1;
        if (last < journal.oldestSequence() || last > journal.writtenSequence())
        {
            return 0;
        }
        final SegmentEntry segment = journal.catalog().find(last);
        if (segment == null || segment.baseSequence() > last)
        {
            return 0;
        }
        final EntryHandler saved = handler;
        this.handler = h;
        int read = 0;
        try (StreamReader primer = journal.openReaderAt(segment.baseSequence()))
        {
            while (primer.nextSequence() <= last)
            {
                final int n = primer.poll(this::onRecord, (int)Math.min(PRIME_BATCH, last - primer.nextSequence() + 1));
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
        }
        finally
        {
            this.handler = saved;
        }
        return read;
    }

    @Override
    public void ack() throws IOException
    {
        if (reader.nextSequence() - 1 > reader.cursor().ackedSequence())
        {
            reader.ackDelivered();
        }
    }

    @Override
    public void rewind()
    {
        reader.seek(reader.cursor().ackedSequence() + 1);
    }

    @Override
    public void replayFrom(final long timestampMs) throws IOException
    {
        reader.seekTime(timestampMs);
        reader.cursor().rewind(reader.nextSequence());
    }

    @Override
    public void skipToEnd() throws IOException
    {
        final long end = journal.writtenSequence();
        reader.seek(end + 1);
        reader.cursor().ack(end, System.currentTimeMillis());
    }

    @Override
    public long lag()
    {
        return Math.max(0, journal.writtenSequence() - Math.max(reader.cursor().ackedSequence(),
            journal.oldestSequence() - 1));
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
