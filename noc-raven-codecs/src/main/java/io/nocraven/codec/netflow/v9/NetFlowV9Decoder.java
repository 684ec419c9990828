package io.nocraven.codec.netflow.v9;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.flow.ExporterSession;
import io.nocraven.codec.flow.FlowCacheLimits;
import io.nocraven.codec.flow.FlowCounters;
import io.nocraven.codec.flow.FlowDecoderCore;
import io.nocraven.codec.flow.FlowPacketHeader;
import io.nocraven.codec.flow.InformationElementRegistry;
import io.nocraven.codec.flow.Octets;
import io.nocraven.codec.flow.Template;
import io.nocraven.codec.flow.TemplateField;
import io.nocraven.codec.flow.TemplateStateCodec;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.netflow.v9.NetFlowV9Descriptor.HEADER_LENGTH;
import static io.nocraven.codec.netflow.v9.NetFlowV9Descriptor.MIN_DATA_SET;
import static io.nocraven.codec.netflow.v9.NetFlowV9Descriptor.OPTIONS_TEMPLATE_SET;
import static io.nocraven.codec.netflow.v9.NetFlowV9Descriptor.SET_HEADER_LENGTH;
import static io.nocraven.codec.netflow.v9.NetFlowV9Descriptor.TEMPLATE_SET;
import static io.nocraven.codec.netflow.v9.NetFlowV9Descriptor.VERSION;

/**
 * NetFlow v9 (RFC 3954) decoder: templates and options templates share one id space per exporter address + port +
 * source id; data flowsets become {@code flow} records, options data {@code options} records whose sampling values
 * are applied to later flows; padding is skipped; field lengths are taken from the template (reduced or unusual
 * sizes decode by their type or come out as hex). Data whose template has not arrived is held and decoded when it
 * comes ({@link io.nocraven.codec.flow.HoldQueue}). Several export packets back to back in one input are all
 * decoded. Never throws on wire bytes; single-threaded.
 */
public final class NetFlowV9Decoder implements DatagramDecoder
{
    private final DecodeCounters counters = new DecodeCounters();
    private final InformationElementRegistry registry;
    private final FlowDecoderCore core;
    private final FlowPacketHeader header = new FlowPacketHeader();
    private ExporterSession session;
    private String error;
    private int errorAt;

    /**
     * @param options hold bounds and clock.
     */
    public NetFlowV9Decoder(final CodecOptions options)
    {
        this(options, options.flowElements(), FlowCacheLimits.DEFAULTS);
    }

    /**
     * @param options  hold bounds and clock.
     * @param registry element names (for example with a user mapping file).
     * @param limits   template cache bounds.
     */
    public NetFlowV9Decoder(final CodecOptions options, final InformationElementRegistry registry, final FlowCacheLimits limits)
    {
        this.registry = registry;
        this.core = new FlowDecoderCore(options, limits, registry, Protocol.NETFLOW_V9, counters, NetFlowV9Decoder::parseHeader);
    }

    @Override
    public DecodeStatus decode(final RecordContext context, final byte[] buf, final int offset, final int length,
        final RecordWriter out)
    {
        counters.onInput();
        core.cache().tick();
        final int end = offset + length;
        if (length < HEADER_LENGTH)
        {
            return invalid(context, "truncated header", 0, buf, offset, length, out);
        }
        if (Octets.u16(buf, offset) != VERSION)
        {
            return invalid(context, "unsupported version", 0, buf, offset, length, out);
        }
        boolean held = false;
        int p = offset;
        while (p < end)
        {
            if (end - p < HEADER_LENGTH || Octets.u16(buf, p) != VERSION)
            {
                return invalid(context, "truncated header", p - offset, buf, offset, length, out);
            }
            final int next = packet(context, buf, p, end, out);
            held |= core.holdPending(session, context, buf, p, next < 0 ? errorAt : next, out);
            if (next < 0)
            {
                return invalid(context, error, errorAt - offset, buf, offset, length, out);
            }
            p = next;
        }
        return held ? DecodeStatus.HELD : DecodeStatus.OK;
    }

    /** Decodes one export packet; returns where the next one starts, or minus the stop offset (> 0) on error. */
    private int packet(final RecordContext context, final byte[] buf, final int start, final int end, final RecordWriter out)
    {
        parseHeader(buf, start, header);
        session = core.begin(context, header.domain(), out);
        final long gap = session.sequenceGap(header.sequence());
        if (gap != 0)
        {
            header.sequenceGap(gap);
            core.flowCounters().onSequenceGap(gap);
        }
        session.expectNext(header.sequence() + 1);
        int q = start + HEADER_LENGTH;
        while (end - q >= SET_HEADER_LENGTH)
        {
            final int setId = Octets.u16(buf, q);
            final int setLength = Octets.u16(buf, q + 2);
            if (setId == VERSION && end - q >= HEADER_LENGTH)
            {
                return q;
            }
            if (setLength < SET_HEADER_LENGTH || setLength > end - q)
            {
                if (Octets.allZero(buf, q, end))
                {
                    return end;
                }
                return fail("bad flowset length", q);
            }
            final int setEnd = q + setLength;
            if (setId == TEMPLATE_SET || setId == OPTIONS_TEMPLATE_SET)
            {
                final int bad = setId == TEMPLATE_SET
                    ? templates(session, buf, q + 4, setEnd)
                    : optionsTemplates(session, buf, q + 4, setEnd);
                if (bad >= 0)
                {
                    return fail(error, bad);
                }
                core.replay(session, out);
            }
            else if (setId >= MIN_DATA_SET)
            {
                final int n = core.dataSet(header, session, context, buf, start, q, setEnd, out);
                if (n < -1)
                {
                    return fail("record overruns flowset", -n - 2);
                }
            }
            q = setEnd;
        }
        if (q < end && !Octets.allZero(buf, q, end))
        {
            return fail("trailing bytes", q);
        }
        return end;
    }

