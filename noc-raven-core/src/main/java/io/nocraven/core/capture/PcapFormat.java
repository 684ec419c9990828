package io.nocraven.core.capture;

import java.io.IOException;

/**
 * Classic libpcap files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-04.html): either byte order,
 * microsecond ({@code a1b2c3d4}) or nanosecond ({@code a1b23c4d}) timestamps.
 * <pre>
 *  global header (24 bytes)                      packet record (16 bytes + data)
 *  0  magic number                               0  timestamp seconds (unsigned)
 *  4  major version (2) | minor version (4)      4  timestamp micro- or nanoseconds
 *  8  reserved (thiszone)                        8  captured length
 *  12 reserved (sigfigs)                         12 original length
 *  16 snapshot length                            16 captured bytes
 *  20 FCS bits (4) | link type (16 low bits)
 * </pre>
 */
final class PcapFormat
{
    /** Magic of microsecond files, as read big-endian. */
    static final int MAGIC_MICROS = 0xA1B2C3D4;
    /** Magic of nanosecond files, as read big-endian. */
    static final int MAGIC_NANOS = 0xA1B23C4D;
    /** Largest captured length accepted in one record (well above any real snapshot length). */
    static final int MAX_RECORD = 16 * 1024 * 1024;

    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private PcapFormat()
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

    /**
     * Reads the rest of the file; the first four bytes (the magic) are already in {@code header}.
     */
    static void read(final CaptureInput in, final byte[] header, final FrameSink sink, final CaptureStats stats) throws IOException
    {
        in.readFully(header, 4, GLOBAL_HEADER - 4, 0, "pcap file header");
        final int magic = Bytes.int32(header, 0, true);
        final boolean bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        final boolean nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        final int linkType = Bytes.int32(header, 20, bigEndian) & 0xFFFF;

        byte[] buf = new byte[65_536];
        while (true)
        {
            final long start = in.position();
            final int n = in.read(buf, 0, RECORD_HEADER);
            if (n == 0)
            {
                return;
            }
            if (n < RECORD_HEADER)
            {
                throw in.error(start, "truncated packet record header: " + n + " of " + RECORD_HEADER + " bytes");
            }
            final long seconds = Bytes.int32(buf, 0, bigEndian) & 0xFFFF_FFFFL;
            final long fraction = Bytes.int32(buf, 4, bigEndian) & 0xFFFF_FFFFL;
            final long captured = Bytes.int32(buf, 8, bigEndian) & 0xFFFF_FFFFL;
            if (captured > MAX_RECORD)
            {
                throw in.error(start, "packet record captured length " + captured + " (expected: at most " + MAX_RECORD + ")");
            }
            if (captured > buf.length)
            {
                buf = new byte[(int)captured];
            }
            final int length = (int)captured;
            final int got = in.read(buf, 0, length);
            if (got < length)
            {
                throw in.error(start, "truncated packet record: " + (RECORD_HEADER + got) + " of " + (RECORD_HEADER + length)
                    + " bytes");
            }
            stats.frames++;
            final long timestamp = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
            sink.onFrame(linkType, timestamp, buf, 0, length);
        }
    }
}
