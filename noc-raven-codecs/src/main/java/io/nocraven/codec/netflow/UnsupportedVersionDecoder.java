package io.nocraven.codec.netflow;

import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

/**
 * Reports every datagram as {@code invalid} with reason {@code unsupported version} (offset 0): what
 * {@link NetFlowDecoder} does with a NetFlow version it has no decoder for, so such datagrams are counted and
 * visible rather than dropped.
 */
public final class UnsupportedVersionDecoder implements DatagramDecoder
{
    /** The reason written. */
    public static final String UNSUPPORTED_VERSION = "unsupported version";

    private final DecodeCounters counters = new DecodeCounters();
    private final Protocol protocol;

    /**
     * @param protocol the protocol written on the invalid records, or null when the version has no protocol name.
     */
    public UnsupportedVersionDecoder(final Protocol protocol)
    {
        this.protocol = protocol;
    }

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        counters.onInvalid(UNSUPPORTED_VERSION);
        InvalidRecords.write(out, protocol, context, UNSUPPORTED_VERSION, 0, buf, offset, length);
        return DecodeStatus.INVALID;
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }
}
