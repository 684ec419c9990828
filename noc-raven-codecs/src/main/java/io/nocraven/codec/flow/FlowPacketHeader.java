package io.nocraven.codec.flow;

import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordWriter;

/**
 * The header of the export packet being decoded (NetFlow v9 or IPFIX), reused for every packet, and how it is
 * written into each record's {@code header} object. Also turns sysUpTime-relative times (IE 21/22) into absolute
 * epoch milliseconds: NetFlow v9 from the export time and sysUpTime in the header (uptime wrap handled modulo
 * 2^32), IPFIX from the exporter's systemInitTimeMilliseconds (IE 160) learned from options data.
 */
public final class FlowPacketHeader
{
    /** The value meaning "unknown" for {@link #absoluteMillis}. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    Protocol protocol;
    int version;
    int count = -1;
    int length = -1;
    long sequence;
    long domain;
    long exportSeconds;
    long sysUpTime = -1;
    long sequenceGap;

    /**
     * Sets the fields of a NetFlow v9 header.
     *
     * @param count         records in the packet.
     * @param sysUpTime     milliseconds since the device booted.
     * @param exportSeconds unix seconds.
     * @param sequence      packet sequence number.
     * @param sourceId      source id.
     * @return this.
     */
    public FlowPacketHeader netflowV9(final int count, final long sysUpTime, final long exportSeconds,
        final long sequence, final long sourceId)
    {
        this.protocol = Protocol.NETFLOW_V9;
        this.version = 9;
        this.count = count;
        this.length = -1;
        this.sysUpTime = sysUpTime;
        this.exportSeconds = exportSeconds;
        this.sequence = sequence;
        this.domain = sourceId;
        this.sequenceGap = 0;
        return this;
    }

    /**
     * Sets the fields of an IPFIX message header.
     *
     * @param length        message length.
     * @param exportSeconds export time, unix seconds.
     * @param sequence      sequence number (data records sent before this message).
     * @param domain        observation domain id.
     * @return this.
     */
    public FlowPacketHeader ipfix(final int length, final long exportSeconds, final long sequence, final long domain)
    {
        this.protocol = Protocol.IPFIX;
        this.version = 10;
        this.count = -1;
        this.length = length;
        this.sysUpTime = -1;
        this.exportSeconds = exportSeconds;
        this.sequence = sequence;
        this.domain = domain;
        this.sequenceGap = 0;
        return this;
    }

    /**
     * @param gap records (IPFIX) or packets (v9) missing before this packet; 0 when in order.
     */
    public void sequenceGap(final long gap)
    {
        this.sequenceGap = gap;
    }

    /** @return the protocol. */
    public Protocol protocol()
    {
        return protocol;
    }

    /** @return the sequence number. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the observation domain / source id. */
    public long domain()
    {
        return domain;
    }

    /**
     * Converts a sysUpTime-relative time to epoch milliseconds.
     *
     * @param uptime     the element value (ms since boot, unsigned 32-bit).
     * @param initMillis the exporter's system init time (IPFIX), or -1.
     * @return epoch milliseconds, or {@link #UNKNOWN}.
     */
    public long absoluteMillis(final long uptime, final long initMillis)
    {
        if (protocol == Protocol.NETFLOW_V9)
        {
            return exportSeconds * 1000L - ((sysUpTime - uptime) & 0xFFFFFFFFL);
        }
        return initMillis >= 0 ? initMillis + uptime : UNKNOWN;
    }

    /**
     * Writes the {@code header} member.
     *
     * @param out              where to write.
     * @param samplingInterval the exporter-wide sampling interval, or -1 when unknown.
     */
    public void write(final RecordWriter out, final long samplingInterval)
    {
        out.name("header");
        out.startObject();
        out.field("version", version);
        if (count >= 0)
        {
            out.field("count", count);
        }
        if (length >= 0)
        {
            out.field("length", length);
        }
        out.field("sequenceNumber", sequence);
        out.field(protocol == Protocol.IPFIX ? "observationDomainId" : "sourceId", domain);
        out.name("exportTime");
        out.timestampValue(exportSeconds, 0, 0);
        if (sysUpTime >= 0)
        {
            out.field("sysUpTime", sysUpTime);
        }
        if (sequenceGap != 0)
        {
            out.field("sequenceGap", sequenceGap);
        }
        if (samplingInterval >= 0)
        {
            out.field("samplingInterval", samplingInterval);
        }
        out.endObject();
    }
}
