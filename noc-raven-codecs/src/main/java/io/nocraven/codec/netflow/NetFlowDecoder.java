package io.nocraven.codec.netflow;

import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

import java.util.Objects;

/**
 * Dispatches NetFlow datagrams by the version in their first two bytes: 5 to the v5 decoder, 9 to the v9 decoder,
 * anything else (v1, v7, v8, IPFIX's 10 sent to a NetFlow port, garbage, fewer than two bytes) to an
 * {@link UnsupportedVersionDecoder}, which writes an {@code invalid} record with reason {@code unsupported version}.
 * <p>
 * {@link #counters()} counts what this dispatcher saw (inputs, and the datagrams it rejected itself); the version
 * decoders keep their own counters, reachable through {@link #v5()} and {@link #v9()}.
 */
public final class NetFlowDecoder implements DatagramDecoder
{
    private final DatagramDecoder v5;
    private final DatagramDecoder v9;
    private final UnsupportedVersionDecoder other = new UnsupportedVersionDecoder(null);
    private final DecodeCounters counters = new DecodeCounters();

    /**
     * @param v5 decodes version 5 datagrams.
     * @param v9 decodes version 9 datagrams (templates live in it).
     */
    public NetFlowDecoder(final DatagramDecoder v5, final DatagramDecoder v9)
    {
        this.v5 = Objects.requireNonNull(v5, "v5");
        this.v9 = Objects.requireNonNull(v9, "v9");
    }

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        final int version = length < 2 ? -1 : ((buf[offset] & 0xFF) << 8) | (buf[offset + 1] & 0xFF);
        switch (version)
        {
            case 5:
                return v5.decode(context, buf, offset, length, out);
            case 9:
                return v9.decode(context, buf, offset, length, out);
            default:
                counters.onInvalid(UnsupportedVersionDecoder.UNSUPPORTED_VERSION);
                return other.decode(context, buf, offset, length, out);
        }
    }

    @Override
    public void finish(final RecordWriter out)
    {
        v5.finish(out);
        v9.finish(out);
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }

    /**
     * @return the version 5 decoder.
     */
    public DatagramDecoder v5()
    {
        return v5;
    }

    /**
     * @return the version 9 decoder.
     */
    public DatagramDecoder v9()
    {
        return v9;
    }
}
