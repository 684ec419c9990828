package io.nocraven.codec.packet;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u16;
import static io.nocraven.codec.packet.WireBytes.u32;
import static io.nocraven.codec.packet.WireBytes.u8;

/**
 * Dissects a captured packet header (the first bytes of a frame, as sFlow's raw packet header record or a PSAMP
 * section carries them) and writes what it finds as IANA-named members of the currently open JSON object:
 * Ethernet, up to two 802.1Q/802.1ad tags (more are skipped), an MPLS label stack (up to 10 labels written), IPv4,
 * IPv6 with its extension headers, and TCP/UDP/ICMP/ICMPv6 ({@link TransportDissector}). The packet carried by GRE,
 * VXLAN (UDP port 4789) or IP-in-IP is written the same way inside a nested {@code inner} object (one level).
 * <p>
 * Every read is bounds-checked against the end of the captured bytes: a layer that is cut short by the snap length
 * is simply not written (the layers before it are), which is normal for sampled headers. Nothing is thrown and no
 * loop runs without consuming bytes. Written by hand: the Java packet libraries (pcap4j, Kaitai runtimes) allocate
 * an object per layer per packet, and this runs once per sampled packet.
 */
public final class PacketHeaderDecoder
{
    /** sFlow header_protocol / ifType value for Ethernet. */
    public static final int HEADER_ETHERNET = 1;
    /** sFlow header_protocol value for a bare IPv4 packet. */
    public static final int HEADER_IPV4 = 11;
    /** sFlow header_protocol value for a bare IPv6 packet. */
    public static final int HEADER_IPV6 = 12;
    /** sFlow header_protocol value for MPLS. */
    public static final int HEADER_MPLS = 13;

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_MPLS = 0x8847;
    static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    static final int ETHERTYPE_TRANSPARENT_BRIDGING = 0x6558;

    private static final int MAX_VLAN_TAGS = 8;
    private static final int MAX_MPLS_LABELS = 16;
    private static final int MAX_IPV6_EXTENSIONS = 8;
    private static final String[] MPLS_SECTIONS = {
        "mplsTopLabelStackSection", "mplsLabelStackSection2", "mplsLabelStackSection3", "mplsLabelStackSection4",
        "mplsLabelStackSection5", "mplsLabelStackSection6", "mplsLabelStackSection7", "mplsLabelStackSection8",
        "mplsLabelStackSection9", "mplsLabelStackSection10"};

    private final TransportDissector transport = new TransportDissector(this);
    private int outerIpVersion;
    private int depth;

    /**
     * Writes the fields of one captured header into the open object of {@code out}.
     *
     * @param headerProtocol what the first byte is: {@link #HEADER_ETHERNET}, {@link #HEADER_IPV4},
     *                       {@link #HEADER_IPV6} or {@link #HEADER_MPLS}; other values write nothing.
     * @param buf            the bytes.
     * @param offset         first byte of the captured header.
     * @param length         captured length.
     * @param out            where the members go (an object must be open).
     * @return the IP version of the outer packet (4 or 6), or 0 when no IP header was decoded.
     */
    public int decode(final int headerProtocol, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        outerIpVersion = 0;
        depth = 0;
        final int end = offset + length;
        switch (headerProtocol)
        {
            case HEADER_ETHERNET:
                ethernet(buf, offset, end, out);
                break;
            case HEADER_IPV4:
            case HEADER_IPV6:
                ip(buf, offset, end, out);
                break;
            case HEADER_MPLS:
                mpls(buf, offset, end, out);
                break;
            default:
                break;
        }
        return outerIpVersion;
    }

    void ethernet(final byte[] buf, final int offset, final int end, final RecordWriter out)
    {
        if (end - offset < 14)
        {
            return;
        }
        out.name("destinationMacAddress");
        out.macValue(buf, offset);
        out.name("sourceMacAddress");
        out.macValue(buf, offset + 6);
        int type = u16(buf, offset + 12);
        int pos = offset + 14;
        int tags = 0;
        while ((type == 0x8100 || type == 0x88A8 || type == 0x9100) && tags < MAX_VLAN_TAGS && end - pos >= 4)
        {
            final int tci = u16(buf, pos);
            if (tags == 0)
            {
                out.field("dot1qVlanId", tci & 0x0FFF);
                out.field("dot1qPriority", tci >>> 13);
            }
            else if (tags == 1)
            {
                out.field("dot1qCustomerVlanId", tci & 0x0FFF);
                out.field("dot1qCustomerPriority", tci >>> 13);
            }
            type = u16(buf, pos + 2);
            pos += 4;
            tags++;
        }
        out.field("ethernetType", type);
        etherPayload(type, buf, pos, end, out);
    }

    void etherPayload(final int type, final byte[] buf, final int pos, final int end, final RecordWriter out)
    {
        switch (type)
        {
            case ETHERTYPE_IPV4:
            case ETHERTYPE_IPV6:
                ip(buf, pos, end, out);
                break;
            case ETHERTYPE_MPLS:
            case ETHERTYPE_MPLS_MULTICAST:
                mpls(buf, pos, end, out);
                break;
            default:
                break;
        }
    }

