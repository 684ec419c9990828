package io.nocraven.codec.syslog.framing;

import io.nocraven.codec.StreamFramer.FrameHandler;
import io.nocraven.core.record.InvalidRecords;

/**
 * A run of bytes a framer skips (bad length, oversized frame, truncated frame): where it started in the stream,
 * why, and its first {@link InvalidRecords#MAX_HEX_BYTES} bytes, reported once through
 * {@link FrameHandler#onError} when the run ends. Reused.
 */
final class SkippedBytes
{
    private final byte[] sample = new byte[InvalidRecords.MAX_HEX_BYTES];
    private int sampleLength;
    private long startOffset = -1;
    private String reason;

    boolean active()
    {
        return startOffset >= 0;
    }

    void start(final String why, final long streamOffset)
    {
        if (startOffset < 0)
        {
            reason = why;
            startOffset = streamOffset;
            sampleLength = 0;
        }
    }

    void add(final byte[] buf, final int offset, final int length)
    {
        final int n = Math.min(length, sample.length - sampleLength);
        if (n > 0)
        {
            System.arraycopy(buf, offset, sample, sampleLength, n);
            sampleLength += n;
        }
    }

    void add(final byte b)
    {
        if (sampleLength < sample.length)
        {
            sample[sampleLength++] = b;
        }
    }

    /** Reports the run (if any) and clears it. */
    void flush(final FrameHandler handler)
    {
        if (startOffset >= 0)
        {
            final long at = startOffset;
            startOffset = -1;
            handler.onError(reason, at, sample, 0, sampleLength);
        }
    }
}
