package io.nocraven.codec.netflow.v5;

import io.nocraven.codec.netflow.SysUpTime;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.netflow.v5.NetFlowV5Decoder.i32;
import static io.nocraven.codec.netflow.v5.NetFlowV5Decoder.u16;
import static io.nocraven.codec.netflow.v5.NetFlowV5Decoder.u32;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.DOCTETS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.DPKTS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.DSTADDR_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.DSTPORT_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.DST_AS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.DST_MASK_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.FIRST_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.INPUT_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.LAST_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.NEXTHOP_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.OUTPUT_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.PROT_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SRCADDR_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SRCPORT_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SRC_AS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.SRC_MASK_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.TCP_FLAGS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.TOS_OFFSET;
import static io.nocraven.codec.netflow.v5.NetFlowV5Descriptor.VERSION;

/**
 * Writes the {@code header} and {@code fields} objects of NetFlow v5 flow records. Holds the current packet's
 * header so that it is parsed once per packet and repeated on each of its records.
 * <p>
 * Record fields map to IANA names: srcaddr {@code sourceIPv4Address}, dstaddr {@code destinationIPv4Address},
 * nexthop {@code ipNextHopIPv4Address}, input/output {@code ingressInterface}/{@code egressInterface}, dPkts
 * {@code packetDeltaCount}, dOctets {@code octetDeltaCount}, first/last {@code flowStartSysUpTime}/
 * {@code flowEndSysUpTime} (plus absolute {@code flowStartMilliseconds}/{@code flowEndMilliseconds}, see
 * {@link SysUpTime}), srcport/dstport {@code sourceTransportPort}/{@code destinationTransportPort} (as on the wire,
 * ICMP type/code included), tcp_flags {@code tcpControlBits}, prot {@code protocolIdentifier}, tos
 * {@code ipClassOfService}, src_as/dst_as {@code bgpSourceAsNumber}/{@code bgpDestinationAsNumber},
 * src_mask/dst_mask {@code sourceIPv4PrefixLength}/{@code destinationIPv4PrefixLength}, and
 * {@code samplingInterval} (the header's interval, 1 when it is 0 = unsampled). The pad bytes are not written.
 */
final class NetFlowV5RecordWriter
{
    private int count;
    private long sysUptime;
    private long unixSecs;
    private long unixNsecs;
    private long flowSequence;
    private int engineType;
    private int engineId;
    private int samplingMode;
    private int samplingInterval;
    private long exportMillis;

    void header(final int count, final long sysUptime, final long unixSecs, final long unixNsecs,
        final long flowSequence, final int engineType, final int engineId, final int samplingMode,
        final int samplingInterval)
    {
        this.count = count;
        this.sysUptime = sysUptime;
        this.unixSecs = unixSecs;
        this.unixNsecs = unixNsecs;
        this.flowSequence = flowSequence;
        this.engineType = engineType;
        this.engineId = engineId;
        this.samplingMode = samplingMode;
        this.samplingInterval = samplingInterval;
        this.exportMillis = SysUpTime.exportMillis(unixSecs, unixNsecs);
    }

    void writeHeader(final RecordWriter out)
    {
        out.name("header");
        out.startObject();
        out.field("version", VERSION);
        out.field("count", count);
        out.field("sysUpTime", sysUptime);
        out.name("exportTime");
        final long exportNanos = unixSecs * 1_000_000_000L + unixNsecs;
        out.timestampValue(Math.floorDiv(exportNanos, 1_000_000_000L), (int)Math.floorMod(exportNanos, 1_000_000_000L), 9);
        out.field("sequenceNumber", flowSequence);
        out.field("engineType", engineType);
        out.field("engineId", engineId);
        out.field("samplingMode", samplingMode);
        out.field("samplingInterval", samplingInterval);
        out.endObject();
    }

    void writeFields(final byte[] buf, final int at, final RecordWriter out)
    {
        out.name("fields");
        out.startObject();
        out.name("sourceIPv4Address");
        out.ipv4Value(i32(buf, at + SRCADDR_OFFSET));
        out.name("destinationIPv4Address");
        out.ipv4Value(i32(buf, at + DSTADDR_OFFSET));
        out.name("ipNextHopIPv4Address");
        out.ipv4Value(i32(buf, at + NEXTHOP_OFFSET));
        out.field("ingressInterface", u16(buf, at + INPUT_OFFSET));
        out.field("egressInterface", u16(buf, at + OUTPUT_OFFSET));
        out.field("packetDeltaCount", u32(buf, at + DPKTS_OFFSET));
        out.field("octetDeltaCount", u32(buf, at + DOCTETS_OFFSET));
        final long first = u32(buf, at + FIRST_OFFSET);
        final long last = u32(buf, at + LAST_OFFSET);
        out.field("flowStartSysUpTime", first);
        out.field("flowEndSysUpTime", last);
        out.timestampMillisField("flowStartMilliseconds", SysUpTime.absoluteMillis(exportMillis, sysUptime, first));
        out.timestampMillisField("flowEndMilliseconds", SysUpTime.absoluteMillis(exportMillis, sysUptime, last));
        out.field("sourceTransportPort", u16(buf, at + SRCPORT_OFFSET));
        out.field("destinationTransportPort", u16(buf, at + DSTPORT_OFFSET));
        out.field("tcpControlBits", buf[at + TCP_FLAGS_OFFSET] & 0xFF);
        out.field("protocolIdentifier", buf[at + PROT_OFFSET] & 0xFF);
        out.field("ipClassOfService", buf[at + TOS_OFFSET] & 0xFF);
        out.field("bgpSourceAsNumber", u16(buf, at + SRC_AS_OFFSET));
        out.field("bgpDestinationAsNumber", u16(buf, at + DST_AS_OFFSET));
        out.field("sourceIPv4PrefixLength", buf[at + SRC_MASK_OFFSET] & 0xFF);
        out.field("destinationIPv4PrefixLength", buf[at + DST_MASK_OFFSET] & 0xFF);
        out.field("samplingInterval", samplingInterval == 0 ? 1 : samplingInterval);
        out.endObject();
    }
}
