package io.nocraven.appliance.sink;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import java.io.IOException;
import org.agrona.DirectBuffer;

/**
 * A forwarder's view of one buffer stream: a {@link StreamReader} bound to the forwarder's persisted cursor
 * (consumer name = forwarder name), so each forwarder resumes after its own last acknowledgement.
 */
public final class BufferEntrySource implements EntrySource
{
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
        handler.onEntry(sequence, timestamp, scratch, 0, length);
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
