package io.nocraven.codec;

/**
 * Splits one connection's byte stream into frames (RFC 6587 syslog framing, IPFIX message length). One instance
 * per connection. A framer always makes progress: bytes it cannot frame are reported and skipped, never retried
 * forever.
 */
public interface StreamFramer
{
    /** Receives frames and framing errors. */
    interface FrameHandler
    {
        /**
         * @param buf    bytes (valid only during the call).
         * @param offset frame start.
         * @param length frame length.
         */
        void onFrame(byte[] buf, int offset, int length);

        /**
         * Bytes that were skipped because they could not be framed.
         *
         * @param reason       why.
         * @param streamOffset offset in the stream where the bad bytes start.
         * @param buf          the skipped bytes (valid only during the call).
         * @param offset       start.
         * @param length       length.
         */
        void onError(String reason, long streamOffset, byte[] buf, int offset, int length);
    }

    /**
     * Feeds the next bytes of the stream.
     *
     * @param buf     bytes (not kept after the call; the framer copies what it must keep).
     * @param offset  start.
     * @param length  length.
     * @param handler receives complete frames.
     */
    void onBytes(byte[] buf, int offset, int length, FrameHandler handler);

    /**
     * The stream ended: a trailing partial frame is delivered (if the framing allows it) or reported.
     *
     * @param handler receives the last frame or error.
     */
    void onEnd(FrameHandler handler);
}
