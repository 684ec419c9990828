package io.nocraven.core.capture;

import java.io.IOException;
import java.util.Arrays;

import static io.nocraven.core.capture.PcapngDescriptor.BODY_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.BYTE_ORDER_MAGIC;
import static io.nocraven.core.capture.PcapngDescriptor.DEFAULT_TSRESOL;
import static io.nocraven.core.capture.PcapngDescriptor.EPB;
import static io.nocraven.core.capture.PcapngDescriptor.EPB_CAPTURED_LENGTH_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.EPB_DATA_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.EPB_INTERFACE_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.EPB_TIMESTAMP_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.IDB;
import static io.nocraven.core.capture.PcapngDescriptor.IDB_LINK_TYPE_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.IDB_OPTIONS_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.IDB_SNAP_LENGTH_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.MAX_BLOCK;
import static io.nocraven.core.capture.PcapngDescriptor.MIN_BLOCK_LENGTH;
import static io.nocraven.core.capture.PcapngDescriptor.OPB;
import static io.nocraven.core.capture.PcapngDescriptor.OPT_END;
import static io.nocraven.core.capture.PcapngDescriptor.OPT_TSOFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.OPT_TSRESOL;
import static io.nocraven.core.capture.PcapngDescriptor.SHB;
import static io.nocraven.core.capture.PcapngDescriptor.SHB_BYTE_ORDER_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.SHB_MIN_LENGTH;
import static io.nocraven.core.capture.PcapngDescriptor.SPB;
import static io.nocraven.core.capture.PcapngDescriptor.SPB_DATA_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.SPB_ORIGINAL_LENGTH_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.TOTAL_LENGTH_OFFSET;
import static io.nocraven.core.capture.PcapngDescriptor.TYPE_OFFSET;

/**
 * Reads pcapng files ({@link PcapngDescriptor}): sections in either byte order, interfaces with their link type,
 * snapshot length, timestamp resolution and offset, and the packet blocks EPB, SPB and the obsolete OPB. Other blocks
 * (name resolution, statistics, decryption secrets, custom) are skipped by their length.
 */
final class PcapngFormat
{
    private static final int MAX_INTERFACES = 65_536;

    private final CaptureInput in;
    private final FrameSink sink;
    private final CaptureStats stats;
    private byte[] buf = new byte[65_536];
    private boolean bigEndian;
    private int interfaces;
    private int[] linkTypes = new int[4];
    private long[] snapLengths = new long[4];
    private int[] resolutions = new int[4];
    private long[] offsetSeconds = new long[4];

    private PcapngFormat(final CaptureInput in, final FrameSink sink, final CaptureStats stats)
    {
        this.in = in;
        this.sink = sink;
        this.stats = stats;
    }

    /**
     * Reads the whole file; the first four bytes (the SHB type) are already in {@code header}.
     */
    static void read(final CaptureInput in, final byte[] header, final FrameSink sink, final CaptureStats stats) throws IOException
    {
        new PcapngFormat(in, sink, stats).readBlocks(header);
    }

