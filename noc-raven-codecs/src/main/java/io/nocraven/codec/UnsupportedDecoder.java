package io.nocraven.codec;

import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordWriter;

/**
 * The decoder for input whose protocol is unknown or has no codec: every datagram comes out as an {@code invalid}
 * record with reason {@code unsupported protocol}, so nothing is dropped silently.
 */
public final class UnsupportedDecoder implements DatagramDecoder
{
    private final DecodeCounters counters = new DecodeCounters();

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        counters.onInvalid(InvalidRecords.UNSUPPORTED_PROTOCOL);
        InvalidRecords.write(out, null, context, InvalidRecords.UNSUPPORTED_PROTOCOL, 0, buf, offset, length);
        return DecodeStatus.INVALID;
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }
}
