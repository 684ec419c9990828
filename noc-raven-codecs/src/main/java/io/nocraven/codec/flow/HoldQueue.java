package io.nocraven.codec.flow;

import io.nocraven.codec.DecodeCounters;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordWriter;

/**
 * Holds export packets whose data sets arrived before their template, per exporter, bounded by bytes and by age
 * ({@code CodecOptions.flowHoldBytes()} / {@code flowHoldMillis()}). A packet that has to give up its place (bytes
 * bound, age, end of input) comes out as one {@code invalid} record with reason {@link #REASON}, never silently.
 * The decoders replay held packets in arrival order when a template arrives.
 */
public final class HoldQueue
{
    /** The reason of the invalid record for a held packet whose template never came. */
    public static final String REASON = "template not received";

    private final long maxBytes;
    private final long maxMillis;
    private final Protocol protocol;
    private final DecodeCounters decodeCounters;
    private final FlowCounters flowCounters;

    /**
     * @param maxBytes       bytes held per exporter at most.
     * @param maxMillis      longest a packet is held.
     * @param protocol       the protocol written on invalid records.
     * @param decodeCounters generic counters (held, invalid by reason).
     * @param flowCounters   flow counters (held, released, not released).
     */
    public HoldQueue(final long maxBytes, final long maxMillis, final Protocol protocol,
        final DecodeCounters decodeCounters, final FlowCounters flowCounters)
    {
        this.maxBytes = maxBytes;
        this.maxMillis = maxMillis;
        this.protocol = protocol;
        this.decodeCounters = decodeCounters;
        this.flowCounters = flowCounters;
    }

    /**
     * Holds a packet, first making room by giving up the exporter's oldest ones; a packet larger than the bound is
     * given up at once.
     *
     * @param session the exporter.
     * @param packet  the packet (already copied).
     * @param out     where given-up packets are reported.
     * @return true when held, false when it was reported as invalid instead.
     */
    public boolean hold(final ExporterSession session, final HeldPacket packet, final RecordWriter out)
    {
        final int size = packet.bytes().length;
        if (size > maxBytes)
        {
            report(packet, out);
            return false;
        }
        while (session.heldBytes() + size > maxBytes && !session.held().isEmpty())
        {
            giveUp(session, out);
        }
        session.held().addLast(packet);
        session.addHeldBytes(size);
        decodeCounters.onHeld();
        flowCounters.onHeld();
        return true;
    }

    /**
     * Gives up the packets held longer than the age bound.
     *
     * @param session   the exporter.
     * @param nowMillis the decoder clock.
     * @param out       where they are reported.
     */
    public void expire(final ExporterSession session, final long nowMillis, final RecordWriter out)
    {
        while (!session.held().isEmpty() && nowMillis - session.held().peekFirst().heldAtMillis() > maxMillis)
        {
            giveUp(session, out);
        }
    }

    /**
     * Removes a held packet whose sets have all been decoded.
     *
     * @param session the exporter.
     * @param packet  the packet.
     */
    public void released(final ExporterSession session, final HeldPacket packet)
    {
        if (session.held().remove(packet))
        {
            session.addHeldBytes(-packet.bytes().length);
            flowCounters.onReleased();
        }
    }

    /**
     * Gives up every packet of an exporter (end of input, exporter dropped).
     *
     * @param session the exporter.
     * @param out     where they are reported.
     */
    public void flush(final ExporterSession session, final RecordWriter out)
    {
        while (!session.held().isEmpty())
        {
            giveUp(session, out);
        }
    }

    private void giveUp(final ExporterSession session, final RecordWriter out)
    {
        final HeldPacket p = session.held().pollFirst();
        session.addHeldBytes(-p.bytes().length);
        report(p, out);
    }

    private void report(final HeldPacket p, final RecordWriter out)
    {
        flowCounters.onNotReleased();
        decodeCounters.onInvalid(REASON);
        InvalidRecords.write(out, protocol, p.context(), REASON, p.firstPendingSet(), p.bytes(), 0, p.bytes().length);
    }
}
