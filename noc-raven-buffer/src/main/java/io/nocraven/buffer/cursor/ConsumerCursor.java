package io.nocraven.buffer.cursor;

import io.nocraven.buffer.fs.DoubleSlotFile;
import io.nocraven.buffer.fs.FileLayer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A named consumer's acknowledged position in a stream, persisted in a {@link DoubleSlotFile} (value 0: last
 * acknowledged sequence, value 1: its timestamp). Delivery is at-least-once: a consumer restarts after its last
 * acknowledgement. Acknowledgements only move forward; {@link #rewind(long)} moves back explicitly (replay).
 */
public final class ConsumerCursor implements AutoCloseable
{
    /** File name suffix of cursor files. */
    public static final String SUFFIX = ".cursor";

    private final String name;
    private final DoubleSlotFile file;
    private volatile long ackedSequence;
    private volatile long ackedTimestamp;

    private ConsumerCursor(final String name, final DoubleSlotFile file)
    {
        this.name = name;
        this.file = file;
        this.ackedSequence = file.value(0);
        this.ackedTimestamp = file.value(1);
    }

    /**
     * Open a cursor, creating it when new at {@code initialAcked}.
     *
     * @param files        file layer.
     * @param path         cursor file.
     * @param name         consumer name.
     * @param initialAcked acknowledged sequence to start from when the cursor is new (first read = this + 1).
     * @return the cursor.
     * @throws IOException when the file cannot be opened or created.
     */
    public static ConsumerCursor open(final FileLayer files, final Path path, final String name, final long initialAcked)
        throws IOException
    {
        final DoubleSlotFile file = DoubleSlotFile.open(files, path, false);
        if (!file.isValid())
        {
            file.write(initialAcked, 0);
        }
        return new ConsumerCursor(name, file);
    }

    /**
     * Acknowledge every record up to and including {@code sequence}; persisted and forced before returning.
     * Acknowledging at or below the current position does nothing.
     *
     * @param sequence  last processed sequence.
     * @param timestamp its timestamp (for lag in seconds).
     * @throws IOException when the cursor file cannot be written (the previous acknowledgement stays valid).
     */
    public synchronized void ack(final long sequence, final long timestamp) throws IOException
    {
        if (sequence > ackedSequence)
        {
            file.write(sequence, timestamp);
            ackedTimestamp = timestamp;
            ackedSequence = sequence;
        }
    }

    /**
     * Move the cursor back (or forward) so the next read starts at {@code nextSequence}.
     *
     * @param nextSequence next sequence to deliver.
     * @throws IOException when the cursor file cannot be written.
     */
    public synchronized void rewind(final long nextSequence) throws IOException
    {
        file.write(nextSequence - 1, 0);
        ackedTimestamp = 0;
        ackedSequence = nextSequence - 1;
    }

    /** @return consumer name. */
    public String name()
    {
        return name;
    }

    /** @return last acknowledged sequence, -1 when nothing. */
    public long ackedSequence()
    {
        return ackedSequence;
    }

    /** @return timestamp of the last acknowledged record, 0 when unknown. */
    public long ackedTimestamp()
    {
        return ackedTimestamp;
    }

    /** Close the file. */
    @Override
    public synchronized void close() throws IOException
    {
        file.close();
    }
}
