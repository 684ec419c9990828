package io.nocraven.core.capture;

/**
 * Finds the IPv4/IPv6 packet inside a link-layer frame and hands it to the {@link IpDissector}.
 * <pre>
 *  Ethernet (1)   dst MAC (6) | src MAC (6) | [TPID 0x8100/0x88a8/0x9100 (2) | TCI (2)]* | EtherType (2) | payload
 *  MPLS (EtherType 0x8847/0x8848)  [label (20 bits) | TC (3) | bottom of stack (1) | TTL (8)]+ | IPv4 or IPv6 by nibble
 *  SLL (113)      packet type (2) | ARPHRD (2) | address length (2) | address (8) | protocol (2) | payload
 *  SLL2 (276)     protocol (2) | reserved (2) | ifindex (4) | ARPHRD (2) | packet type (1) | addr len (1) | addr (8)
 *  NULL (0)       family (4, capturing host's byte order: 2 = IPv4; 10, 24, 28, 30 = IPv6) | payload
 *  LOOP (108)     family (4, network byte order) | payload
 *  RAW (101, 12, 14)  IPv4 or IPv6 by the version nibble; IPV4 (228) and IPV6 (229) one version only
 * </pre>
 */
final class LinkLayerDissector implements FrameSink
{
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_MPLS = 0x8847;
    private static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    private static final int MAX_VLAN_TAGS = 8;
    private static final int MAX_MPLS_LABELS = 16;

    private final IpDissector ip;
    private final CaptureStats stats;

    LinkLayerDissector(final IpDissector ip, final CaptureStats stats)
    {
        this.ip = ip;
        this.stats = stats;
    }

    @Override
    public void onFrame(final int linkType, final long timestampNanos, final byte[] buf, final int offset, final int length)
    {
        ip.onFrame();
        switch (linkType)
        {
            case LinkType.ETHERNET:
                ethernet(timestampNanos, buf, offset, length);
                break;
            case LinkType.LINUX_SLL:
                etherType(timestampNanos, buf, offset, length, 16, 14);
                break;
            case LinkType.LINUX_SLL2:
                etherType(timestampNanos, buf, offset, length, 20, 0);
                break;
            case LinkType.NULL:
                family(timestampNanos, buf, offset, length, false);
                break;
            case LinkType.LOOP:
                family(timestampNanos, buf, offset, length, true);
                break;
            case LinkType.RAW:
            case LinkType.RAW_12:
            case LinkType.RAW_14:
                raw(timestampNanos, buf, offset, length, 0);
                break;
            case LinkType.IPV4:
                raw(timestampNanos, buf, offset, length, 4);
                break;
            case LinkType.IPV6:
                raw(timestampNanos, buf, offset, length, 6);
                break;
            default:
                stats.unsupportedLinkTypeFrames++;
                break;
        }
    }

    private void ethernet(final long ts, final byte[] buf, final int offset, final int length)
    {
        int p = 12;
        int tags = 0;
        while (true)
        {
            if (p + 2 > length)
            {
                stats.truncatedFrames++;
                return;
            }
            final int type = Bytes.uint16(buf, offset + p);
            if ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && tags < MAX_VLAN_TAGS)
            {
                p += 4;
                tags++;
                continue;
            }
            network(ts, buf, offset + p + 2, length - p - 2, type);
            return;
        }
    }

    private void etherType(final long ts, final byte[] buf, final int offset, final int length, final int headerLength, final int typeAt)
    {
        if (length < headerLength)
        {
            stats.truncatedFrames++;
            return;
        }
        network(ts, buf, offset + headerLength, length - headerLength, Bytes.uint16(buf, offset + typeAt));
    }

    private void network(final long ts, final byte[] buf, final int offset, final int length, final int etherType)
    {
        if (etherType == ETHERTYPE_IPV4)
        {
            ip.onIpv4(ts, buf, offset, length);
        }
        else if (etherType == ETHERTYPE_IPV6)
        {
            ip.onIpv6(ts, buf, offset, length);
        }
        else if (etherType == ETHERTYPE_MPLS || etherType == ETHERTYPE_MPLS_MULTICAST)
        {
            mpls(ts, buf, offset, length);
        }
        else
        {
            stats.nonIpFrames++;
        }
    }

    private void mpls(final long ts, final byte[] buf, final int offset, final int length)
    {
        for (int p = 0, labels = 0; labels < MAX_MPLS_LABELS; p += 4, labels++)
        {
            if (p + 4 > length)
            {
                stats.truncatedFrames++;
                return;
            }
            if ((buf[offset + p + 2] & 0x01) != 0)
            {
                final int rest = length - p - 4;
                final int version = rest > 0 ? (buf[offset + p + 4] & 0xFF) >>> 4 : 0;
                if (version == 4)
                {
                    ip.onIpv4(ts, buf, offset + p + 4, rest);
                }
                else if (version == 6)
                {
                    ip.onIpv6(ts, buf, offset + p + 4, rest);
                }
                else
                {
                    stats.nonIpFrames++;
                }
                return;
            }
        }
        stats.nonIpFrames++;
    }

    private void family(final long ts, final byte[] buf, final int offset, final int length, final boolean networkOrder)
    {
        if (length < 4)
        {
            stats.truncatedFrames++;
            return;
        }
        int family = Bytes.int32(buf, offset, true);
        if (!networkOrder && (family & 0xFFFF) == 0)
        {
            family = Integer.reverseBytes(family);
        }
        if (family == 2)
        {
            ip.onIpv4(ts, buf, offset + 4, length - 4);
        }
        else if (family == 10 || family == 24 || family == 28 || family == 30)
        {
            ip.onIpv6(ts, buf, offset + 4, length - 4);
        }
        else
        {
            stats.nonIpFrames++;
        }
    }

    private void raw(final long ts, final byte[] buf, final int offset, final int length, final int only)
    {
        if (length < 1)
        {
            stats.truncatedFrames++;
            return;
        }
        final int version = (buf[offset] & 0xFF) >>> 4;
        if (version == 4 && only != 6)
        {
            ip.onIpv4(ts, buf, offset, length);
        }
        else if (version == 6 && only != 4)
        {
            ip.onIpv6(ts, buf, offset, length);
        }
        else
        {
            stats.malformedPackets++;
        }
    }
}
