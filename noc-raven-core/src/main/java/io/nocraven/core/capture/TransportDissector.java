package io.nocraven.core.capture;

/**
 * Hands UDP datagrams to the {@link PacketHandler} and TCP segments to the {@link TcpStreamReassembler}; counts the
 * rest. The UDP length field bounds the payload (link-layer padding is dropped); checksums are not checked.
 * <pre>
 *  UDP: source port (2) | destination port (2) | length (2, header included) | checksum (2) | payload
 *  TCP: source port (2) | destination port (2) | sequence (4) | ack (4) | data offset (4 bits) | flags (12 bits)
 *       | window (2) | checksum (2) | urgent (2) | options (data offset * 4 - 20) | payload
 * </pre>
 */
final class TransportDissector
{
    private static final int TCP = 6;
    private static final int UDP = 17;

    private final PacketHandler handler;
    private final TcpStreamReassembler tcp;
    private final EndpointCache endpoints;
    private final CaptureStats stats;

    TransportDissector(final PacketHandler handler, final TcpStreamReassembler tcp, final EndpointCache endpoints, final CaptureStats stats)
    {
        this.handler = handler;
        this.tcp = tcp;
        this.endpoints = endpoints;
        this.stats = stats;
    }

    /**
     * @param addr       holds both addresses.
     * @param srcAt      where the source address starts in {@code addr}.
     * @param dstAt      where the destination address starts in {@code addr}.
     * @param addrLength 4 or 16.
     * @param protocol   IP protocol number.
     */
    void onTransport(final long ts, final byte[] addr, final int srcAt, final int dstAt, final int addrLength, final int protocol,
        final byte[] buf, final int offset, final int length)
    {
        if (protocol == UDP)
        {
            if (length < 8)
            {
                stats.malformedPackets++;
                return;
            }
            final int udpLength = Bytes.uint16(buf, offset + 4);
            if (udpLength < 8 || udpLength > length)
            {
                stats.malformedPackets++;
                return;
            }
            stats.udpDatagrams++;
            handler.onUdp(ts, endpoints.get(addr, srcAt, addrLength, Bytes.uint16(buf, offset)),
                endpoints.get(addr, dstAt, addrLength, Bytes.uint16(buf, offset + 2)), buf, offset + 8, udpLength - 8);
        }
        else if (protocol == TCP)
        {
            if (length < 20)
            {
                stats.malformedPackets++;
                return;
            }
            final int dataOffset = ((buf[offset + 12] & 0xFF) >>> 4) * 4;
            if (dataOffset < 20 || dataOffset > length)
            {
                stats.malformedPackets++;
                return;
            }
            stats.tcpSegments++;
            tcp.onSegment(ts, addr, srcAt, dstAt, addrLength, Bytes.uint16(buf, offset), Bytes.uint16(buf, offset + 2),
                Bytes.int32(buf, offset + 4), buf[offset + 13] & 0xFF, buf, offset + dataOffset, length - dataOffset);
        }
        else
        {
            stats.otherIpPackets++;
        }
    }
}
