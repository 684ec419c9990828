package io.nocraven.core.capture;

import java.net.InetSocketAddress;

/**
 * Receives what a capture holds, in capture order: whole UDP datagrams (after IP reassembly) and in-order TCP
 * payload bytes per direction of each connection. Buffers are valid only during the call.
 */
public interface PacketHandler
{
    /**
     * One UDP datagram.
     *
     * @param timestampNanos capture time of the frame (of the last fragment), nanoseconds since the epoch.
     * @param source         sender address and port.
     * @param destination    receiver address and port.
     * @param data           payload bytes.
     * @param offset         payload start.
     * @param length         payload length.
     */
    void onUdp(long timestampNanos, InetSocketAddress source, InetSocketAddress destination, byte[] data, int offset, int length);

    /**
     * The next in-order payload bytes of one direction of a TCP connection.
     *
     * @param timestampNanos capture time of the segment that completed these bytes.
     * @param source         sender address and port.
     * @param destination    receiver address and port.
     * @param data           payload bytes.
     * @param offset         start.
     * @param length         length.
     */
    void onTcp(long timestampNanos, InetSocketAddress source, InetSocketAddress destination, byte[] data, int offset, int length);

    /**
     * One direction of a TCP connection ended (FIN or RST seen, or the capture ended).
     *
     * @param timestampNanos capture time.
     * @param source         sender address and port.
     * @param destination    receiver address and port.
     */
    default void onTcpEnd(final long timestampNanos, final InetSocketAddress source, final InetSocketAddress destination)
    {
    }
}