    private void readBlocks(final byte[] first) throws IOException
    {
        System.arraycopy(first, 0, buf, 0, 4);
        int have = 4;
        while (true)
        {
            final long start = in.position() - have;
            final int n = have + in.read(buf, have, 8 - have);
            have = 0;
            if (n == 0)
            {
                return;
            }
            if (n < 8)
            {
                throw in.error(start, "truncated block header: " + n + " of 8 bytes");
            }
            int type = Bytes.int32(buf, TYPE_OFFSET, bigEndian);
            if (type == SHB)
            {
                in.readFully(buf, SHB_BYTE_ORDER_OFFSET, 4, start, "section header block");
                final int magic = Bytes.int32(buf, SHB_BYTE_ORDER_OFFSET, true);
                if (magic == BYTE_ORDER_MAGIC)
                {
                    bigEndian = true;
                }
                else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC))
                {
                    bigEndian = false;
                }
                else
                {
                    throw in.error(start + SHB_BYTE_ORDER_OFFSET,
                        String.format("section header byte-order magic 0x%08x (expected: 0x1a2b3c4d)", magic));
                }
                type = SHB;
            }
            final long total = Bytes.int32(buf, TOTAL_LENGTH_OFFSET, bigEndian) & 0xFFFF_FFFFL;
            if (total < MIN_BLOCK_LENGTH || total % 4 != 0 || total > MAX_BLOCK)
            {
                throw in.error(start, "block total length " + total + " (expected: a multiple of 4, " + MIN_BLOCK_LENGTH + ".."
                    + MAX_BLOCK + ")");
            }
            final int length = (int)total;
            if (buf.length < length)
            {
                buf = Arrays.copyOf(buf, length);
            }
            final int already = type == SHB ? SHB_BYTE_ORDER_OFFSET + 4 : BODY_OFFSET;
            final int got = in.read(buf, already, length - already);
            if (got < length - already)
            {
                throw in.error(start, "truncated block: " + (already + got) + " of " + length + " bytes");
            }
            if ((Bytes.int32(buf, length - 4, bigEndian) & 0xFFFF_FFFFL) != total)
            {
                throw in.error(start + length - 4, "trailing block total length " + (Bytes.int32(buf, length - 4, bigEndian) & 0xFFFF_FFFFL)
                    + " (expected: " + total + ", as at the start of the block)");
            }
            block(type, start, length);
        }
    }

    private void block(final int type, final long start, final int length) throws IOException
    {
        final int bodyEnd = length - 4;
        switch (type)
        {
            case SHB:
                if (length < SHB_MIN_LENGTH)
                {
                    throw in.error(start, "section header block length " + length + " (expected: at least " + SHB_MIN_LENGTH + ")");
                }
                interfaces = 0;
                break;
            case IDB:
                interfaceBlock(start, bodyEnd);
                break;
            case EPB:
                packet(start, bodyEnd, Bytes.int32(buf, EPB_INTERFACE_OFFSET, bigEndian) & 0xFFFF_FFFFL);
                break;
            case OPB:
                packet(start, bodyEnd, Bytes.uint16(buf, EPB_INTERFACE_OFFSET, bigEndian));
                break;
            case SPB:
                simplePacket(start, bodyEnd);
                break;
            default:
                break;
        }
    }

    private void interfaceBlock(final long start, final int bodyEnd) throws IOException
    {
        if (bodyEnd < IDB_OPTIONS_OFFSET)
        {
            throw in.error(start, "interface description block length " + (bodyEnd + 4) + " (expected: at least "
                + (IDB_OPTIONS_OFFSET + 4) + ")");
        }
        if (interfaces == MAX_INTERFACES)
        {
            throw in.error(start, "more than " + MAX_INTERFACES + " interfaces in one section");
        }
        if (interfaces == linkTypes.length)
        {
            final int size = interfaces * 2;
            linkTypes = Arrays.copyOf(linkTypes, size);
            snapLengths = Arrays.copyOf(snapLengths, size);
            resolutions = Arrays.copyOf(resolutions, size);
            offsetSeconds = Arrays.copyOf(offsetSeconds, size);
        }
        final int i = interfaces++;
        linkTypes[i] = Bytes.uint16(buf, IDB_LINK_TYPE_OFFSET, bigEndian);
        snapLengths[i] = Bytes.int32(buf, IDB_SNAP_LENGTH_OFFSET, bigEndian) & 0xFFFF_FFFFL;
        resolutions[i] = DEFAULT_TSRESOL;
        offsetSeconds[i] = 0;
        int p = IDB_OPTIONS_OFFSET;
        while (p + 4 <= bodyEnd)
        {
            final int code = Bytes.uint16(buf, p, bigEndian);
            final int len = Bytes.uint16(buf, p + 2, bigEndian);
            if (code == OPT_END)
            {
                break;
            }
            if (p + 4 + len > bodyEnd)
            {
                throw in.error(start + p, "interface option " + code + " length " + len + " overruns the block");
            }
            if (code == OPT_TSRESOL && len >= 1)
            {
                resolutions[i] = buf[p + 4] & 0xFF;
            }
            else if (code == OPT_TSOFFSET && len >= 8)
            {
                offsetSeconds[i] = Bytes.int64(buf, p + 4, bigEndian);
            }
            p += 4 + ((len + 3) & ~3);
        }
    }

    /** An EPB or OPB (which share every offset but the interface id's width). */
    private void packet(final long start, final int bodyEnd, final long interfaceId) throws IOException
    {
        final int dataAt = EPB_DATA_OFFSET;
        if (bodyEnd < dataAt)
        {
            throw in.error(start, "packet block length " + (bodyEnd + 4) + " (expected: at least " + (dataAt + 4) + ")");
        }
        final int i = checkInterface(start, interfaceId);
        final long captured = Bytes.int32(buf, EPB_CAPTURED_LENGTH_OFFSET, bigEndian) & 0xFFFF_FFFFL;
        if (captured > bodyEnd - dataAt)
        {
            throw in.error(start, "packet captured length " + captured + " exceeds its block (" + (bodyEnd - dataAt) + " bytes)");
        }
        final long ts = ((Bytes.int32(buf, EPB_TIMESTAMP_OFFSET, bigEndian) & 0xFFFF_FFFFL) << 32)
            | (Bytes.int32(buf, EPB_TIMESTAMP_OFFSET + 4, bigEndian) & 0xFFFF_FFFFL);
        stats.frames++;
        sink.onFrame(linkTypes[i], toNanos(ts, resolutions[i], offsetSeconds[i]), buf, dataAt, (int)captured);
    }

    private void simplePacket(final long start, final int bodyEnd) throws IOException
    {
        if (bodyEnd < SPB_DATA_OFFSET)
        {
            throw in.error(start, "simple packet block length " + (bodyEnd + 4) + " (expected: at least " + (SPB_DATA_OFFSET + 4) + ")");
        }
        checkInterface(start, 0);
        long captured = Math.min(Bytes.int32(buf, SPB_ORIGINAL_LENGTH_OFFSET, bigEndian) & 0xFFFF_FFFFL, bodyEnd - SPB_DATA_OFFSET);
        if (snapLengths[0] != 0)
        {
            captured = Math.min(captured, snapLengths[0]);
        }
        stats.frames++;
        sink.onFrame(linkTypes[0], 0L, buf, SPB_DATA_OFFSET, (int)captured);
    }

    private int checkInterface(final long start, final long interfaceId) throws IOException
    {
        if (interfaceId >= interfaces)
        {
            throw in.error(start, "packet of interface " + interfaceId + " (expected: below " + interfaces
                + ", the interfaces described so far in this section)");
        }
        return (int)interfaceId;
    }

    /**
     * Converts a pcapng timestamp to nanoseconds since the epoch.
     *
     * @param ts            the 64-bit timestamp (unsigned) in units of the interface's resolution.
     * @param resolution    the {@code if_tsresol} byte: high bit clear, units are 10^-n s; set, 2^-n s.
     * @param offsetSeconds the {@code if_tsoffset} value.
     * @return nanoseconds since the epoch.
     */
    static long toNanos(final long ts, final int resolution, final long offsetSeconds)
    {
        final int n = resolution & 0x7F;
        final long offset = offsetSeconds * 1_000_000_000L;
        if ((resolution & 0x80) == 0)
        {
            if (n <= 9)
            {
                long scale = 1;
                for (int k = n; k < 9; k++)
                {
                    scale *= 10;
                }
                return ts * scale + offset;
            }
            long divisor = 1;
            for (int k = 9; k < n && k < 28; k++)
            {
                divisor = divisor > Long.MAX_VALUE / 10 ? divisor : divisor * 10;
            }
            return Long.divideUnsigned(ts, divisor) + offset;
        }
        if (n == 0)
        {
            return ts * 1_000_000_000L + offset;
        }
        if (n >= 64)
        {
            return offset;
        }
        final long seconds = ts >>> n;
        final long fraction = ts & ((1L << n) - 1);
        final long scaled = fraction << (64 - n);
        final long nanos = Math.multiplyHigh(scaled, 1_000_000_000L) + ((scaled >> 63) & 1_000_000_000L);
        return seconds * 1_000_000_000L + nanos + offset;
    }
}
