package io.nocraven.core.capture;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Writes a classic pcap file (little-endian, microsecond or nanosecond timestamps). UDP datagrams given as
 * (time, source, destination, payload) get synthesized IPv4 or IPv6 and UDP headers with valid checksums, framed as
 * raw IP ({@link LinkType#RAW}) or Ethernet ({@link LinkType#ETHERNET}, locally administered MACs
 * {@code 02:00:00:00:00:01} to {@code 02:00:00:00:00:02}); {@link #writeFrame} writes any frame of the file's link
 * type as is. Used to hand out quarantined datagrams as a capture and by tests to build synthetic captures.
 * <p>
 * Not thread-safe. The stream is not buffered here: give a buffered one.
 */
public final class PcapWriter implements Closeable, Flushable
{
    /** Largest UDP payload over IPv4 (65,535 - 20 - 8). */
    public static final int MAX_UDP_PAYLOAD_IPV4 = 65_507;
    /** Largest UDP payload over IPv6 without jumbograms (65,535 - 8). */
    public static final int MAX_UDP_PAYLOAD_IPV6 = 65_527;

    private static final byte[] ETHERNET_IPV4 = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00};
    private static final byte[] ETHERNET_IPV6 = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, (byte)0x86, (byte)0xDD};

    private final OutputStream out;
    private final int linkType;
    private final boolean nanosecond;
    private final byte[] recordHeader = new byte[PcapDescriptor.RECORD_HEADER_LENGTH];

    /**
     * Writes the file header.
     *
     * @param out        where the file goes (closed by {@link #close}).
     * @param linkType   the file's link type, for example {@link LinkType#RAW} or {@link LinkType#ETHERNET}.
     * @param nanosecond true for nanosecond timestamps (magic {@code a1b23c4d}), false for microseconds.
     * @throws IOException when writing fails.
     */
    public PcapWriter(final OutputStream out, final int linkType, final boolean nanosecond) throws IOException
    {
        this.out = out;
        this.linkType = linkType;
        this.nanosecond = nanosecond;
        final byte[] header = new byte[PcapDescriptor.FILE_HEADER_LENGTH];
        putLe32(header, PcapDescriptor.MAGIC_OFFSET, nanosecond ? PcapDescriptor.MAGIC_NANOS : PcapDescriptor.MAGIC_MICROS);
        putLe32(header, PcapDescriptor.VERSION_OFFSET, 2 | (4 << 16));
        putLe32(header, PcapDescriptor.SNAP_LENGTH_OFFSET, 262_144);
        putLe32(header, PcapDescriptor.LINK_TYPE_OFFSET, linkType);
        out.write(header);
    }

    /**
     * Writes one UDP datagram with synthesized headers.
     *
     * @param timestampNanos capture time, nanoseconds since the epoch (0 .. 2^32 seconds).
     * @param source         sender; the same address family as {@code destination}.
     * @param destination    receiver.
     * @param payload        the datagram's payload.
     * @param offset         payload start.
     * @param length         payload length.
     * @throws IOException when writing fails.
     */
    public void writeUdp(final long timestampNanos, final InetSocketAddress source, final InetSocketAddress destination,
        final byte[] payload, final int offset, final int length) throws IOException
    {
        final byte[] packet = udpPacket(source, destination, payload, offset, length);
        if (linkType == LinkType.RAW)
        {
            writeFrame(timestampNanos, packet, 0, packet.length);
        }
        else if (linkType == LinkType.ETHERNET)
        {
            final byte[] frame = new byte[14 + packet.length];
            System.arraycopy(packet.length > 0 && (packet[0] >>> 4) == 4 ? ETHERNET_IPV4 : ETHERNET_IPV6, 0, frame, 0, 14);
            System.arraycopy(packet, 0, frame, 14, packet.length);
            writeFrame(timestampNanos, frame, 0, frame.length);
        }
        else
        {
            throw new IllegalStateException("link type " + linkType + " cannot carry synthesized datagrams (expected: "
                + LinkType.RAW + " raw IP or " + LinkType.ETHERNET + " Ethernet)");
        }
    }

    /**
     * Writes one frame of the file's link type as is.
     *
     * @param timestampNanos capture time, nanoseconds since the epoch (0 .. 2^32 seconds).
     * @param frame          the frame's bytes.
     * @param offset         frame start.
     * @param length         frame length.
     * @throws IOException when writing fails.
     */
    public void writeFrame(final long timestampNanos, final byte[] frame, final int offset, final int length) throws IOException
    {
        final long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        final long nanos = Math.floorMod(timestampNanos, 1_000_000_000L);
        if (seconds < 0 || seconds > 0xFFFF_FFFFL)
        {
            throw new IllegalArgumentException("timestamp " + timestampNanos + " ns (expected: 1970-01-01 .. 2106-02-07, pcap time range)");
        }
        putLe32(recordHeader, PcapDescriptor.SECONDS_OFFSET, (int)seconds);
        putLe32(recordHeader, PcapDescriptor.FRACTION_OFFSET, (int)(nanosecond ? nanos : nanos / 1000));
        putLe32(recordHeader, PcapDescriptor.CAPTURED_LENGTH_OFFSET, length);
        putLe32(recordHeader, PcapDescriptor.ORIGINAL_LENGTH_OFFSET, length);
        out.write(recordHeader);
        out.write(frame, offset, length);
    }

    /**
     * Builds an IPv4 or IPv6 packet carrying one UDP datagram (valid IPv4 header checksum and UDP checksum).
     *
     * @param source      sender.
     * @param destination receiver, same family as the sender.
     * @param payload     the datagram's payload.
     * @param offset      payload start.
     * @param length      payload length, at most {@link #MAX_UDP_PAYLOAD_IPV4} or {@link #MAX_UDP_PAYLOAD_IPV6}.
     * @return the packet, starting with the IP header.
     */
    public static byte[] udpPacket(final InetSocketAddress source, final InetSocketAddress destination, final byte[] payload,
        final int offset, final int length)
    {
        final InetAddress src = source.getAddress();
        final InetAddress dst = destination.getAddress();
        final boolean v4 = src instanceof Inet4Address;
        if (v4 != (dst instanceof Inet4Address))
        {
            throw new IllegalArgumentException("source " + source + " and destination " + destination + " (expected: one address family)");
        }
        if (length > (v4 ? MAX_UDP_PAYLOAD_IPV4 : MAX_UDP_PAYLOAD_IPV6))
        {
            throw new IllegalArgumentException("UDP payload of " + length + " bytes (expected: at most "
                + (v4 ? MAX_UDP_PAYLOAD_IPV4 : MAX_UDP_PAYLOAD_IPV6) + ")");
        }
        final byte[] srcBytes = src.getAddress();
        final byte[] dstBytes = dst.getAddress();
        final int ipHeader = v4 ? 20 : 40;
        final int udpLength = 8 + length;
        final byte[] packet = new byte[ipHeader + udpLength];
        if (v4)
        {
            packet[0] = 0x45;
            Bytes.putInt16(packet, 2, ipHeader + udpLength);
            Bytes.putInt16(packet, 6, 0x4000);
            packet[8] = 64;
            packet[9] = 17;
            System.arraycopy(srcBytes, 0, packet, 12, 4);
            System.arraycopy(dstBytes, 0, packet, 16, 4);
            Bytes.putInt16(packet, 10, ~checksum(packet, 0, 20, 0) & 0xFFFF);
        }
        else
        {
            packet[0] = 0x60;
            Bytes.putInt16(packet, 4, udpLength);
            packet[6] = 17;
            packet[7] = 64;
            System.arraycopy(srcBytes, 0, packet, 8, 16);
            System.arraycopy(dstBytes, 0, packet, 24, 16);
        }
        Bytes.putInt16(packet, ipHeader, source.getPort());
        Bytes.putInt16(packet, ipHeader + 2, destination.getPort());
        Bytes.putInt16(packet, ipHeader + 4, udpLength);
        System.arraycopy(payload, offset, packet, ipHeader + 8, length);
        final int addrAt = v4 ? 12 : 8;
        int pseudo = checksum(packet, addrAt, 2 * srcBytes.length, 0);
        pseudo += 17 + udpLength;
        int sum = ~checksum(packet, ipHeader, udpLength, pseudo) & 0xFFFF;
        if (sum == 0)
        {
            sum = 0xFFFF;
        }
        Bytes.putInt16(packet, ipHeader + 6, sum);
        return packet;
    }

    @Override
    public void flush() throws IOException
    {
        out.flush();
    }

    @Override
    public void close() throws IOException
    {
        out.close();
    }

    /** One's-complement sum (RFC 1071), folded to 16 bits, starting from {@code initial}. */
    private static int checksum(final byte[] buf, final int offset, final int length, final int initial)
    {
        long sum = initial & 0xFFFF_FFFFL;
        for (int i = 0; i + 1 < length; i += 2)
        {
            sum += ((buf[offset + i] & 0xFF) << 8) | (buf[offset + i + 1] & 0xFF);
        }
        if ((length & 1) != 0)
        {
            sum += (buf[offset + length - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int)sum;
    }

    private static void putLe32(final byte[] buf, final int offset, final int value)
    {
        buf[offset] = (byte)value;
        buf[offset + 1] = (byte)(value >>> 8);
        buf[offset + 2] = (byte)(value >>> 16);
        buf[offset + 3] = (byte)(value >>> 24);
    }
}
