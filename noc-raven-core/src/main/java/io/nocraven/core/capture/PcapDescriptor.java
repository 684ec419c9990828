package io.nocraven.core.capture;

/**
 * Layout of classic libpcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html), in the byte
 * order the magic number shows (the writer's host order).
 * <pre>
 *  File header (24 bytes)
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |        magic number (a1b2c3d4 microseconds, a1b23c4d nanoseconds)
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |      major version (2)        |      minor version (4)        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     reserved 1 (thiszone)                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     reserved 2 (sigfigs)                      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        snapshot length                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | FCS |f|       reserved        |     link type (LINKTYPE_*)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *  Packet record (16 bytes + captured bytes)
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 timestamp, seconds (unsigned)                 |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |           timestamp, micro- or nanoseconds (unsigned)         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        captured length                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        original length                        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  /                  packet data (captured length)                /
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class PcapDescriptor
{
    /** Magic of microsecond files, as read big-endian. */
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    /** Magic of nanosecond files, as read big-endian. */
    static final int MAGIC_NANOS = 0xA1B23C4D;
    /** Largest captured length accepted in one record (well above any real snapshot length). */
    static final int MAX_RECORD = 16 * 1024 * 1024;

    static final int FILE_HEADER_LENGTH = 24;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int SNAP_LENGTH_OFFSET = 16;
    static final int LINK_TYPE_OFFSET = 20;

    static final int RECORD_HEADER_LENGTH = 16;
    static final int SECONDS_OFFSET = 0;
    static final int FRACTION_OFFSET = 4;
    static final int CAPTURED_LENGTH_OFFSET = 8;
    static final int ORIGINAL_LENGTH_OFFSET = 12;

    private PcapDescriptor()
    {
    }

    /**
     * @param magic the first four bytes read big-endian.
     * @return true for a classic pcap magic in either byte order.
     */
    static boolean isMagic(final int magic)
    {
        return magic == MAGIC_MICROS || magic == MAGIC_NANOS
            || magic == Integer.reverseBytes(MAGIC_MICROS) || magic == Integer.reverseBytes(MAGIC_NANOS);
    }
}
