package io.nocraven.buffer.segment;

/**
 * Layout of one record inside a segment (format version 1). All fields little-endian; records start on an
 * {@link #ALIGNMENT}-byte boundary and never span segments.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |            Frame Length (header + payload), commit marker      |  0
 *  +---------------------------------------------------------------+
 *  |                 CRC32C of bytes [8, Frame Length)              |  4
 *  +---------------------------------------------------------------+
 *  |          Sequence Delta (sequence - segment base sequence)     |  8
 *  +-------------------------------+-------------------------------+
 *  |        Type (int16)           |        Flags (0 in v1)        | 12
 *  +-------------------------------+-------------------------------+
 *  |                 Timestamp, epoch milliseconds (int64)          | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                         Payload ...                          | 24
 *  +---------------------------------------------------------------+
 * </pre>
 * The frame length is written last with a release store: a zero length means "nothing committed here", so the
 * zero-filled preallocation is the natural end of the log. A record of type {@link #END_OF_SEGMENT_TYPE} and no
 * payload closes a sealed segment.
 */
public final class RecordDescriptor
{
    /** Offset of the frame length, the commit marker. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of the CRC32C. */
    public static final int CRC_OFFSET = 4;
    /** Offset of the sequence delta from the segment's base sequence. */
    public static final int SEQUENCE_DELTA_OFFSET = 8;
    /** Offset of the record type. */
    public static final int TYPE_OFFSET = 12;
    /** Offset of the flags (always 0 in version 1). */
    public static final int FLAGS_OFFSET = 14;
    /** Offset of the timestamp in epoch milliseconds. */
    public static final int TIMESTAMP_OFFSET = 16;
    /** Length of the record header; the payload follows. */
    public static final int HEADER_LENGTH = 24;
    /** First byte covered by the CRC. */
    public static final int CRC_START = SEQUENCE_DELTA_OFFSET;
    /** Records start on multiples of this. */
    public static final int ALIGNMENT = 8;
    /** Type of the end-of-segment marker record (reserved; user types are 0..32767). */
    public static final short END_OF_SEGMENT_TYPE = -1;
    /** Largest user record type. */
    public static final int MAX_USER_TYPE = Short.MAX_VALUE;

    private RecordDescriptor()
    {
    }

    /**
     * Frame length of a record with the given payload length.
     *
     * @param payloadLength payload bytes.
     * @return header plus payload.
     */
    public static int frameLength(final int payloadLength)
    {
        return HEADER_LENGTH + payloadLength;
    }

    /**
     * Bytes a frame occupies in the segment, padded to {@link #ALIGNMENT}.
     *
     * @param frameLength the frame length.
     * @return the aligned length.
     */
    public static int alignedLength(final int frameLength)
    {
        return (frameLength + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
