package io.nocraven.codec.sflow;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;

/**
 * The sFlow flow records that describe the sampled packet by its parsed fields instead of its bytes: sampled
 * Ethernet (format 2, 24 bytes), sampled IPv4 (format 3, 32 bytes) and sampled IPv6 (format 4, 56 bytes). Each
 * method checks the body length first and writes nothing when it is too short.
 */
final class SampledPacketRecords
{
    private SampledPacketRecords()
    {
    }

    static boolean ethernet(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 24)
        {
            return false;
        }
        out.field("dataLinkFrameSize", u32(buf, body));
        out.name("sourceMacAddress");
        out.macValue(buf, body + 4);
        out.name("destinationMacAddress");
        out.macValue(buf, body + 12);
        out.field("ethernetType", u32(buf, body + 20));
        return true;
    }

    static boolean ipv4(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 32)
        {
            return false;
        }
        out.field("ipVersion", 4);
        out.field("ipTotalLength", u32(buf, body));
        out.field("protocolIdentifier", u32(buf, body + 4));
        out.name("sourceIPv4Address");
        out.ipv4Value(i32(buf, body + 8));
        out.name("destinationIPv4Address");
        out.ipv4Value(i32(buf, body + 12));
        transport(buf, body + 16, out);
        out.field("ipClassOfService", u32(buf, body + 28));
        return true;
    }

    static boolean ipv6(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 56)
        {
            return false;
        }
        out.field("ipVersion", 6);
        out.field("ipTotalLength", u32(buf, body));
        out.field("protocolIdentifier", u32(buf, body + 4));
        out.name("sourceIPv6Address");
        out.ipv6Value(buf, body + 8);
        out.name("destinationIPv6Address");
        out.ipv6Value(buf, body + 24);
        transport(buf, body + 40, out);
        out.field("ipClassOfService", u32(buf, body + 52));
        return true;
    }

    private static void transport(final byte[] buf, final int at, final RecordWriter out)
    {
        out.field("sourceTransportPort", u32(buf, at));
        out.field("destinationTransportPort", u32(buf, at + 4));
        out.field("tcpControlBits", u32(buf, at + 8));
    }
}
