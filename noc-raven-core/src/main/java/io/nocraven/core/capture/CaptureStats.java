package io.nocraven.core.capture;

/**
 * What one {@link CaptureReader#read} saw: frames, what they carried and what could not be used. Counters only grow
 * while reading; the reader returns the instance when the capture has been read to its end.
 */
public final class CaptureStats
{
    long frames;
    long nonIpFrames;
    long unsupportedLinkTypeFrames;
    long truncatedFrames;
    long malformedPackets;
    long otherIpPackets;
    long udpDatagrams;
    long tcpSegments;
    long fragments;
    long reassembledDatagrams;
    long fragmentsPending;
    long incompleteDatagrams;
    long fragmentOverlapConflicts;
    long tcpRetransmittedBytes;
    long tcpOutOfOrderSegments;
    long tcpDroppedSegments;
    long tcpStreamsEnded;

    /** @return packet records read (pcap records, pcapng EPB/SPB/OPB blocks). */
    public long frames()
    {
        return frames;
    }

    /** @return frames of a supported link type that carry no IPv4/IPv6 packet (ARP, LLC, ...). */
    public long nonIpFrames()
    {
        return nonIpFrames;
    }

    /** @return frames of a link type this reader does not dissect. */
    public long unsupportedLinkTypeFrames()
    {
        return unsupportedLinkTypeFrames;
    }

    /** @return frames cut by the capture's snapshot length before the end of their IP or UDP/TCP header or data. */
    public long truncatedFrames()
    {
        return truncatedFrames;
    }

    /** @return IP packets whose headers are inconsistent (bad version, header length, length fields, ...). */
    public long malformedPackets()
    {
        return malformedPackets;
    }

    /** @return IP packets of another transport than UDP or TCP (ICMP, ...). */
    public long otherIpPackets()
    {
        return otherIpPackets;
    }

    /** @return UDP datagrams delivered to {@link PacketHandler#onUdp}. */
    public long udpDatagrams()
    {
        return udpDatagrams;
    }

    /** @return TCP segments seen (whether or not they carried new bytes). */
    public long tcpSegments()
    {
        return tcpSegments;
    }

    /** @return IPv4/IPv6 fragments seen. */
    public long fragments()
    {
        return fragments;
    }

    /** @return datagrams rebuilt from fragments. */
    public long reassembledDatagrams()
    {
        return reassembledDatagrams;
    }

    /** @return reassemblies still waiting for fragments when the capture ended (also counted as incomplete). */
    public long fragmentsPending()
    {
        return fragmentsPending;
    }

    /**
     * @return fragmented datagrams never delivered: missing fragments at the end of the capture, too old, evicted
     * when too many were pending, larger than 65,535 bytes, or dropped for conflicting overlaps.
     */
    public long incompleteDatagrams()
    {
        return incompleteDatagrams;
    }

    /** @return reassemblies dropped because two fragments overlapped with different bytes. */
    public long fragmentOverlapConflicts()
    {
        return fragmentOverlapConflicts;
    }

    /** @return TCP payload bytes seen again (retransmissions, duplicates) and not delivered twice. */
    public long tcpRetransmittedBytes()
    {
        return tcpRetransmittedBytes;
    }

    /** @return TCP segments that arrived ahead of a gap and were buffered. */
    public long tcpOutOfOrderSegments()
    {
        return tcpOutOfOrderSegments;
    }

    /** @return TCP segments dropped: out-of-order buffer full, or still waiting for a gap when the direction ended. */
    public long tcpDroppedSegments()
    {
        return tcpDroppedSegments;
    }

    /** @return TCP directions ended ({@link PacketHandler#onTcpEnd} calls). */
    public long tcpStreamsEnded()
    {
        return tcpStreamsEnded;
    }

    @Override
    public String toString()
    {
        return "CaptureStats{frames=" + frames + ", nonIpFrames=" + nonIpFrames + ", unsupportedLinkTypeFrames="
            + unsupportedLinkTypeFrames + ", truncatedFrames=" + truncatedFrames + ", malformedPackets=" + malformedPackets
            + ", otherIpPackets=" + otherIpPackets + ", udpDatagrams=" + udpDatagrams + ", tcpSegments=" + tcpSegments
            + ", fragments=" + fragments + ", reassembledDatagrams=" + reassembledDatagrams + ", fragmentsPending="
            + fragmentsPending + ", incompleteDatagrams=" + incompleteDatagrams + ", fragmentOverlapConflicts="
            + fragmentOverlapConflicts + ", tcpRetransmittedBytes=" + tcpRetransmittedBytes + ", tcpOutOfOrderSegments="
            + tcpOutOfOrderSegments + ", tcpDroppedSegments=" + tcpDroppedSegments + ", tcpStreamsEnded=" + tcpStreamsEnded
            + '}';
    }
}
