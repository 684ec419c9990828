package io.nocraven.codec.syslog.framing;

import io.nocraven.codec.StreamFramer;

/**
 * RFC 6587 §3.4.2 non-transparent framing: each message ends with LF or NUL (a CR before the LF is dropped, so
 * CRLF works too). Empty frames are skipped. A frame longer than the maximum is reported
 * ({@link SyslogFramer#FRAME_TOO_LONG}) and skipped up to its trailer; at the end of the stream an unterminated
 * last frame is delivered (the trailer is only a separator). Frames wholly inside one input buffer are passed
 * without copying.
 */
final class NonTransparentFramer implements StreamFramer
{
    private final int maxFrameLength;
    private final SkippedBytes skipped = new SkippedBytes();
    private byte[] frame = new byte[1024];
    private int frameLength;
    private boolean discarding;
    private long streamOffset;

    NonTransparentFramer(final int maxFrameLength)
    {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    public void onBytes(final byte[] buf, final int offset, final int len, final FrameHandler handler)
    {
        final int end = offset + len;
        int i = offset;
        while (i < end)
        {
            int t = i;
            while (t < end && buf[t] != '\n' && buf[t] != 0)
            {
                t++;
            }
            final int segment = t - i;
            if (discarding)
            {
                skipped.add(buf, i, segment);
            }
            else if (frameLength + (long)segment > maxFrameLength)
            {
                skipped.start(SyslogFramer.FRAME_TOO_LONG, streamOffset + (i - offset) - frameLength);
                skipped.add(frame, 0, frameLength);
                skipped.add(buf, i, segment);
                frameLength = 0;
                discarding = true;
            }
            else if (t < end && frameLength == 0)
            {
                deliver(buf, i, segment, handler);
            }
            else
            {
                append(buf, i, segment);
                if (t < end)
                {
                    final int n = frameLength;
                    frameLength = 0;
                    deliver(frame, 0, n, handler);
                }
            }
            if (t < end && discarding)
            {
                discarding = false;
                skipped.flush(handler);
            }
            i = t < end ? t + 1 : end;
        }
        streamOffset += len;
    }

    private void append(final byte[] buf, final int i, final int n)
    {
        if (frame.length < frameLength + n)
        {
            frame = java.util.Arrays.copyOf(frame, Math.min(maxFrameLength, Math.max(frameLength + n, frame.length * 2)));
        }
        System.arraycopy(buf, i, frame, frameLength, n);
        frameLength += n;
    }

    private static void deliver(final byte[] buf, final int start, final int length, final FrameHandler handler)
    {
        int n = length;
        if (n > 0 && buf[start + n - 1] == '\r')
        {
            n--;
        }
        if (n > 0)
        {
            handler.onFrame(buf, start, n);
        }
    }

    @Override
    public void onEnd(final FrameHandler handler)
    {
        if (discarding)
        {
            discarding = false;
            skipped.flush(handler);
        }
        if (frameLength > 0)
        {
            final int n = frameLength;
            frameLength = 0;
            deliver(frame, 0, n, handler);
        }
    }
}
