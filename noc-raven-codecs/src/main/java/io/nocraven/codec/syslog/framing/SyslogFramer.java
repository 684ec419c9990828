package io.nocraven.codec.syslog.framing;

import io.nocraven.codec.StreamFramer;

/**
 * RFC 6587 framing of one syslog TCP connection. The first byte of the connection picks the method: a digit
 * {@code 1}-{@code 9} means octet counting ({@code MSG-LEN SP SYSLOG-MSG}, {@link OctetCountingFramer}),
 * anything else non-transparent framing (messages ended by LF, CRLF or NUL, {@link NonTransparentFramer}).
 * <p>
 * A frame longer than the maximum (default {@value #DEFAULT_MAX_FRAME_LENGTH} bytes) is reported and skipped.
 * The framer always makes progress: every byte ends up in a frame, in a reported error, or (at most one frame's
 * worth) buffered until the next call or {@link #onEnd}. Error reasons: {@value OctetCountingFramer#INVALID_LENGTH},
 * {@value #FRAME_TOO_LONG}, {@value #TRUNCATED_FRAME}.
 * <p>
 * Written here rather than borrowed: the codec module is pure (no Netty {@code ByteToMessageDecoder}), and the
 * framing needs the error reporting of {@link StreamFramer}.
 */
public final class SyslogFramer implements StreamFramer
{
    /** Default maximum frame length in bytes (64 KiB). */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024;
    /** Reason: a frame longer than the maximum (skipped). */
    public static final String FRAME_TOO_LONG = "frame too long";
    /** Reason: the stream ended inside a frame (octet counting). */
    public static final String TRUNCATED_FRAME = "truncated frame";

    private final int maxFrameLength;
    private StreamFramer delegate;

    /** A framer with the default maximum frame length. */
    public SyslogFramer()
    {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * @param maxFrameLength the longest frame accepted, in bytes (at least 1).
     * @throws IllegalArgumentException when {@code maxFrameLength} is below 1.
     */
    public SyslogFramer(final int maxFrameLength)
    {
        if (maxFrameLength < 1)
        {
            throw new IllegalArgumentException("maxFrameLength: " + maxFrameLength + " (expected: at least 1)");
        }
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * @return the framing detected for this connection: {@code "octet-counting"}, {@code "non-transparent"}, or
     * null before the first byte.
     */
    public String method()
    {
        if (delegate == null)
        {
            return null;
        }
        return delegate instanceof OctetCountingFramer ? "octet-counting" : "non-transparent";
    }

    @Override
    public void onBytes(final byte[] buf, final int offset, final int length, final FrameHandler handler)
    {
        if (length <= 0)
        {
            return;
        }
        if (delegate == null)
        {
            final byte first = buf[offset];
            delegate = first >= '1' && first <= '9' ? new OctetCountingFramer(maxFrameLength) : new NonTransparentFramer(maxFrameLength);
        }
        delegate.onBytes(buf, offset, length, handler);
    }

    @Override
    public void onEnd(final FrameHandler handler)
    {
        if (delegate != null)
        {
            delegate.onEnd(handler);
        }
    }
}
