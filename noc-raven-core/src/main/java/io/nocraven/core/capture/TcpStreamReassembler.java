package io.nocraven.core.capture;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Turns TCP segments into in-order payload bytes per direction of each connection.
 * <ul>
 *   <li>A SYN sets the initial sequence number; a direction first seen without SYN (the capture started mid-stream)
 *       starts at its first segment.</li>
 *   <li>Bytes before the next expected sequence number (retransmissions, duplicates) are dropped and counted; a
 *       segment that overlaps delivers only its new bytes.</li>
 *   <li>Segments after a gap are buffered (at most {@link #MAX_PENDING_SEGMENTS} segments and
 *       {@link #MAX_PENDING_BYTES} bytes per direction; beyond that they are dropped and counted) and delivered once
 *       the gap is filled.</li>
 *   <li>FIN ends the direction once every byte before it was delivered; RST ends it at once (buffered segments are
 *       dropped). A SYN on an ended direction starts a new connection; a SYN with another initial sequence number on
 *       an open direction (the ports were reused without a FIN or RST in the capture) ends the old one and starts a
 *       new one. {@link #finish} ends every open direction.</li>
 * </ul>
 * Sequence numbers compare modulo 2^32 (RFC 1982 arithmetic on {@code int}s).
 */
final class TcpStreamReassembler
{
    static final int MAX_PENDING_SEGMENTS = 1024;
    static final int MAX_PENDING_BYTES = 4 * 1024 * 1024;
    static final int MAX_DIRECTIONS = 65_536;

    private static final int FIN = 0x01;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;

    private static final class Segment
    {
        final int seq;
        final byte[] data;

        Segment(final int seq, final byte[] data)
        {
            this.seq = seq;
            this.data = data;
        }
    }

    private static final class Direction
    {
        final InetSocketAddress source;
        final InetSocketAddress destination;
        final ArrayList<Segment> pending = new ArrayList<>();
        int next;
        int pendingBytes;
        boolean finKnown;
        int finSeq;
        boolean ended;

        Direction(final InetSocketAddress source, final InetSocketAddress destination)
        {
            this.source = source;
            this.destination = destination;
        }
    }

    private final PacketHandler handler;
    private final EndpointCache endpoints;
    private final CaptureStats stats;
    private final LinkedHashMap<FlowKey, Direction> directions = new LinkedHashMap<>();
    private final FlowKey probe = new FlowKey();

    TcpStreamReassembler(final PacketHandler handler, final EndpointCache endpoints, final CaptureStats stats)
    {
        this.handler = handler;
        this.endpoints = endpoints;
        this.stats = stats;
    }

    void onSegment(final long ts, final byte[] addr, final int srcAt, final int dstAt, final int addrLength, final int srcPort,
        final int dstPort, final int seq, final int flags, final byte[] buf, final int offset, final int length)
    {
        final boolean syn = (flags & SYN) != 0;
        Direction d = directions.get(probe.set(addr, srcAt, dstAt, addrLength, srcPort, dstPort));
        if (d != null && !d.ended && syn && seq + 1 != d.next)
        {
            end(ts, d);
        }
        if (d == null || (d.ended && syn))
        {
            if (d == null && directions.size() >= MAX_DIRECTIONS && !evictEnded())
            {
                stats.tcpDroppedSegments++;
                return;
            }
            d = new Direction(endpoints.get(addr, srcAt, addrLength, srcPort), endpoints.get(addr, dstAt, addrLength, dstPort));
            d.next = syn ? seq + 1 : seq;
            directions.put(new FlowKey().set(addr, srcAt, dstAt, addrLength, srcPort, dstPort), d);
        }
        if (d.ended)
        {
            stats.tcpRetransmittedBytes += length;
            return;
        }
        if ((flags & RST) != 0)
        {
            end(ts, d);
            return;
        }
        final int dataSeq = syn ? seq + 1 : seq;
        if ((flags & FIN) != 0)
        {
            d.finKnown = true;
            d.finSeq = dataSeq + length;
        }
        if (length > 0)
        {
            accept(ts, d, dataSeq, buf, offset, length);
        }
        if (d.finKnown && d.next == d.finSeq)
        {
            end(ts, d);
        }
    }

    /** Ends every open direction (end of capture). */
    void finish(final long ts)
    {
        for (final Direction d : directions.values())
        {
            if (!d.ended)
            {
                end(ts, d);
            }
        }
    }

    private void accept(final long ts, final Direction d, final int seq, final byte[] buf, final int offset, final int length)
    {
        final int ahead = seq - d.next;
        if (ahead > 0)
        {
            if (d.pending.size() >= MAX_PENDING_SEGMENTS || d.pendingBytes + length > MAX_PENDING_BYTES)
            {
                stats.tcpDroppedSegments++;
                return;
            }
            stats.tcpOutOfOrderSegments++;
            d.pending.add(new Segment(seq, Arrays.copyOfRange(buf, offset, offset + length)));
            d.pendingBytes += length;
            return;
        }
        deliver(ts, d, seq, buf, offset, length);
        boolean progress = true;
        while (progress && !d.pending.isEmpty())
        {
            progress = false;
            for (final Iterator<Segment> it = d.pending.iterator(); it.hasNext();)
            {
                final Segment s = it.next();
                if (s.seq - d.next <= 0)
                {
                    it.remove();
                    d.pendingBytes -= s.data.length;
                    deliver(ts, d, s.seq, s.data, 0, s.data.length);
                    progress = true;
                }
            }
        }
    }

    /** Delivers the bytes of a segment starting at or before {@code d.next} that are new. */
    private void deliver(final long ts, final Direction d, final int seq, final byte[] buf, final int offset, final int length)
    {
        final int seen = d.next - seq;
        if (Integer.compareUnsigned(seen, length) >= 0)
        {
            stats.tcpRetransmittedBytes += length;
            return;
        }
        stats.tcpRetransmittedBytes += seen;
        d.next += length - seen;
        handler.onTcp(ts, d.source, d.destination, buf, offset + seen, length - seen);
    }

    private void end(final long ts, final Direction d)
    {
        stats.tcpDroppedSegments += d.pending.size();
        d.pending.clear();
        d.pendingBytes = 0;
        d.ended = true;
        stats.tcpStreamsEnded++;
        handler.onTcpEnd(ts, d.source, d.destination);
    }

    private boolean evictEnded()
    {
        final int before = directions.size();
        directions.values().removeIf(d -> d.ended);
        return directions.size() < before;
    }
}
