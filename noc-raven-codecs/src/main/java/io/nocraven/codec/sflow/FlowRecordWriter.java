package io.nocraven.codec.sflow;

import io.nocraven.codec.packet.PacketHeaderDecoder;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.packet.WireBytes.i32;
import static io.nocraven.codec.packet.WireBytes.u32;
import static io.nocraven.codec.sflow.SFlowDescriptor.ENVELOPE_LENGTH;

/**
 * Writes the flow records of one flow or discard sample as members of its {@code fields} object.
 * <p>
 * The raw packet header record (format 1) is written first, through {@link PacketHeaderDecoder}, so that later
 * records know the packet's IP version. Each known format is written at most once per sample; the sampled
 * Ethernet/IPv4/IPv6 records (formats 2, 3, 4) only when there is no raw header (they describe the same packet and
 * would repeat its keys). Repeats, unknown formats (any enterprise other than 0 included) and bodies shorter than
 * their format needs are skipped by their length and counted.
 */
final class FlowRecordWriter
{
    static final int RAW_HEADER = 1;
    static final int SAMPLED_ETHERNET = 2;
    static final int SAMPLED_IPV4 = 3;
    static final int SAMPLED_IPV6 = 4;
    static final int EXTENDED_SWITCH = 1001;
    static final int EXTENDED_ROUTER = 1002;
    static final int EXTENDED_GATEWAY = 1003;
    static final int EXTENDED_USER = 1004;
    static final int EXTENDED_URL = 1005;
    static final int EXTENDED_MPLS = 1006;
    static final int EXTENDED_NAT = 1007;
    static final int EGRESS_QUEUE = 1036;
    static final int EXTENDED_ACL = 1037;
    static final int EXTENDED_FUNCTION = 1038;

    private final PacketHeaderDecoder packet = new PacketHeaderDecoder();
    private final ExtendedRecordWriter extended = new ExtendedRecordWriter();
    private long skippedRecords;

    long skippedRecords()
    {
        return skippedRecords;
    }

    /**
     * Writes the records; their envelopes were checked against {@code end} by the decoder's first pass.
     *
     * @return the number of records skipped.
     */
    int writeAll(final byte[] buf, final int recordsAt, final long count, final int end, final RecordWriter out)
    {
        int rawAt = -1;
        int pos = recordsAt;
        for (long r = 0; r < count && rawAt < 0; r++)
        {
            if (i32(buf, pos) == RAW_HEADER)
            {
                rawAt = pos;
            }
            pos += ENVELOPE_LENGTH + i32(buf, pos + 4);
        }
        int ipVersion = 0;
        int written = 0;
        int skipped = 0;
        if (rawAt >= 0)
        {
            ipVersion = rawHeader(buf, rawAt + ENVELOPE_LENGTH, i32(buf, rawAt + 4), out);
            if (ipVersion < 0)
            {
                skipped++;
            }
            written |= bit(RAW_HEADER);
        }
        pos = recordsAt;
        for (long r = 0; r < count; r++)
        {
            final int format = i32(buf, pos);
            final int length = i32(buf, pos + 4);
            final int body = pos + ENVELOPE_LENGTH;
            if (pos != rawAt)
            {
                final int bit = bit(format);
                final boolean redundant = rawAt >= 0 && (format == SAMPLED_ETHERNET || format == SAMPLED_IPV4
                    || format == SAMPLED_IPV6);
                if (bit == 0 || (written & bit) != 0 || redundant
                    || !write(format, buf, body, body + length, Math.max(ipVersion, 0), out))
                {
                    skipped++;
                }
                written |= bit;
            }
            pos = body + length;
        }
        skippedRecords += skipped;
        return skipped;
    }

    /**
     * @return the packet's IP version (0 when none), or -1 when the record is too short to be a raw header.
     */
    private int rawHeader(final byte[] buf, final int body, final int length, final RecordWriter out)
    {
        if (length < 16)
        {
            return -1;
        }
        final int headerProtocol = i32(buf, body);
        final long headerLength = u32(buf, body + 12);
        final int captured = (int)Math.min(headerLength, length - 16);
        out.field("dataLinkFrameSize", u32(buf, body + 4));
        out.field("sampledHeaderProtocol", headerProtocol);
        out.field("strippedOctets", u32(buf, body + 8));
        out.name("dataLinkFrameSection");
        out.hexValue(buf, body + 16, captured);
        return packet.decode(headerProtocol, buf, body + 16, captured, out);
    }

    private boolean write(final int format, final byte[] buf, final int body, final int end, final int ipVersion,
        final RecordWriter out)
    {
        switch (format)
        {
            case SAMPLED_ETHERNET:
                return SampledPacketRecords.ethernet(buf, body, end, out);
            case SAMPLED_IPV4:
                return SampledPacketRecords.ipv4(buf, body, end, out);
            case SAMPLED_IPV6:
                return SampledPacketRecords.ipv6(buf, body, end, out);
            default:
                return extended.write(format, buf, body, end, ipVersion, out);
        }
    }

    private static int bit(final int format)
    {
        if (format >= RAW_HEADER && format <= SAMPLED_IPV6)
        {
            return 1 << format;
        }
        if (format >= EXTENDED_SWITCH && format <= EXTENDED_NAT)
        {
            return 1 << (format - EXTENDED_SWITCH + 5);
        }
        if (format >= EGRESS_QUEUE && format <= EXTENDED_FUNCTION)
        {
            return 1 << (format - EGRESS_QUEUE + 12);
        }
        return 0;
    }
}
