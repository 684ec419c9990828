package io.nocraven.core.capture;

/**
 * Receives the link-layer frames a capture format yields, in file order.
 */
interface FrameSink
{
    /**
     * @param linkType       the frame's LINKTYPE_ value (tcpdump.org link-layer header types).
     * @param timestampNanos capture time, nanoseconds since the epoch.
     * @param buf            frame bytes (valid only during the call).
     * @param offset         frame start.
     * @param length         captured length.
     */
    void onFrame(int linkType, long timestampNanos, byte[] buf, int offset, int length);
}
