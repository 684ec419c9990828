package io.nocraven.appliance.source;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.DatagramPacket;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.pipeline.IngressRing;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP listener: under epoll, {@code threads} sockets share the port with SO_REUSEPORT, one per event loop, so
 * the kernel spreads exporters across threads; under NIO a single socket. The handler only copies the datagram into
 * the ingest ring. The effective SO_RCVBUF is read back and a warning is kept when the kernel capped it.
 */
public final class UdpListener implements Listener
{
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    /** The largest UDP payload (IPv4: 65,535 - 20 - 8; IPv6 without jumbograms is smaller still). */
    static final int MAX_UDP_PAYLOAD = 65_507;
    /**
     * Datagrams taken per system call under epoll ({@code recvmmsg}). Each gets a slot of {@link #MAX_UDP_PAYLOAD}
     * bytes in one pooled read buffer (16 slots: 1 MiB, the largest buffer Netty's adaptive allocator pools), so
     * nothing can be truncated; the kernel writes only the bytes it receives.
     */
    static final int DATAGRAMS_PER_READ = 16;

    private final ListenerConfig config;
    private final IngressRing ring;
    private final List<Channel> channels = new ArrayList<>();
    private EventLoopGroup group;
    private volatile String warning = "";
    private volatile int boundPort = -1;

    /**
     * @param config settings.
     * @param ring   where datagrams go.
     */
    public UdpListener(final ListenerConfig config, final IngressRing ring)
    {
        this.config = config;
        this.ring = ring;
    }

    @Override
    public void start() throws BindFailure
    {
        final boolean reusePort = NettyTransport.epoll() && config.threads() > 1;
        final int sockets = reusePort ? config.threads() : 1;
        group = NettyTransport.group(sockets, "noc-raven-" + config.type().configName());
        // Netty's datagram channels read into 2048-byte buffers by default and silently truncate anything longer
        // (a NetFlow v9/IPFIX export packet or a syslog message over 2 KB): read into buffers that hold the largest
        // UDP payload instead. The pooled allocator recycles them, so this costs no allocation per datagram.
        // Under epoll, one recvmmsg call fills up to DATAGRAMS_PER_READ such slots: at 100k datagrams/s recvmsg and
        // its wake-ups were half of the network thread's time (async-profiler, docs/benchmarks.md).
        final boolean batched = NettyTransport.epoll();
        final Bootstrap b = new Bootstrap().group(group).channel(NettyTransport.datagramChannel())
            .option(ChannelOption.RECVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(batched ? MAX_UDP_PAYLOAD * DATAGRAMS_PER_READ : MAX_UDP_PAYLOAD))
            .handler(new Handler());
        if (batched)
        {
            b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_UDP_PAYLOAD);
        }
        if (config.receiveBufferBytes() > 0)
        {
            b.option(ChannelOption.SO_RCVBUF, config.receiveBufferBytes());
        }
        if (reusePort)
        {
            b.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        if (reusePort && config.port() != 0)
        {
            probeExclusive();
        }
        try
        {
            int port = config.port();
            for (int i = 0; i < sockets; i++)
            {
                final ChannelFuture f = b.bind(new InetSocketAddress(config.bind(), port)).awaitUninterruptibly();
                if (!f.isSuccess())
                {
                    throw BindFailure.of(config, f.cause());
                }
                channels.add(f.channel());
                port = ((InetSocketAddress)f.channel().localAddress()).getPort();
            }
            boundPort = port;
        }
        catch (final BindFailure ex)
        {
            close();
            throw ex;
        }
        checkReceiveBuffer(channels.get(0));
    }

    /**
     * SO_REUSEPORT lets sockets of the same user share a port, which would hide a conflict with another listener or
     * process: first bind a plain socket (no reuse) to prove the port is free, then release it.
     */
    private void probeExclusive() throws BindFailure
    {
        try (DatagramSocket probe = new DatagramSocket(null))
        {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(config.bind(), config.port()));
        }
        catch (final IOException ex)
        {
            throw BindFailure.of(config, ex);
        }
    }

    private void checkReceiveBuffer(final Channel ch)
    {
        final int requested = config.receiveBufferBytes();
        if (requested <= 0)
        {
            return;
        }
        final Integer reported = ch.config().getOption(ChannelOption.SO_RCVBUF);
        if (reported == null)
        {
            return;
        }
        final String max = ReceiveBufferCheck.rmemMax(ReceiveBufferCheck.RMEM_MAX);
        final long granted = ReceiveBufferCheck.granted(reported, NettyTransport.epoll());
        warning = ReceiveBufferCheck.warning(config.keyPrefix() + ".receiveBufferBytes", requested, granted, max);
        if (warning.isEmpty())
        {
            LOG.info("{}: SO_RCVBUF {} bytes granted (net.core.rmem_max={})", config.keyPrefix(),
                granted, max);
        }
        else
        {
            LOG.warn(warning);
        }
    }

    @Override
    public ListenerConfig config()
    {
        return config;
    }

    @Override
    public boolean bound()
    {
        return boundPort >= 0 && channels.stream().allMatch(Channel::isActive);
    }

    @Override
    public int boundPort()
    {
        return boundPort;
    }

    @Override
    public String warning()
    {
        return warning;
    }

    @Override
    public void close()
    {
        for (final Channel ch : channels)
        {
            ch.close().awaitUninterruptibly();
        }
        channels.clear();
        boundPort = -1;
        if (group != null)
        {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
    }

    /** Copies each datagram into the ring; nothing else happens on the network thread. */
    @ChannelHandler.Sharable
    private final class Handler extends SimpleChannelInboundHandler<DatagramPacket>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final DatagramPacket packet)
        {
            ring.publish(config.type(), packet.sender(), System.currentTimeMillis() * 1_000_000L, packet.content(),
                ctx.channel());
        }
    }
}
