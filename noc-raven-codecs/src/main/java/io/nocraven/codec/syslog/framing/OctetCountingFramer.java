package io.nocraven.codec.syslog.framing;

import io.nocraven.codec.StreamFramer;

/**
 * RFC 6587 §3.4.1 octet counting: {@code MSG-LEN SP SYSLOG-MSG}, MSG-LEN being {@code NONZERO-DIGIT *DIGIT}.
 * <p>
 * Bad input and how the framer moves past it:
 * <ul>
 * <li>a length that does not parse (a non-digit, a leading zero, a space without digits, more than 20 digits):
 *     reason {@value #INVALID_LENGTH}; bytes are skipped up to the next digit {@code 1}-{@code 9} that follows a
 *     space, LF, CR or NUL, where framing resumes;</li>
 * <li>a length above the maximum: reason {@link SyslogFramer#FRAME_TOO_LONG}; exactly that many bytes are
 *     skipped (so the next frame is found again);</li>
 * <li>the stream ends inside a length or a frame: reason {@link SyslogFramer#TRUNCATED_FRAME}.</li>
 * </ul>
 * LF, CR and NUL bytes between frames (some senders end every frame with LF outside the count) are skipped
 * silently. Frames wholly inside one input buffer are passed without copying.
 */
final class OctetCountingFramer implements StreamFramer
{
    /** Reason: MSG-LEN is not a valid number. */
    static final String INVALID_LENGTH = "invalid frame length";

    private static final int LENGTH = 0;
    private static final int DATA = 1;
    private static final int SKIP = 2;
    private static final int RESYNC = 3;
    private static final int MAX_DIGITS = 20;

    private final int maxFrameLength;
    private final byte[] header = new byte[MAX_DIGITS];
    private final SkippedBytes skipped = new SkippedBytes();
    private byte[] frame = new byte[1024];
    private int headerLength;
    private int frameHeaderLength;
    private long headerStart;
    private long length;
    private int frameLength;
    private long skipRemaining;
    private boolean afterDelimiter;
    private int state = LENGTH;
    private long streamOffset;

    OctetCountingFramer(final int maxFrameLength)
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
            final long pos = streamOffset + (i - offset);
            switch (state)
            {
                case LENGTH:
                    i = length(buf, i, pos);
                    break;
                case DATA:
                    i = data(buf, i, end, handler);
                    break;
                case SKIP:
                {
                    final int n = (int)Math.min(skipRemaining, end - i);
                    skipped.add(buf, i, n);
                    i += n;
                    skipRemaining -= n;
                    if (skipRemaining == 0)
                    {
                        state = LENGTH;
                        skipped.flush(handler);
                    }
                    break;
                }
                default:
                {
                    final byte b = buf[i];
                    if (afterDelimiter && b >= '1' && b <= '9')
                    {
                        state = LENGTH;
                        skipped.flush(handler);
                    }
                    else
                    {
                        skipped.add(b);
                        afterDelimiter = b == ' ' || b == '\n' || b == '\r' || b == 0;
                        i++;
                    }
                }
            }
        }
        streamOffset += len;
    }

    /** One byte of MSG-LEN (or of the space after it) at {@code i}; returns the next index. */
    private int length(final byte[] buf, final int i, final long pos)
    {
        final byte b = buf[i];
        if (headerLength == 0 && (b == '\n' || b == '\r' || b == 0))
        {
            return i + 1;
        }
        if (b >= '0' && b <= '9' && !(headerLength == 0 && b == '0') && headerLength < MAX_DIGITS)
        {
            if (headerLength == 0)
            {
                headerStart = pos;
            }
            header[headerLength++] = b;
            length = Math.min(length * 10 + (b - '0'), Integer.MAX_VALUE);
            return i + 1;
        }
        if (b == ' ' && headerLength > 0)
        {
            if (length > maxFrameLength)
            {
                skipped.start(SyslogFramer.FRAME_TOO_LONG, pos - headerLength);
                skipped.add(header, 0, headerLength);
                skipped.add(b);
                skipRemaining = length;
                length = 0;
                state = SKIP;
            }
            else
            {
                frameLength = 0;
                state = DATA;
            }
            frameHeaderLength = headerLength;
            headerLength = 0;
            return i + 1;
        }
        skipped.start(INVALID_LENGTH, pos - headerLength);
        skipped.add(header, 0, headerLength);
        headerLength = 0;
        length = 0;
        afterDelimiter = false;
        state = RESYNC;
        return i;
    }

    private int data(final byte[] buf, final int i, final int end, final FrameHandler handler)
    {
        final int need = (int)length - frameLength;
        final int available = end - i;
        if (frameLength == 0 && available >= need)
        {
            state = LENGTH;
            length = 0;
            handler.onFrame(buf, i, need);
            return i + need;
        }
        final int n = Math.min(need, available);
        if (frame.length < frameLength + n)
        {
            frame = java.util.Arrays.copyOf(frame, (int)Math.min(maxFrameLength, Math.max(length, frame.length * 2L)));
        }
        System.arraycopy(buf, i, frame, frameLength, n);
        frameLength += n;
        if (frameLength == length)
        {
            final int complete = frameLength;
            frameLength = 0;
            length = 0;
            state = LENGTH;
            handler.onFrame(frame, 0, complete);
        }
        return i + n;
    }

    @Override
    public void onEnd(final FrameHandler handler)
    {
        if (state == LENGTH && headerLength > 0)
        {
            skipped.start(SyslogFramer.TRUNCATED_FRAME, streamOffset - headerLength);
            skipped.add(header, 0, headerLength);
        }
        else if (state == DATA)
        {
            skipped.start(SyslogFramer.TRUNCATED_FRAME, headerStart);
            skipped.add(header, 0, frameHeaderLength);
            skipped.add((byte)' ');
            skipped.add(frame, 0, frameLength);
        }
        skipped.flush(handler);
        state = LENGTH;
        headerLength = 0;
        length = 0;
        frameLength = 0;
    }
}
