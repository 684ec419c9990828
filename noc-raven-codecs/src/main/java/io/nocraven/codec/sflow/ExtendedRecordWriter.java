package io.nocraven.codec.sflow;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;

/**
 * The sFlow extended flow records: switch (1001), router (1002), gateway (1003, see {@link GatewayRecordWriter}),
 * user (1004), URL (1005), MPLS (1006), NAT (1007) and the dropped-packet records egress queue (1036), ACL (1037)
 * and function (1038). Every method walks the body to check that it fits before it writes anything.
 */
final class ExtendedRecordWriter
{
    private final GatewayRecordWriter gateway = new GatewayRecordWriter();

    /**
     * @param ipVersion the sampled packet's IP version (4, 6, or 0 when unknown): picks the IPv4 or IPv6 names of
     *                  the router record's prefix lengths.
     * @return false when the format is unknown or the body too short (nothing written).
     */
    boolean write(final int format, final byte[] buf, final int body, final int end, final int ipVersion,
        final RecordWriter out)
    {
        switch (format)
        {
            case FlowRecordWriter.EXTENDED_SWITCH:
                return extendedSwitch(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_ROUTER:
                return router(buf, body, end, ipVersion, out);
            case FlowRecordWriter.EXTENDED_GATEWAY:
                return gateway.write(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_USER:
                return user(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_URL:
                return url(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_MPLS:
                return mpls(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_NAT:
                return nat(buf, body, end, out);
            case FlowRecordWriter.EGRESS_QUEUE:
                return egressQueue(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_ACL:
                return acl(buf, body, end, out);
            case FlowRecordWriter.EXTENDED_FUNCTION:
                return function(buf, body, end, out);
            default:
                return false;
        }
    }

    private static boolean extendedSwitch(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 16)
        {
            return false;
        }
        out.field("vlanId", u32(buf, body));
        out.field("vlanPriority", u32(buf, body + 4));
        out.field("postVlanId", u32(buf, body + 8));
        out.field("postVlanPriority", u32(buf, body + 12));
        return true;
    }

    private static boolean router(final byte[] buf, final int body, final int end, final int ipVersion,
        final RecordWriter out)
    {
        final int masks = Xdr.addressEnd(buf, body, end);
        if (masks < 0 || end - masks < 8)
        {
            return false;
        }
        Xdr.writeAddress("ipNextHopIPv4Address", "ipNextHopIPv6Address", buf, body, out);
        final boolean v6 = ipVersion == 6;
        out.field(v6 ? "sourceIPv6PrefixLength" : "sourceIPv4PrefixLength", u32(buf, masks));
        out.field(v6 ? "destinationIPv6PrefixLength" : "destinationIPv4PrefixLength", u32(buf, masks + 4));
        return true;
    }

    private static boolean user(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 4)
        {
            return false;
        }
        final int sourceUser = body + 4;
        final int destinationCharset = Xdr.stringEnd(buf, sourceUser, end);
        if (destinationCharset < 0 || end - destinationCharset < 4
            || Xdr.stringEnd(buf, destinationCharset + 4, end) < 0)
        {
            return false;
        }
        out.field("sourceUserCharset", u32(buf, body));
        Xdr.writeString("sourceUserName", buf, sourceUser, out);
        out.field("destinationUserCharset", u32(buf, destinationCharset));
        Xdr.writeString("destinationUserName", buf, destinationCharset + 4, out);
        return true;
    }

    private static boolean url(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 4)
        {
            return false;
        }
        final int host = Xdr.stringEnd(buf, body + 4, end);
        if (host < 0 || Xdr.stringEnd(buf, host, end) < 0)
        {
            return false;
        }
        out.field("urlDirection", u32(buf, body));
        Xdr.writeString("httpRequestTarget", buf, body + 4, out);
        Xdr.writeString("httpRequestHost", buf, host, out);
        return true;
    }

    private static boolean mpls(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        final int in = Xdr.addressEnd(buf, body, end);
        final int outStack = in < 0 ? -1 : Xdr.wordListEnd(buf, in, end);
        if (outStack < 0 || Xdr.wordListEnd(buf, outStack, end) < 0)
        {
            return false;
        }
        Xdr.writeAddress("mplsNextHopIPv4Address", "mplsNextHopIPv6Address", buf, body, out);
        Xdr.writeWordList("mplsInLabelStack", buf, in, out);
        Xdr.writeWordList("mplsOutLabelStack", buf, outStack, out);
        return true;
    }

    private static boolean nat(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        final int destination = Xdr.addressEnd(buf, body, end);
        if (destination < 0 || Xdr.addressEnd(buf, destination, end) < 0)
        {
            return false;
        }
        Xdr.writeAddress("postNATSourceIPv4Address", "postNATSourceIPv6Address", buf, body, out);
        Xdr.writeAddress("postNATDestinationIPv4Address", "postNATDestinationIPv6Address", buf, destination, out);
        return true;
    }

    private static boolean egressQueue(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 4)
        {
            return false;
        }
        out.field("egressQueue", u32(buf, body));
        return true;
    }

    private static boolean acl(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (end - body < 4)
        {
            return false;
        }
        final int direction = Xdr.stringEnd(buf, body + 4, end);
        if (direction < 0 || end - direction < 4)
        {
            return false;
        }
        out.field("aclNumber", u32(buf, body));
        Xdr.writeString("aclName", buf, body + 4, out);
        out.field("aclDirection", i32(buf, direction));
        return true;
    }

    private static boolean function(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        if (Xdr.stringEnd(buf, body, end) < 0)
        {
            return false;
        }
        Xdr.writeString("dropFunction", buf, body, out);
        return true;
    }
}
