package io.nocraven.buffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts UDP payloads from a classic little-endian pcap with Ethernet framing (what the shared fixtures are), for
 * the capacity measurement only. The project's capture reader is written in parallel in core; this minimal parser
 * exists so the measurement does not wait for it. Non-UDP and non-Ethernet frames are skipped.
 */
final class UdpPayloads
{
    private static final int PCAP_MAGIC_LE = 0xA1B2C3D4;
    private static final int LINKTYPE_ETHERNET = 1;

    private UdpPayloads()
    {
    }

    static List<byte[]> fromResource(final String resource) throws IOException
    {
        try (InputStream in = UdpPayloads.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IOException("missing test resource " + resource);
            }
            return parse(ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN));
        }
    }

    private static List<byte[]> parse(final ByteBuffer pcap)
    {
        final List<byte[]> payloads = new ArrayList<>();
        if (pcap.getInt(0) != PCAP_MAGIC_LE || pcap.getInt(20) != LINKTYPE_ETHERNET)
        {
            return payloads;
        }
        int at = 24;
        while (at + 16 <= pcap.limit())
        {
            final int captured = pcap.getInt(at + 8);
            final int frame = at + 16;
            if (captured < 0 || frame + captured > pcap.limit())
            {
                break;
            }
            final byte[] payload = udpPayload(pcap, frame, captured);
            if (payload != null)
            {
                payloads.add(payload);
            }
            at = frame + captured;
        }
        return payloads;
    }

    private static byte[] udpPayload(final ByteBuffer pcap, final int frame, final int length)
    {
        final ByteBuffer be = pcap.duplicate().order(ByteOrder.BIG_ENDIAN);
        int at = frame + 12;
        int etherType = be.getShort(at) & 0xFFFF;
        at += 2;
        if (etherType == 0x8100 && at + 4 <= frame + length)
        {
            etherType = be.getShort(at + 2) & 0xFFFF;
            at += 4;
        }
        final int protocol;
        if (etherType == 0x0800 && at + 20 <= frame + length)
        {
            protocol = be.get(at + 9) & 0xFF;
            at += (be.get(at) & 0x0F) * 4;
        }
        else if (etherType == 0x86DD && at + 40 <= frame + length)
        {
            protocol = be.get(at + 6) & 0xFF;
            at += 40;
        }
        else
        {
            return null;
        }
        if (protocol != 17 || at + 8 > frame + length)
        {
            return null;
        }
        final int udpLength = be.getShort(at + 4) & 0xFFFF;
        final int payloadLength = Math.min(udpLength - 8, frame + length - at - 8);
        if (payloadLength <= 0)
        {
            return null;
        }
        final byte[] payload = new byte[payloadLength];
        be.get(at + 8, payload);
        return payload;
    }
}
