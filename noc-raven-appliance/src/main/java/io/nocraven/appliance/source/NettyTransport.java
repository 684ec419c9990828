package io.nocraven.appliance.source;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * Picks the Netty transport: native epoll on Linux when the native library loads (needed for SO_REUSEPORT, so that
 * several event loops can read one UDP port), NIO everywhere else.
 */
public final class NettyTransport
{
    private NettyTransport()
    {
    }

    /**
     * @return true when native epoll is in use.
     */
    public static boolean epoll()
    {
        return Epoll.isAvailable();
    }

    /**
     * @param threads event loops.
     * @param name    thread name prefix.
     * @return a new group.
     */
    public static EventLoopGroup group(final int threads, final String name)
    {
        final IoHandlerFactory io = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }

    /**
     * @return the datagram channel class.
     */
    public static Class<? extends DatagramChannel> datagramChannel()
    {
        return epoll() ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /**
     * @return the server socket channel class.
     */
    public static Class<? extends ServerSocketChannel> serverChannel()
    {
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
