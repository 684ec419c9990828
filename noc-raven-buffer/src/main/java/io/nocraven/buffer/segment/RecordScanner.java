package io.nocraven.buffer.segment;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import static io.nocraven.buffer.segment.RecordDescriptor.*;

/**
 * Verifying cursor over the records of one segment image (a mapped file or a decompressed frame). Every record it
 * returns has a valid length, CRC32C, flags and the expected sequence; anything else is {@link #INVALID}.
 * Reusable: {@link #wrap(ByteBuffer, int, long)} allocates nothing.
 */
public final class RecordScanner
{
    /** A valid record is available in the accessor fields. */
    public static final int RECORD = 1;
    /** A zero length: nothing committed at this offset (yet). */
    public static final int END_OF_DATA = 0;
    /** A valid end-of-segment marker: the segment is complete. */
    public static final int END_OF_SEGMENT = 2;
    /** The bytes at this offset are not a valid record (torn write, garbage, corruption). */
    public static final int INVALID = -1;

    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private final CRC32C crc = new CRC32C();
    private ByteBuffer view;
    private int limit;
    private long baseSequence;
    private int frameLength;
    private int type;
    private long timestamp;
    private long sequence;
    private int offset;

    /**
     * Wrap a segment image.
     *
     * @param image        bytes of the segment (position 0 = byte 0 of the segment or frame).
     * @param limit        first offset that is not part of the image.
     * @param baseSequence base sequence of the segment.
     * @return this.
     */
    public RecordScanner wrap(final ByteBuffer image, final int limit, final long baseSequence)
    {
        this.view = image.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.buffer.wrap(image, 0, limit);
        this.limit = limit;
        this.baseSequence = baseSequence;
        return this;
    }

    /**
     * Examine the record at {@code offset}, which must hold {@code expectedSequence}.
     *
     * @param offset           offset of a record header.
     * @param expectedSequence the sequence the record must carry.
     * @return {@link #RECORD}, {@link #END_OF_DATA}, {@link #END_OF_SEGMENT} or {@link #INVALID}.
     */
    public int next(final int offset, final long expectedSequence)
    {
        this.offset = offset;
        if (offset + HEADER_LENGTH > limit)
        {
            return offset == limit ? END_OF_DATA : INVALID;
        }
        final int length = buffer.getIntVolatile(offset + LENGTH_OFFSET);
        if (0 == length)
        {
            return END_OF_DATA;
        }
        if (length < HEADER_LENGTH || length > limit - offset)
        {
            return INVALID;
        }
        final long delta = expectedSequence - baseSequence;
        if (buffer.getInt(offset + SEQUENCE_DELTA_OFFSET) != delta || buffer.getShort(offset + FLAGS_OFFSET) != 0)
        {
            return INVALID;
        }
        if (buffer.getInt(offset + CRC_OFFSET) != crc32c(offset + CRC_START, offset + length))
        {
            return INVALID;
        }
        frameLength = length;
        type = buffer.getShort(offset + TYPE_OFFSET);
        timestamp = buffer.getLong(offset + TIMESTAMP_OFFSET);
        sequence = expectedSequence;
        if (END_OF_SEGMENT_TYPE == type)
        {
            return HEADER_LENGTH == length ? END_OF_SEGMENT : INVALID;
        }
        return RECORD;
    }

    private int crc32c(final int from, final int to)
    {
        final ByteBuffer view = this.view;
        view.limit(to).position(from);
        crc.reset();
        crc.update(view);
        return (int)crc.getValue();
    }

    /** @return the buffer the payload lives in. */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /** @return offset of the last examined record. */
    public int offset()
    {
        return offset;
    }

    /** @return offset of the record after the current one. */
    public int nextOffset()
    {
        return offset + alignedLength(frameLength);
    }

    /** @return frame length of the current record. */
    public int frameLength()
    {
        return frameLength;
    }

    /** @return offset of the current payload in {@link #buffer()}. */
    public int payloadOffset()
    {
        return offset + HEADER_LENGTH;
    }

    /** @return payload length of the current record. */
    public int payloadLength()
    {
        return frameLength - HEADER_LENGTH;
    }

    /** @return type of the current record. */
    public int type()
    {
        return type;
    }

    /** @return timestamp of the current record, epoch ms. */
    public long timestamp()
    {
        return timestamp;
    }

    /** @return sequence of the current record. */
    public long sequence()
    {
        return sequence;
    }
}
