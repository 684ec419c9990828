package io.nocraven.core.capture;

import java.io.IOException;

import static io.nocraven.core.capture.PcapDescriptor.CAPTURED_LENGTH_OFFSET;
import static io.nocraven.core.capture.PcapDescriptor.FILE_HEADER_LENGTH;
import static io.nocraven.core.capture.PcapDescriptor.FRACTION_OFFSET;
import static io.nocraven.core.capture.PcapDescriptor.LINK_TYPE_OFFSET;
import static io.nocraven.core.capture.PcapDescriptor.MAGIC_MICROS;
import static io.nocraven.core.capture.PcapDescriptor.MAGIC_NANOS;
import static io.nocraven.core.capture.PcapDescriptor.MAGIC_OFFSET;
import static io.nocraven.core.capture.PcapDescriptor.MAX_RECORD;
import static io.nocraven.core.capture.PcapDescriptor.RECORD_HEADER_LENGTH;
import static io.nocraven.core.capture.PcapDescriptor.SECONDS_OFFSET;

/**
 * Reads classic libpcap files ({@link PcapDescriptor}): either byte order, microsecond or nanosecond timestamps.
 */
final class PcapFormat
{
    private PcapFormat()
    {
    }

    /**
     * Reads the rest of the file; the first four bytes (the magic) are already in {@code header}.
     */
    static void read(final CaptureInput in, final byte[] header, final FrameSink sink, final CaptureStats stats) throws IOException
    {
        in.readFully(header, 4, FILE_HEADER_LENGTH - 4, 0, "pcap file header");
        final int magic = Bytes.int32(header, MAGIC_OFFSET, true);
        final boolean bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        final boolean nanos = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        final int linkType = Bytes.int32(header, LINK_TYPE_OFFSET, bigEndian) & 0xFFFF;

        byte[] buf = new byte[65_536];
        while (true)
        {
            final long start = in.position();
            final int n = in.read(buf, 0, RECORD_HEADER_LENGTH);
            if (n == 0)
            {
                return;
            }
            if (n < RECORD_HEADER_LENGTH)
            {
                throw in.error(start, "truncated packet record header: " + n + " of " + RECORD_HEADER_LENGTH + " bytes");
            }
            final long seconds = Bytes.int32(buf, SECONDS_OFFSET, bigEndian) & 0xFFFF_FFFFL;
            final long fraction = Bytes.int32(buf, FRACTION_OFFSET, bigEndian) & 0xFFFF_FFFFL;
            final long captured = Bytes.int32(buf, CAPTURED_LENGTH_OFFSET, bigEndian) & 0xFFFF_FFFFL;
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
                throw in.error(start, "truncated packet record: " + (RECORD_HEADER_LENGTH + got) + " of " + (RECORD_HEADER_LENGTH + length)
                    + " bytes");
            }
            stats.frames++;
            final long timestamp = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1000L);
            sink.onFrame(linkType, timestamp, buf, 0, length);
        }
    }
}
