package io.nocraven.codec.flow;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * What the NetFlow v9 and IPFIX decoders share: the template cache, the hold queue, data set decoding and the
 * replay of held packets when their template arrives (both protocols frame sets as id + length). The decoders own
 * the header and template-set formats.
 */
public final class FlowDecoderCore
{
    /** Parses a held packet's header again when it is replayed. */
    @FunctionalInterface
    public interface HeaderParser
    {
        /**
         * @param buf    packet bytes.
         * @param offset where the packet starts.
         * @param header filled in.
         */
        void parse(byte[] buf, int offset, FlowPacketHeader header);
    }

    private final TemplateCache cache;
    private final HoldQueue holdQueue;
    private final DataSetDecoder dataSets;
    private final FlowCounters flowCounters;
    private final DecodeCounters counters;
    private final FlowPacketHeader replayHeader = new FlowPacketHeader();
    private final HeaderParser headerParser;
    private int[] pending = new int[16];
    private int pendingCount;

    /**
     * @param options      hold bounds and clock.
     * @param limits       template cache bounds.
     * @param registry     element names.
     * @param protocol     the protocol (for invalid records).
     * @param counters     generic counters.
     * @param headerParser parses held packets' headers on replay.
     */
    public FlowDecoderCore(final CodecOptions options, final FlowCacheLimits limits, final InformationElementRegistry registry,
        final Protocol protocol, final DecodeCounters counters, final HeaderParser headerParser)
    {
        this.flowCounters = new FlowCounters();
        this.counters = counters;
        this.cache = new TemplateCache(limits, options.clock(), flowCounters);
        this.holdQueue = new HoldQueue(options.flowHoldBytes(), options.flowHoldMillis(), protocol, counters, flowCounters);
        this.dataSets = new DataSetDecoder(registry);
        this.headerParser = headerParser;
    }

    /** @return the template cache. */
    public TemplateCache cache()
    {
        return cache;
    }

    /** @return the flow counters. */
    public FlowCounters flowCounters()
    {
        return flowCounters;
    }

    /**
     * Starts a packet: finds the exporter, gives up held packets that are too old and drops exporters beyond the
     * bound.
     *
     * @param context the envelope.
     * @param domain  observation domain / source id.
     * @param out     where given-up packets are reported.
     * @return the exporter session.
     */
    public ExporterSession begin(final RecordContext context, final long domain, final RecordWriter out)
    {
        pendingCount = 0;
        final ExporterSession s = cache.session(context, domain);
        for (ExporterSession old = cache.exporterOverLimit(); old != null && old != s; old = cache.exporterOverLimit())
        {
            holdQueue.flush(old, out);
            cache.dropExporter(old);
        }
        holdQueue.expire(s, cache.now(), out);
        return s;
    }

    /**
     * Decodes a data set, or notes it as pending when its template is unknown.
     *
     * @param header      the packet header.
     * @param session     the exporter.
     * @param context     the envelope.
     * @param buf         bytes.
     * @param packetStart where the packet starts (pending offsets are relative to it).
     * @param setStart    where the set header starts.
     * @param setEnd      where the set ends.
     * @param out         where records go.
     * @return records written, -1 when pending, or {@code -(offset + 2)} of a record that overruns the set.
     */
    public int dataSet(final FlowPacketHeader header, final ExporterSession session, final RecordContext context,
        final byte[] buf, final int packetStart, final int setStart, final int setEnd, final RecordWriter out)
    {
        final Template t = session.find(Octets.u16(buf, setStart));
        if (t == null)
        {
            if (pendingCount == pending.length)
            {
                pending = java.util.Arrays.copyOf(pending, pendingCount * 2);
            }
            pending[pendingCount++] = setStart - packetStart;
            return -1;
        }
        final int n = dataSets.decode(header, session, t, context, buf, setStart + 4, setEnd, out);
        if (n < 0)
        {
            return n - 1;
        }
        counters.onRecords(n);
        return n;
    }

    /** @return data sets of the current packet waiting for their template. */
    public int pendingCount()
    {
        return pendingCount;
    }

    /**
     * Holds the current packet when some of its data sets wait for a template.
     *
     * @param session     the exporter.
     * @param context     the envelope.
     * @param buf         bytes.
     * @param packetStart packet start.
     * @param packetEnd   packet end.
     * @param out         where given-up packets are reported.
     * @return true when something was held.
     */
    public boolean holdPending(final ExporterSession session, final RecordContext context, final byte[] buf,
        final int packetStart, final int packetEnd, final RecordWriter out)
    {
        if (pendingCount == 0)
        {
            return false;
        }
        final HeldPacket p = new HeldPacket(buf, packetStart, packetEnd - packetStart, context, cache.now(), pending,
            pendingCount);
        pendingCount = 0;
        return holdQueue.hold(session, p, out);
    }

    /**
     * Decodes the held data sets of an exporter whose templates are now known, oldest packet first.
     *
     * @param session the exporter.
     * @param out     where records go.
     */
    public void replay(final ExporterSession session, final RecordWriter out)
    {
        if (session.held().isEmpty())
        {
            return;
        }
        final List<HeldPacket> packets = new ArrayList<>(session.held());
        for (final HeldPacket p : packets)
        {
            final byte[] b = p.bytes();
            headerParser.parse(b, 0, replayHeader);
            final boolean[] done = new boolean[p.pendingCount()];
            for (int i = 0; i < p.pendingCount(); i++)
            {
                final int set = p.pendingSet(i);
                final Template t = session.find(Octets.u16(b, set));
                if (t != null)
                {
                    final int n = dataSets.decode(replayHeader, session, t, p.context(), b, set + 4,
                        set + Octets.u16(b, set + 2), out);
                    counters.onRecords(Math.max(0, n));
                    done[i] = true;
                }
            }
            p.removeDone(done);
            if (p.pendingCount() == 0)
            {
                holdQueue.released(session, p);
            }
        }
    }

    /**
     * End of input: every packet still held comes out as an invalid record.
     *
     * @param out where they are reported.
     */
    public void finish(final RecordWriter out)
    {
        for (final ExporterSession s : new ArrayList<>(cache.sessions()))
        {
            holdQueue.flush(s, out);
        }
    }
}
