package io.nocraven.codec.ipfix;

import io.nocraven.codec.StreamFramer;

/**
 * Frames an IPFIX-over-TCP stream (RFC 7011 section 10.4) by the message length in each header. Bytes that cannot
 * start a message (wrong version, length below 16) are reported and skipped up to the next plausible header, so the
 * framer always makes progress. Keeps at most one message (65535 octets) of carry-over per connection.
 */
public final class IpfixMessageFramer implements StreamFramer
{
    private final byte[] pending = new byte[65535];
    private int pendingLength;
    private long streamOffset;

    @Override
    public void onBytes(final byte[] buf, final int offset, final int length, final FrameHandler handler)
    {
        int p = offset;
        final int end = offset + length;
        while (p < end)
        {
            final int take = Math.min(end - p, pending.length - pendingLength);
            System.arraycopy(buf, p, pending, pendingLength, take);
            pendingLength += take;
            p += take;
            drain(handler);
        }
    }

    private void drain(final FrameHandler handler)
    {
        int start = 0;
        while (pendingLength - start >= 4)
        {
            if (!plausible(start))
            {
                int next = start + 1;
                while (next <= pendingLength - 4 && !plausible(next))
                {
                    next++;
                }
                if (next > pendingLength - 4)
                {
                    next = pendingLength - 3;
                }
                handler.onError("bad message header", streamOffset, pending, start, next - start);
                streamOffset += next - start;
                start = next;
                continue;
            }
            final int length = ((pending[start + 2] & 0xFF) << 8) | (pending[start + 3] & 0xFF);
            if (pendingLength - start < length)
            {
                break;
            }
            handler.onFrame(pending, start, length);
            streamOffset += length;
            start += length;
        }
        if (start > 0)
        {
            System.arraycopy(pending, start, pending, 0, pendingLength - start);
            pendingLength -= start;
        }
    }

    private boolean plausible(final int at)
    {
        final int version = ((pending[at] & 0xFF) << 8) | (pending[at + 1] & 0xFF);
        final int length = ((pending[at + 2] & 0xFF) << 8) | (pending[at + 3] & 0xFF);
        return version == IpfixDescriptor.VERSION && length >= IpfixDescriptor.HEADER_LENGTH;
    }

    @Override
    public void onEnd(final FrameHandler handler)
    {
        if (pendingLength > 0)
        {
            handler.onError("truncated message", streamOffset, pending, 0, pendingLength);
            streamOffset += pendingLength;
            pendingLength = 0;
        }
    }
}
