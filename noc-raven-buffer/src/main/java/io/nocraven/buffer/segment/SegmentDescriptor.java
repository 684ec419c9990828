package io.nocraven.buffer.segment;

/**
 * Layout of the 64-byte header at the start of every segment file (format version 1), little-endian.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                     Magic "RAVN" (0x4E564152)                 |  0
 *  +-------------------------------+-------------------------------+
 *  |        Format Version         |        Header Length (64)     |  4
 *  +-------------------------------+-------------------------------+
 *  |                     Base Sequence (int64)                     |  8
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 Created, epoch milliseconds (int64)           | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                   Capacity (file length, int32)               | 24
 *  +---------------------------------------------------------------+
 *  |                 State (0 = active, 1 = sealed)                | 28
 *  +---------------------------------------------------------------+
 *  |        End Offset (sealed: after the end-of-segment record)   | 32
 *  +---------------------------------------------------------------+
 *  |                 Record Count (sealed, int32)                  | 36
 *  +---------------------------------------------------------------+
 *  |           First Timestamp, epoch ms (sealed, int64)           | 40
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |           Max Timestamp, epoch ms (sealed, int64)             | 48
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                        Reserved (0)                           | 56
 *  +---------------------------------------------------------------+
 *  |                  CRC32C of bytes [0, 60)                      | 60
 *  +---------------------------------------------------------------+
 * </pre>
 * Records start at {@link #HEADER_LENGTH}. The summary fields (end offset .. max timestamp) are written once, when
 * the segment is sealed; they are the per-segment entry of the sparse time index.
 */
public final class SegmentDescriptor
{
    /** "RAVN" read as a little-endian int. */
    public static final int MAGIC = 0x4E564152;
    /** The format version this code writes. */
    public static final short VERSION = 1;
    /** Offset of the magic. */
    public static final int MAGIC_OFFSET = 0;
    /** Offset of the format version. */
    public static final int VERSION_OFFSET = 4;
    /** Offset of the header length. */
    public static final int HEADER_LENGTH_OFFSET = 6;
    /** Offset of the base sequence. */
    public static final int BASE_SEQUENCE_OFFSET = 8;
    /** Offset of the creation time. */
    public static final int CREATED_OFFSET = 16;
    /** Offset of the capacity. */
    public static final int CAPACITY_OFFSET = 24;
    /** Offset of the state. */
    public static final int STATE_OFFSET = 28;
    /** Offset of the end offset. */
    public static final int END_OFFSET_OFFSET = 32;
    /** Offset of the record count. */
    public static final int RECORD_COUNT_OFFSET = 36;
    /** Offset of the first timestamp. */
    public static final int FIRST_TIMESTAMP_OFFSET = 40;
    /** Offset of the max timestamp. */
    public static final int MAX_TIMESTAMP_OFFSET = 48;
    /** Offset of the header CRC. */
    public static final int HEADER_CRC_OFFSET = 60;
    /** Length of the header. */
    public static final int HEADER_LENGTH = 64;
    /** State of a segment still being appended to. */
    public static final int STATE_ACTIVE = 0;
    /** State of a closed segment whose summary fields are valid. */
    public static final int STATE_SEALED = 1;
    /** Smallest segment capacity accepted. */
    public static final int MIN_CAPACITY = 4096;
    /** File name suffix of an uncompressed segment. */
    public static final String SEGMENT_SUFFIX = ".seg";
    /** File name suffix of a quarantined (corrupt) file. */
    public static final String QUARANTINE_SUFFIX = ".corrupt";
    /** Digits in a segment file name (zero-padded base sequence, so names sort like sequences). */
    public static final int NAME_DIGITS = 20;

    private SegmentDescriptor()
    {
    }

    /**
     * File name of a segment (without compression suffix) for a base sequence.
     *
     * @param baseSequence the first sequence of the segment.
     * @return e.g. {@code 00000000000000001024}.
     */
    public static String baseName(final long baseSequence)
    {
        final String digits = Long.toString(baseSequence);
        return "0".repeat(NAME_DIGITS - digits.length()) + digits;
    }

    /**
     * Parse the base sequence from a segment file name.
     *
     * @param fileName file name such as {@code 00000000000000001024.seg}.
     * @return the base sequence, or -1 when the name is not a segment name.
     */
    public static long parseBaseSequence(final String fileName)
    {
        if (fileName.length() < NAME_DIGITS + 1 || fileName.charAt(NAME_DIGITS) != '.')
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < NAME_DIGITS; i++)
        {
            final char c = fileName.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