    private void mpls(final byte[] buf, final int offset, final int end, final RecordWriter out)
    {
        int pos = offset;
        int labels = 0;
        boolean bottom = false;
        while (!bottom && labels < MAX_MPLS_LABELS && end - pos >= 4)
        {
            if (labels < MPLS_SECTIONS.length)
            {
                out.name(MPLS_SECTIONS[labels]);
                out.hexValue(buf, pos, 3);
            }
            if (labels == 0)
            {
                out.field("mplsTopLabelTTL", u8(buf, pos + 3));
            }
            bottom = (buf[pos + 2] & 0x01) != 0;
            pos += 4;
            labels++;
        }
        if (labels > 0)
        {
            out.field("mplsLabelStackDepth", labels);
        }
        if (bottom)
        {
            ip(buf, pos, end, out);
        }
    }

    /**
     * Decodes an IPv4 or IPv6 header by its version nibble.
     */
    void ip(final byte[] buf, final int offset, final int end, final RecordWriter out)
    {
        if (end - offset < 1)
        {
            return;
        }
        final int version = u8(buf, offset) >>> 4;
        if (version == 4)
        {
            ipv4(buf, offset, end, out);
        }
        else if (version == 6)
        {
            ipv6(buf, offset, end, out);
        }
    }

    private void ipv4(final byte[] buf, final int offset, final int end, final RecordWriter out)
    {
        final int headerLength = (u8(buf, offset) & 0x0F) * 4;
        if (end - offset < 20 || headerLength < 20)
        {
            return;
        }
        noteIpVersion(4);
        out.field("ipVersion", 4);
        out.name("sourceIPv4Address");
        out.ipv4Value(i32(buf, offset + 12));
        out.name("destinationIPv4Address");
        out.ipv4Value(i32(buf, offset + 16));
        final int protocol = u8(buf, offset + 9);
        out.field("protocolIdentifier", protocol);
        out.field("ipClassOfService", u8(buf, offset + 1));
        out.field("ipTTL", u8(buf, offset + 8));
        out.field("totalLengthIPv4", u16(buf, offset + 2));
        out.field("fragmentIdentification", u16(buf, offset + 4));
        final int flagsAndOffset = u16(buf, offset + 6);
        out.field("fragmentFlags", flagsAndOffset >>> 13);
        final int fragmentOffset = flagsAndOffset & 0x1FFF;
        out.field("fragmentOffset", fragmentOffset);
        if (fragmentOffset == 0 && end - offset >= headerLength)
        {
            transport.dissect(protocol, false, buf, offset + headerLength, end, out);
        }
    }

    private void ipv6(final byte[] buf, final int offset, final int end, final RecordWriter out)
    {
        if (end - offset < 40)
        {
            return;
        }
        noteIpVersion(6);
        final int first = i32(buf, offset);
        out.field("ipVersion", 6);
        out.name("sourceIPv6Address");
        out.ipv6Value(buf, offset + 8);
        out.name("destinationIPv6Address");
        out.ipv6Value(buf, offset + 24);
        out.field("ipClassOfService", (first >>> 20) & 0xFF);
        out.field("flowLabelIPv6", first & 0xFFFFF);
        out.field("ipPayloadLength", u16(buf, offset + 4));
        out.field("ipTTL", u8(buf, offset + 7));
        int next = u8(buf, offset + 6);
        out.field("nextHeaderIPv6", next);
        int pos = offset + 40;
        boolean firstFragment = true;
        int extensions = 0;
        while (extensions < MAX_IPV6_EXTENSIONS && isExtension(next) && end - pos >= 8)
        {
            final int length;
            if (next == 44)
            {
                final int fragmentOffset = u16(buf, pos + 2) >>> 3;
                out.field("fragmentOffset", fragmentOffset);
                out.field("fragmentIdentification", u32(buf, pos + 4));
                firstFragment = fragmentOffset == 0;
                length = 8;
            }
            else if (next == 51)
            {
                length = (u8(buf, pos + 1) + 2) * 4;
            }
            else
            {
                length = (u8(buf, pos + 1) + 1) * 8;
            }
            next = u8(buf, pos);
            pos += length;
            extensions++;
        }
        out.field("protocolIdentifier", next);
        if (firstFragment && !isExtension(next) && pos <= end)
        {
            transport.dissect(next, true, buf, pos, end, out);
        }
    }

    /**
     * Writes the packet carried inside a tunnel as a nested {@code inner} object, one level deep.
     *
     * @param kind 0 = Ethernet frame, 4/6 = IP packet by version nibble, otherwise an EtherType.
     */
    void inner(final int kind, final byte[] buf, final int offset, final int end, final RecordWriter out)
    {
        if (depth > 0 || offset >= end)
        {
            return;
        }
        depth++;
        out.name("inner");
        out.startObject();
        if (kind == 0)
        {
            ethernet(buf, offset, end, out);
        }
        else if (kind == 4 || kind == 6)
        {
            ip(buf, offset, end, out);
        }
        else
        {
            etherPayload(kind, buf, offset, end, out);
        }
        out.endObject();
        depth--;
    }

    private void noteIpVersion(final int version)
    {
        if (depth == 0 && outerIpVersion == 0)
        {
            outerIpVersion = version;
        }
    }

    private static boolean isExtension(final int next)
    {
        return next == 0 || next == 43 || next == 44 || next == 51 || next == 60;
    }
}
