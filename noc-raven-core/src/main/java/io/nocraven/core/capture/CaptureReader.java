package io.nocraven.core.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a capture file and delivers what it carries to a {@link PacketHandler}: whole UDP datagrams (IPv4/IPv6
 * fragments reassembled) and in-order TCP payload bytes per direction, each with the frame's capture time in
 * nanoseconds since the epoch.
 * <p>
 * Formats: classic pcap in both byte orders with microsecond ({@code a1b2c3d4}) or nanosecond ({@code a1b23c4d})
 * timestamps ({@link PcapFormat}); pcapng with any number of sections in either byte order, interfaces with their own
 * link type and timestamp resolution ({@code if_tsresol}, powers of 10 and of 2; default microseconds) and offset,
 * Enhanced, Simple (no timestamp: delivered with time 0) and obsolete Packet blocks ({@link PcapngFormat}). Link
 * types: see {@link LinkType} and {@link LinkLayerDissector}. Network: {@link IpDissector} and {@link IpReassembler};
 * TCP: {@link TcpStreamReassembler}. What was seen and what was skipped is counted in the returned
 * {@link CaptureStats}; packets that cannot be dissected are counted, never thrown.
 * <p>
 * Errors: a file that is not a capture, or whose structure is broken (a truncated record or block, an impossible
 * length), raises {@link CaptureFormatException} naming the file and the byte offset of the record or block at fault.
 * Every complete packet before that point has been delivered first, and open TCP directions have been ended
 * ({@link PacketHandler#onTcpEnd}) before the exception is thrown, exactly as at a normal end of capture.
 * <p>
 * Why our own reader: the maintained Java libraries either bind native libpcap (pcap4j, jnetpcap: a native
 * dependency and no use on machines without libpcap) or cannot read pcapng; this reader is pure Java, has no
 * dependencies, and does only what the decoders need (UDP datagrams and TCP streams).
 */
public final class CaptureReader
{
    private CaptureReader()
    {
    }

    /**
     * Reads a capture file.
     *
     * @param file    the pcap or pcapng file.
     * @param handler receives datagrams and stream bytes.
     * @return what was seen.
     * @throws CaptureFormatException when the file is not a capture or is malformed (after delivering every packet
     *                                before the fault).
     * @throws IOException            when the file cannot be read.
     */
    public static CaptureStats read(final Path file, final PacketHandler handler) throws IOException
    {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16))
        {
            return read(in, file, handler);
        }
    }

    /**
     * Reads a capture held in memory.
     *
     * @param capture the capture bytes.
     * @param name    the name used in error messages.
     * @param handler receives datagrams and stream bytes.
     * @return what was seen.
     * @throws CaptureFormatException when the bytes are not a capture or are malformed.
     */
    public static CaptureStats read(final byte[] capture, final Path name, final PacketHandler handler) throws CaptureFormatException
    {
        try
        {
            return read(new ByteArrayInputStream(capture), name, handler);
        }
        catch (final CaptureFormatException ex)
        {
            throw ex;
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("reading a byte array cannot fail: " + ex, ex);
        }
    }

    /**
     * Reads a capture from a stream (not closed here; buffered here unless it is a buffered or byte-array stream).
     *
     * @param in      the capture bytes.
     * @param name    the name used in error messages.
     * @param handler receives datagrams and stream bytes.
     * @return what was seen.
     * @throws CaptureFormatException when the bytes are not a capture or are malformed.
     * @throws IOException            when the stream fails.
     */
    public static CaptureStats read(final InputStream in, final Path name, final PacketHandler handler) throws IOException
    {
        final CaptureStats stats = new CaptureStats();
        final boolean buffered = in instanceof BufferedInputStream || in instanceof ByteArrayInputStream;
        final CaptureInput input = new CaptureInput(buffered ? in : new BufferedInputStream(in, 1 << 16), name);
        final EndpointCache endpoints = new EndpointCache();
        final TcpStreamReassembler tcp = new TcpStreamReassembler(handler, endpoints, stats);
        final IpDissector ip = new IpDissector(new TransportDissector(handler, tcp, endpoints, stats), stats);
        final long[] lastTimestamp = new long[1];
        final LinkLayerDissector link = new LinkLayerDissector(ip, stats);
        final FrameSink sink = (linkType, ts, buf, offset, length) ->
        {
            lastTimestamp[0] = ts;
            link.onFrame(linkType, ts, buf, offset, length);
        };

        final byte[] header = new byte[32];
        final int n = input.read(header, 0, 4);
        final int magic = n == 4 ? Bytes.int32(header, 0, true) : 0;
        try
        {
            if (n == 4 && PcapDescriptor.isMagic(magic))
            {
                PcapFormat.read(input, header, sink, stats);
            }
            else if (n == 4 && magic == PcapngDescriptor.SHB)
            {
                PcapngFormat.read(input, header, sink, stats);
            }
            else
            {
                throw input.error(0, n < 4
                    ? "not a capture file: " + n + " bytes (expected: a pcap or pcapng header)"
                    : String.format("not a capture file: magic 0x%08x (expected: pcap a1b2c3d4 or a1b23c4d in either byte order,"
                        + " or pcapng 0a0d0d0a)", magic));
            }
        }
        catch (final CaptureFormatException ex)
        {
            ip.finish();
            tcp.finish(lastTimestamp[0]);
            throw ex;
        }
        ip.finish();
        tcp.finish(lastTimestamp[0]);
        return stats;
    }

    /**
     * Tells whether a file starts like a pcap or pcapng capture (only the first four bytes are read), so that callers
     * can treat other files differently (for example as one raw datagram).
     *
     * @param file the file.
     * @return true for a pcap magic in either byte order or the pcapng section header block type.
     * @throws IOException when the file cannot be read.
     */
    public static boolean isCaptureFile(final Path file) throws IOException
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] magic = in.readNBytes(4);
            return isCapture(magic, 0, magic.length);
        }
    }

    /**
     * @param buf    the first bytes of a file.
     * @param offset where they start.
     * @param length how many there are.
     * @return true when they start with a pcap or pcapng magic.
     */
    public static boolean isCapture(final byte[] buf, final int offset, final int length)
    {
        if (length < 4)
        {
            return false;
        }
        final int magic = Bytes.int32(buf, offset, true);
        return PcapDescriptor.isMagic(magic) || magic == PcapngDescriptor.SHB;
    }
}
