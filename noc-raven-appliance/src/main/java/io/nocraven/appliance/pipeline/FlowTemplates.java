package io.nocraven.appliance.pipeline;

import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.flow.FlowCounters;
import io.nocraven.codec.ipfix.IpfixDecoder;
import io.nocraven.codec.netflow.NetFlowDecoder;
import io.nocraven.codec.netflow.v9.NetFlowV9Decoder;

/**
 * The template side of the flow decoders (NetFlow v9 inside {@link NetFlowDecoder}, IPFIX) as the appliance uses
 * it: export, restore, change counters, and a cheap test whether an input may carry template sets at all (so only
 * those inputs are decoded a second time by the {@link TemplateTracker}).
 */
public final class FlowTemplates
{
    private static final int V9_VERSION = 9;
    private static final int V9_HEADER = 20;
    private static final int IPFIX_VERSION = 10;
    private static final int IPFIX_HEADER = 16;
    private static final int MIN_DATA_SET = 256;

    private FlowTemplates()
    {
    }

    /**
     * @param family a protocol family.
     * @return true for the families with templates (NetFlow v9 on the NetFlow listener, IPFIX).
     */
    public static boolean hasTemplates(final ProtocolFamily family)
    {
        return family == ProtocolFamily.NETFLOW || family == ProtocolFamily.IPFIX;
    }

    /**
     * @param decoder a decoder from {@link io.nocraven.codec.Decoders#create}.
     * @return its templates as {@link io.nocraven.codec.flow.TemplateStateCodec} JSON, or null when it has none.
     */
    public static byte[] export(final DatagramDecoder decoder)
    {
        if (decoder instanceof NetFlowDecoder nf && nf.v9() instanceof NetFlowV9Decoder v9)
        {
            return v9.exportTemplates();
        }
        if (decoder instanceof IpfixDecoder ipfix)
        {
            return ipfix.exportTemplates();
        }
        return null;
    }

    /**
     * @param decoder a decoder from {@link io.nocraven.codec.Decoders#create}.
     * @param state   exported templates.
     * @return templates restored (0 for a decoder without templates).
     * @throws IllegalArgumentException when the state is not valid.
     */
    public static int restore(final DatagramDecoder decoder, final byte[] state)
    {
        if (decoder instanceof NetFlowDecoder nf && nf.v9() instanceof NetFlowV9Decoder v9)
        {
            return v9.restoreTemplates(state);
        }
        if (decoder instanceof IpfixDecoder ipfix)
        {
            return ipfix.restoreTemplates(state);
        }
        return 0;
    }

    /**
     * @param decoder a decoder.
     * @return its template counters, or null.
     */
    public static FlowCounters counters(final DatagramDecoder decoder)
    {
        if (decoder instanceof NetFlowDecoder nf && nf.v9() instanceof NetFlowV9Decoder v9)
        {
            return v9.flowCounters();
        }
        if (decoder instanceof IpfixDecoder ipfix)
        {
            return ipfix.flowCounters();
        }
        return null;
    }

    /**
     * @param decoder a decoder.
     * @return a number that changes whenever its template set changed (defined, redefined, withdrawn, evicted,
     * expired); 0 for a decoder without templates.
     */
    public static long changes(final DatagramDecoder decoder)
    {
        final FlowCounters c = counters(decoder);
        return c == null ? 0 : c.templatesDefined() + c.templatesWithdrawn() + c.templatesEvicted() + c.templatesExpired();
    }

    /**
     * Whether an input may hold template sets: true for a NetFlow v9 / IPFIX message with a set id below 256
     * (templates, options templates, withdrawals, or a following message header) or with a malformed set list.
     * Data-only messages and NetFlow v5 give false.
     *
     * @param family the listener's family.
     * @param buf    bytes.
     * @param offset start.
     * @param length length.
     * @return true when it may define or withdraw templates.
     */
    public static boolean mayCarryTemplates(final ProtocolFamily family, final byte[] buf, final int offset,
        final int length)
    {
        final int header;
        if (family == ProtocolFamily.NETFLOW && length >= V9_HEADER && u16(buf, offset) == V9_VERSION)
        {
            header = V9_HEADER;
        }
        else if (family == ProtocolFamily.IPFIX && length >= IPFIX_HEADER && u16(buf, offset) == IPFIX_VERSION)
        {
            header = IPFIX_HEADER;
        }
        else
        {
            return false;
        }
        final int end = offset + length;
        int q = offset + header;
        while (end - q >= 4)
        {
            final int id = u16(buf, q);
            final int setLength = u16(buf, q + 2);
            if (id < MIN_DATA_SET || setLength < 4 || setLength > end - q)
            {
                return true;
            }
            q += setLength;
        }
        return false;
    }

    private static int u16(final byte[] b, final int i)
    {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }
}
