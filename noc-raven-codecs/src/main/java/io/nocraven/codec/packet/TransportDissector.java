package io.nocraven.codec.packet;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.u16;
import static io.nocraven.codec.packet.WireBytes.u24;
import static io.nocraven.codec.packet.WireBytes.u32;
import static io.nocraven.codec.packet.WireBytes.u8;

/**
 * The transport layer of {@link PacketHeaderDecoder}: TCP, UDP (and VXLAN on UDP port 4789), ICMP, ICMPv6, and the
 * tunnels whose payload is another packet (GRE, IP-in-IP), handed back to the packet decoder as an {@code inner}
 * object. Each field is written only when its bytes were captured.
 */
final class TransportDissector
{
    private static final int VXLAN_PORT = 4789;
    private final PacketHeaderDecoder packet;

    TransportDissector(final PacketHeaderDecoder packet)
    {
        this.packet = packet;
    }

    void dissect(final int protocol, final boolean ipv6, final byte[] buf, final int pos, final int end,
        final RecordWriter out)
    {
        final int available = end - pos;
        switch (protocol)
        {
            case 6:
                tcp(buf, pos, available, out);
                break;
            case 17:
                udp(buf, pos, end, out);
                break;
            case 1:
                icmp("icmpTypeIPv4", "icmpCodeIPv4", "icmpTypeCodeIPv4", buf, pos, available, out);
                break;
            case 58:
                icmp("icmpTypeIPv6", "icmpCodeIPv6", "icmpTypeCodeIPv6", buf, pos, available, out);
                break;
            case 47:
                gre(buf, pos, end, out);
                break;
            case 4:
                packet.inner(4, buf, pos, end, out);
                break;
            case 41:
                packet.inner(6, buf, pos, end, out);
                break;
            default:
                break;
        }
    }

    private static void tcp(final byte[] buf, final int pos, final int available, final RecordWriter out)
    {
        if (available < 4)
        {
            return;
        }
        out.field("sourceTransportPort", u16(buf, pos));
        out.field("destinationTransportPort", u16(buf, pos + 2));
        if (available >= 12)
        {
            out.field("tcpSequenceNumber", u32(buf, pos + 4));
            out.field("tcpAcknowledgementNumber", u32(buf, pos + 8));
        }
        if (available >= 14)
        {
            out.field("tcpControlBits", u16(buf, pos + 12) & 0x0FFF);
        }
        if (available >= 16)
        {
            out.field("tcpWindowSize", u16(buf, pos + 14));
        }
    }

    private void udp(final byte[] buf, final int pos, final int end, final RecordWriter out)
    {
        final int available = end - pos;
        if (available < 4)
        {
            return;
        }
        final int destinationPort = u16(buf, pos + 2);
        out.field("sourceTransportPort", u16(buf, pos));
        out.field("destinationTransportPort", destinationPort);
        if (available < 8)
        {
            return;
        }
        out.field("udpMessageLength", u16(buf, pos + 4));
        if (destinationPort == VXLAN_PORT && available >= 16 && (u8(buf, pos + 8) & 0x08) != 0)
        {
            out.field("vxlanNetworkIdentifier", u24(buf, pos + 12));
            packet.inner(0, buf, pos + 16, end, out);
        }
    }

    private static void icmp(final String typeName, final String codeName, final String typeCodeName, final byte[] buf,
        final int pos, final int available, final RecordWriter out)
    {
        if (available < 2)
        {
            return;
        }
        final int type = u8(buf, pos);
        final int code = u8(buf, pos + 1);
        out.field(typeName, type);
        out.field(codeName, code);
        out.field(typeCodeName, (type << 8) | code);
    }

    private void gre(final byte[] buf, final int pos, final int end, final RecordWriter out)
    {
        if (end - pos < 4)
        {
            return;
        }
        final int flags = u16(buf, pos);
        final int protocolType = u16(buf, pos + 2);
        int headerLength = 4;
        if ((flags & 0x8000) != 0)
        {
            headerLength += 4;
        }
        if ((flags & 0x2000) != 0)
        {
            if (end - pos >= headerLength + 4)
            {
                out.field("greKey", u32(buf, pos + headerLength));
            }
            headerLength += 4;
        }
        if ((flags & 0x1000) != 0)
        {
            headerLength += 4;
        }
        if ((flags & 0x0007) != 0 || end - pos < headerLength)
        {
            return;
        }
        final int inner = pos + headerLength;
        if (protocolType == PacketHeaderDecoder.ETHERTYPE_TRANSPARENT_BRIDGING)
        {
            packet.inner(0, buf, inner, end, out);
        }
        else
        {
            packet.inner(protocolType, buf, inner, end, out);
        }
    }
}
