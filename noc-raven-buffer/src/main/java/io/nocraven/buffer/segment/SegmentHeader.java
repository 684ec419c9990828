package io.nocraven.buffer.segment;

import io.nocraven.buffer.fs.FileLayer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static io.nocraven.buffer.segment.SegmentDescriptor.*;

/**
 * Flyweight over the {@link SegmentDescriptor} header of a segment: encode a fresh header, seal it with a summary,
 * and check a header read back from disk.
 */
public final class SegmentHeader
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private ByteBuffer view;

    /**
     * Wrap the first {@link SegmentDescriptor#HEADER_LENGTH} bytes of a segment image.
     *
     * @param image the segment image.
     * @return this.
     */
    public SegmentHeader wrap(final ByteBuffer image)
    {
        buffer.wrap(image, 0, HEADER_LENGTH);
        view = image.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /**
     * Read the header of a segment file and check it.
     *
     * @param files file layer.
     * @param path  the segment file.
     * @return the header, or null when the file is too short or the header is invalid (damage).
     * @throws IOException when the file cannot be read, or was written by a newer format version (not damage:
     *                     opening refuses rather than quarantining data it cannot understand).
     */
    public static SegmentHeader read(final FileLayer files, final Path path) throws IOException
    {
        final long size = files.size(path);
        if (size < HEADER_LENGTH)
        {
            return null;
        }
        final ByteBuffer bytes = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = files.open(path, StandardOpenOption.READ))
        {
            while (bytes.hasRemaining())
            {
                if (channel.read(bytes, bytes.position()) < 0)
                {
                    return null;
                }
            }
        }
        final SegmentHeader header = new SegmentHeader().wrap(bytes);
        if (header.buffer.getInt(MAGIC_OFFSET) == MAGIC && header.version() > VERSION)
        {
            throw new IOException(path + ": segment format version " + header.version() +
                " is newer than this build reads (expected: <= " + VERSION + "); a downgrade is not supported");
        }
        return header.isValid(size) ? header : null;
    }

    /**
     * Write a header for a new, active segment.
     *
     * @param baseSequence first sequence.
     * @param createdMs    creation time.
     * @param capacity     file length.
     */
    public void initialise(final long baseSequence, final long createdMs, final int capacity)
    {
        buffer.setMemory(0, HEADER_LENGTH, (byte)0);
        buffer.putInt(MAGIC_OFFSET, MAGIC);
        buffer.putShort(VERSION_OFFSET, VERSION);
        buffer.putShort(HEADER_LENGTH_OFFSET, (short)HEADER_LENGTH);
        buffer.putLong(BASE_SEQUENCE_OFFSET, baseSequence);
        buffer.putLong(CREATED_OFFSET, createdMs);
        buffer.putInt(CAPACITY_OFFSET, capacity);
        buffer.putInt(STATE_OFFSET, STATE_ACTIVE);
        buffer.putInt(HEADER_CRC_OFFSET, computeCrc());
    }

    /**
     * Mark the segment sealed and record its summary.
     *
     * @param endOffset      offset after the end-of-segment record.
     * @param recordCount    records in the segment.
     * @param firstTimestamp timestamp of the first record (0 when empty).
     * @param maxTimestamp   largest timestamp (0 when empty).
     */
    public void seal(final int endOffset, final int recordCount, final long firstTimestamp, final long maxTimestamp)
    {
        buffer.putInt(END_OFFSET_OFFSET, endOffset);
        buffer.putInt(RECORD_COUNT_OFFSET, recordCount);
        buffer.putLong(FIRST_TIMESTAMP_OFFSET, firstTimestamp);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, maxTimestamp);
        buffer.putInt(STATE_OFFSET, STATE_SEALED);
        buffer.putInt(HEADER_CRC_OFFSET, computeCrc());
    }

    /**
     * Whether magic, version, header length and CRC are right and the capacity matches the file.
     *
     * @param fileLength length of the file on disk.
     * @return true when the header can be trusted.
     */
    public boolean isValid(final long fileLength)
    {
        return buffer.getInt(MAGIC_OFFSET) == MAGIC &&
            buffer.getShort(VERSION_OFFSET) == VERSION &&
            buffer.getShort(HEADER_LENGTH_OFFSET) == HEADER_LENGTH &&
            buffer.getInt(HEADER_CRC_OFFSET) == computeCrc() &&
            buffer.getInt(CAPACITY_OFFSET) == fileLength;
    }

    private int computeCrc()
    {
        final CRC32C crc = new CRC32C();
        view.limit(HEADER_CRC_OFFSET).position(0);
        crc.update(view);
        return (int)crc.getValue();
    }

    /** @return the format version field. */
    public int version()
    {
        return buffer.getShort(VERSION_OFFSET);
    }

    /** @return base sequence. */
    public long baseSequence()
    {
        return buffer.getLong(BASE_SEQUENCE_OFFSET);
    }

    /** @return creation time, epoch ms. */
    public long createdMs()
    {
        return buffer.getLong(CREATED_OFFSET);
    }

    /** @return capacity in bytes. */
    public int capacity()
    {
        return buffer.getInt(CAPACITY_OFFSET);
    }

    /** @return true when sealed. */
    public boolean isSealed()
    {
        return buffer.getInt(STATE_OFFSET) == STATE_SEALED;
    }

    /** @return end offset (sealed only). */
    public int endOffset()
    {
        return buffer.getInt(END_OFFSET_OFFSET);
    }

    /** @return record count (sealed only). */
    public int recordCount()
    {
        return buffer.getInt(RECORD_COUNT_OFFSET);
    }

    /** @return first timestamp (sealed only). */
    public long firstTimestamp()
    {
        return buffer.getLong(FIRST_TIMESTAMP_OFFSET);
    }

    /** @return max timestamp (sealed only). */
    public long maxTimestamp()
    {
        return buffer.getLong(MAX_TIMESTAMP_OFFSET);
    }
}
