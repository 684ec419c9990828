package io.nocraven.codec.ipfix;

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
import io.nocraven.codec.flow.TemplateStateCodec;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.ipfix.IpfixDescriptor.HEADER_LENGTH;
import static io.nocraven.codec.ipfix.IpfixDescriptor.MIN_DATA_SET;
import static io.nocraven.codec.ipfix.IpfixDescriptor.OPTIONS_TEMPLATE_SET;
import static io.nocraven.codec.ipfix.IpfixDescriptor.SET_HEADER_LENGTH;
import static io.nocraven.codec.ipfix.IpfixDescriptor.TEMPLATE_SET;
import static io.nocraven.codec.ipfix.IpfixDescriptor.VERSION;

/**
 * IPFIX (RFC 7011) decoder for UDP datagrams and TCP frames ({@link IpfixMessageFramer}): templates keyed by
 * exporter address + port + observation domain, variable-length fields, enterprise elements, withdrawal and
 * redefinition, options templates with scope, every abstract data type, RFC 5103 reverse elements and RFC 6313
 * lists. Sequence numbers are checked per exporter and observation domain: a discontinuity is counted
 * ({@link FlowCounters#sequenceGaps()}) and shown as {@code header.sequenceGap}. Several messages back to back in
 * one input are all decoded. Never throws on wire bytes; single-threaded.
 */
public final class IpfixDecoder implements DatagramDecoder
{
    private final DecodeCounters counters = new DecodeCounters();
    private final InformationElementRegistry registry;
    private final FlowDecoderCore core;
    private final IpfixTemplateParser templates;
    private final FlowPacketHeader header = new FlowPacketHeader();
    private String error;
    private int errorAt;

    /**
     * @param options hold bounds and clock.
     */
    public IpfixDecoder(final CodecOptions options)
    {
        this(options, options.flowElements(), FlowCacheLimits.DEFAULTS);
    }

    /**
     * @param options  hold bounds and clock.
     * @param registry element names (for example with a user mapping file).
     * @param limits   template cache bounds.
     */
    public IpfixDecoder(final CodecOptions options, final InformationElementRegistry registry, final FlowCacheLimits limits)
    {
        this.registry = registry;
        this.core = new FlowDecoderCore(options, limits, registry, Protocol.IPFIX, counters, IpfixDecoder::parseHeader);
        this.templates = new IpfixTemplateParser(registry, core.cache());
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
        boolean held = false;
        int p = offset;
        while (p < end)
        {
            if (end - p < HEADER_LENGTH)
            {
                return invalid(context, "truncated header", p - offset, buf, offset, length, out);
            }
            if (Octets.u16(buf, p) != VERSION)
            {
                return invalid(context, "unsupported version", p - offset, buf, offset, length, out);
            }
            final int messageLength = Octets.u16(buf, p + 2);
            if (messageLength < HEADER_LENGTH || messageLength > end - p)
            {
                return invalid(context, "bad message length", p + 2 - offset, buf, offset, length, out);
            }
            final ExporterSession session = message(context, buf, p, p + messageLength, out);
            held |= core.holdPending(session, context, buf, p, p + messageLength, out);
            if (error != null)
            {
                return invalid(context, error, errorAt - offset, buf, offset, length, out);
            }
            p += messageLength;
        }
        return held ? DecodeStatus.HELD : DecodeStatus.OK;
    }

    /** Decodes one message; on failure sets {@link #error} and {@link #errorAt}. */
    private ExporterSession message(final RecordContext context, final byte[] buf, final int start, final int end,
        final RecordWriter out)
    {
        error = null;
        parseHeader(buf, start, header);
        final ExporterSession session = core.begin(context, header.domain(), out);
        final long gap = session.sequenceGap(header.sequence());
        if (gap != 0)
        {
            header.sequenceGap(gap);
            core.flowCounters().onSequenceGap(gap);
        }
        long records = 0;
        int q = start + HEADER_LENGTH;
        while (q < end)
        {
            final int setId = end - q >= SET_HEADER_LENGTH ? Octets.u16(buf, q) : 0;
            final int setLength = end - q >= SET_HEADER_LENGTH ? Octets.u16(buf, q + 2) : 0;
            if (setLength < SET_HEADER_LENGTH || setLength > end - q)
            {
                fail("bad set length", q);
                break;
            }
            final int setEnd = q + setLength;
            if (setId == TEMPLATE_SET || setId == OPTIONS_TEMPLATE_SET)
            {
                final int bad = templates.parse(session, setId, buf, q + SET_HEADER_LENGTH, setEnd);
                if (bad >= 0)
                {
                    fail(templates.error(), bad);
                    break;
                }
                core.replay(session, out);
            }
            else if (setId >= MIN_DATA_SET)
            {
                final int n = core.dataSet(header, session, context, buf, start, q, setEnd, out);
                if (n < -1)
                {
                    fail("record overruns set", -n - 2);
                    break;
                }
                records = n < 0 || records < 0 ? -1 : records + n;
            }
            q = setEnd;
        }
        session.expectNext(records < 0 || error != null ? -1 : header.sequence() + records);
        return session;
    }

    private void fail(final String reason, final int at)
    {
        error = reason;
        errorAt = at;
    }

    /** Fills {@code h} from the message header at {@code p}. */
    private static void parseHeader(final byte[] buf, final int p, final FlowPacketHeader h)
    {
        h.ipfix(Octets.u16(buf, p + 2), Octets.u32(buf, p + 4), Octets.u32(buf, p + 8), Octets.u32(buf, p + 12));
    }

    private DecodeStatus invalid(final RecordContext context, final String reason, final int at, final byte[] buf,
        final int offset, final int length, final RecordWriter out)
    {
        counters.onInvalid(reason);
        InvalidRecords.write(out, Protocol.IPFIX, context, reason, at, buf, offset, length);
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
        return TemplateStateCodec.restore(state, core.cache(), (scope, pen, id) -> registry.ipfix(pen, id));
    }
}