    private int fail(final String reason, final int at)
    {
        error = reason;
        errorAt = at;
        return -at;
    }

    /** Parses template records; returns -1 when fine, else the offset of the bad one ({@link #error} set). */
    private int templates(final ExporterSession session, final byte[] buf, final int start, final int end)
    {
        int r = start;
        while (end - r >= 4)
        {
            final int id = Octets.u16(buf, r);
            final int count = Octets.u16(buf, r + 2);
            if (id == 0 && count == 0 && Octets.allZero(buf, r, end))
            {
                break;
            }
            if (id < MIN_DATA_SET)
            {
                error = "bad template id";
                return r;
            }
            if (count == 0 || count * 4 > end - r - 4)
            {
                error = count == 0 ? "zero-length template" : "truncated template";
                return r;
            }
            final TemplateField[] fields = new TemplateField[count];
            for (int i = 0; i < count; i++)
            {
                final int f = r + 4 + 4 * i;
                fields[i] = new TemplateField(registry.netflowV9(Octets.u16(buf, f)), Octets.u16(buf, f + 2));
            }
            if (!define(session, new Template(id, fields, 0, false, core.cache().now())))
            {
                return r;
            }
            r += 4 + 4 * count;
        }
        return -1;
    }

    private int optionsTemplates(final ExporterSession session, final byte[] buf, final int start, final int end)
    {
        int r = start;
        while (end - r >= 6)
        {
            final int id = Octets.u16(buf, r);
            final int scopeLength = Octets.u16(buf, r + 2);
            final int optionLength = Octets.u16(buf, r + 4);
            if (id == 0 && Octets.allZero(buf, r, end))
            {
                break;
            }
            if (id < MIN_DATA_SET || scopeLength % 4 != 0 || optionLength % 4 != 0 || scopeLength + optionLength > end - r - 6)
            {
                error = id < MIN_DATA_SET ? "bad template id" : "truncated template";
                return r;
            }
            final int scopes = scopeLength / 4;
            final TemplateField[] fields = new TemplateField[scopes + optionLength / 4];
            for (int i = 0; i < fields.length; i++)
            {
                final int f = r + 6 + 4 * i;
                final int type = Octets.u16(buf, f);
                fields[i] = new TemplateField(i < scopes ? NetFlowV9ScopeTypes.scope(type) : registry.netflowV9(type),
                    Octets.u16(buf, f + 2));
            }
            if (!define(session, new Template(id, fields, scopes, true, core.cache().now())))
            {
                return r;
            }
            r += 6 + scopeLength + optionLength;
        }
        return -1;
    }

    private boolean define(final ExporterSession session, final Template t)
    {
        if (t.minRecordLength() == 0)
        {
            error = "zero-length template";
            return false;
        }
        core.cache().define(session, t);
        return true;
    }

    /** Fills {@code h} from the header at {@code p}. */
    private static void parseHeader(final byte[] buf, final int p, final FlowPacketHeader h)
    {
        h.netflowV9(Octets.u16(buf, p + 2), Octets.u32(buf, p + 4), Octets.u32(buf, p + 8), Octets.u32(buf, p + 12),
            Octets.u32(buf, p + 16));
    }

    private DecodeStatus invalid(final RecordContext context, final String reason, final int at, final byte[] buf,
        final int offset, final int length, final RecordWriter out)
    {
        counters.onInvalid(reason);
        InvalidRecords.write(out, Protocol.NETFLOW_V9, context, reason, at, buf, offset, length);
        return DecodeStatus.INVALID;
    }

    @Override
    public void finish(final RecordWriter out)
    {
        core.finish(out);
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }

    /** @return template, hold and sequence counters. */
    public FlowCounters flowCounters()
    {
        return core.flowCounters();
    }

    /**
     * @return the template state (every exporter's live templates, judged by the clock now) in a compact JSON form
     * the appliance can persist.
     */
    public byte[] exportTemplates()
    {
        core.cache().tick();
        return TemplateStateCodec.export(core.cache());
    }

    /**
     * Restores templates exported by {@link #exportTemplates()} (their lifetime restarts now).
     *
     * @param state the exported bytes.
     * @return templates restored.
     * @throws IllegalArgumentException when the state is not valid.
     */
    public int restoreTemplates(final byte[] state)
    {
        core.cache().tick();
        return TemplateStateCodec.restore(state, core.cache(),
            (scope, pen, id) -> scope ? NetFlowV9ScopeTypes.scope(id) : registry.netflowV9(id));
    }
}
