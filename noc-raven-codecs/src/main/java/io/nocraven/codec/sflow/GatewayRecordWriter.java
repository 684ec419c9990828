package io.nocraven.codec.sflow;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;

/**
 * The sFlow extended gateway record (format 1003): BGP next hop, the router's AS, source AS, source peer AS, the
 * destination AS path as segments ({@code type} 1 = AS_SET, 2 = AS_SEQUENCE), communities and local preference.
 * <pre>
 *   address nexthop | u32 as | u32 src_as | u32 src_peer_as | u32 segment_count
 *   segment_count x ( u32 type | u32 as_count | as_count x u32 )
 *   u32 community_count | community_count x u32 | u32 localpref
 * </pre>
 * Written as {@code bgpNextHopIPv4Address}/{@code bgpNextHopIPv6Address}, {@code bgpRouterAsNumber},
 * {@code bgpSourceAsNumber}, {@code bgpPrevAdjacentAsNumber} (src_peer_as), {@code bgpDestinationAsPath}
 * ({@code [{"type", "asNumbers": [...]}]}), {@code bgpNextAdjacentAsNumber} (first AS of the path) and
 * {@code bgpDestinationAsNumber} (last AS of the path) when the path is not empty,
 * {@code bgpDestinationCommunityList} and {@code bgpLocalPreference}.
 */
final class GatewayRecordWriter
{
    boolean write(final byte[] buf, final int body, final int end, final RecordWriter out)
    {
        final int fixed = Xdr.addressEnd(buf, body, end);
        if (fixed < 0 || end - fixed < 16)
        {
            return false;
        }
        final long segments = u32(buf, fixed + 12);
        int pos = fixed + 16;
        if (segments > (end - pos) / 8)
        {
            return false;
        }
        int firstAs = -1;
        int lastAs = -1;
        for (long s = 0; s < segments; s++)
        {
            if (end - pos < 8)
            {
                return false;
            }
            final int listEnd = Xdr.wordListEnd(buf, pos + 4, end);
            if (listEnd < 0)
            {
                return false;
            }
            if (listEnd > pos + 8)
            {
                firstAs = firstAs < 0 ? pos + 8 : firstAs;
                lastAs = listEnd - 4;
            }
            pos = listEnd;
        }
        final int communities = pos;
        final int localPref = Xdr.wordListEnd(buf, communities, end);
        if (localPref < 0 || end - localPref < 4)
        {
            return false;
        }
        Xdr.writeAddress("bgpNextHopIPv4Address", "bgpNextHopIPv6Address", buf, body, out);
        out.field("bgpRouterAsNumber", u32(buf, fixed));
        out.field("bgpSourceAsNumber", u32(buf, fixed + 4));
        out.field("bgpPrevAdjacentAsNumber", u32(buf, fixed + 8));
        out.name("bgpDestinationAsPath");
        out.startArray();
        pos = fixed + 16;
        for (long s = 0; s < segments; s++)
        {
            out.startObject();
            out.field("type", u32(buf, pos));
            Xdr.writeWordList("asNumbers", buf, pos + 4, out);
            out.endObject();
            pos += 8 + 4 * i32(buf, pos + 4);
        }
        out.endArray();
        if (firstAs >= 0)
        {
            out.field("bgpNextAdjacentAsNumber", u32(buf, firstAs));
            out.field("bgpDestinationAsNumber", u32(buf, lastAs));
        }
        Xdr.writeWordList("bgpDestinationCommunityList", buf, communities, out);
        out.field("bgpLocalPreference", u32(buf, localPref));
        return true;
    }
}
