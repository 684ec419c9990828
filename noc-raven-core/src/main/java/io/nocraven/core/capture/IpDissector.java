package io.nocraven.core.capture;

/**
 * Parses IPv4 headers (options skipped, checksum not checked) and IPv6 headers with their extension headers, sends
 * fragments to the {@link IpReassembler} and whole transport payloads to the {@link TransportDissector}.
 * <pre>
 *  IPv4: version|IHL (1) | TOS (1) | total length (2) | id (2) | flags|fragment offset (2) | TTL (1) | protocol (1)
 *        | checksum (2) | source (4) | destination (4) | options (IHL*4 - 20) | payload
 *  IPv6: version|class|flow (4) | payload length (2) | next header (1) | hop limit (1) | source (16) | destination (16)
 *        | extension headers: hop-by-hop (0), routing (43), destination options (60), mobility (135),
 *          HIP (139), shim6 (140): next (1) | length in 8 octets - 1 (1) | ...; AH (51): length in 4 octets - 2;
 *          fragment (44): next (1) | reserved (1) | offset (13 bits) | res (2) | M (1) | identification (4)
 * </pre>
 */
final class IpDissector implements IpReassembler.Sink
{
    private static final int FRAGMENT = 44;
    private static final int NO_NEXT_HEADER = 59;

    private final TransportDissector transport;
    private final IpReassembler reassembler;
    private final CaptureStats stats;

    IpDissector(final TransportDissector transport, final CaptureStats stats)
    {
        this.transport = transport;
        this.stats = stats;
        this.reassembler = new IpReassembler(this, stats);
    }

    /** Called once per frame, before its packet (ages pending reassemblies). */
    void onFrame()
    {
        reassembler.onFrame();
    }

    void onIpv4(final long ts, final byte[] buf, final int offset, final int length)
    {
        if (length < 20)
        {
            stats.truncatedFrames++;
            return;
        }
        final int first = buf[offset] & 0xFF;
        final int headerLength = (first & 0x0F) * 4;
        final int total = Bytes.uint16(buf, offset + 2);
        if (first >>> 4 != 4 || headerLength < 20 || total < headerLength)
        {
            stats.malformedPackets++;
            return;
        }
        if (total > length)
        {
            stats.truncatedFrames++;
            return;
        }
        final int flags = Bytes.uint16(buf, offset + 6);
        final int fragmentAt = (flags & 0x1FFF) * 8;
        final boolean more = (flags & 0x2000) != 0;
        final int protocol = buf[offset + 9] & 0xFF;
        if (more || fragmentAt != 0)
        {
            reassembler.add(ts, 4, buf, offset + 12, offset + 16, 4, protocol, Bytes.uint16(buf, offset + 4), fragmentAt, more,
                buf, offset + headerLength, total - headerLength);
            return;
        }
        transport.onTransport(ts, buf, offset + 12, offset + 16, 4, protocol, buf, offset + headerLength, total - headerLength);
    }

    void onIpv6(final long ts, final byte[] buf, final int offset, final int length)
    {
        if (length < 40)
        {
            stats.truncatedFrames++;
            return;
        }
        final int payloadLength = Bytes.uint16(buf, offset + 4);
        if ((buf[offset] & 0xFF) >>> 4 != 6 || payloadLength == 0)
        {
            stats.malformedPackets++;
            return;
        }
        if (40 + payloadLength > length)
        {
            stats.truncatedFrames++;
            return;
        }
        extensionHeaders(ts, buf, offset + 8, buf[offset + 6] & 0xFF, buf, offset + 40, offset + 40 + payloadLength, true);
    }

    @Override
    public void onReassembled(final long ts, final int version, final byte[] addr, final int addrLength, final int protocol,
        final byte[] buf, final int length)
    {
        if (version == 4)
        {
            transport.onTransport(ts, addr, 0, addrLength, addrLength, protocol, buf, 0, length);
        }
        else
        {
            extensionHeaders(ts, addr, 0, protocol, buf, 0, length, false);
        }
    }

    /** Ends the capture: pending reassemblies are counted incomplete. */
    void finish()
    {
        reassembler.finish();
    }

    private void extensionHeaders(final long ts, final byte[] addr, final int srcAt, final int firstHeader, final byte[] buf,
        final int start, final int end, final boolean fragmentAllowed)
    {
        int next = firstHeader;
        int p = start;
        while (true)
        {
            final int headerLength;
            switch (next)
            {
                case 0:
                case 43:
                case 60:
                case 135:
                case 139:
                case 140:
                    headerLength = p + 2 <= end ? ((buf[p + 1] & 0xFF) + 1) * 8 : Integer.MAX_VALUE;
                    break;
                case 51:
                    headerLength = p + 2 <= end ? ((buf[p + 1] & 0xFF) + 2) * 4 : Integer.MAX_VALUE;
                    break;
                case FRAGMENT:
                    if (!fragmentAllowed || p + 8 > end)
                    {
                        stats.malformedPackets++;
                        return;
                    }
                    final int field = Bytes.uint16(buf, p + 2);
                    final boolean more = (field & 1) != 0;
                    final int fragmentAt = field & 0xFFF8;
                    if (!more && fragmentAt == 0)
                    {
                        headerLength = 8;
                        break;
                    }
                    reassembler.add(ts, 6, addr, srcAt, srcAt + 16, 16, buf[p] & 0xFF, Bytes.int32(buf, p + 4), fragmentAt, more,
                        buf, p + 8, end - p - 8);
                    return;
                case NO_NEXT_HEADER:
                    stats.otherIpPackets++;
                    return;
                default:
                    transport.onTransport(ts, addr, srcAt, srcAt + 16, 16, next, buf, p, end - p);
                    return;
            }
            if (headerLength > end - p)
            {
                stats.malformedPackets++;
                return;
            }
            next = buf[p] & 0xFF;
            p += headerLength;
        }
    }
}
