package io.nocraven.appliance.source;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP (or TLS) listener for framed streams: syslog (RFC 6587 octet counting or newline framing, detected by the
 * codec's framer) and IPFIX. Each connection gets its own framer; every frame is one input in the ingest ring.
 */
public final class TcpListener implements Listener
{
    private final ListenerConfig config;
    private final IngressRing ring;
    private final CodecOptions options;
    private final SslContext ssl;
    private final AtomicInteger connections = new AtomicInteger();
    private final FramingErrors framingErrors;
    private EventLoopGroup group;
    private Channel server;
    private volatile int boundPort = -1;

    /**
     * @param config  settings.
     * @param ring    where frames go.
     * @param options codec options (for the framer).
     * @param ssl     TLS context, or null for plain TCP.
     */
    public TcpListener(final ListenerConfig config, final IngressRing ring, final CodecOptions options,
        final SslContext ssl)
    {
        this.config = config;
        this.ring = ring;
        this.options = options;
        this.ssl = ssl;
        this.framingErrors = new FramingErrors(config.type().configName());
    }

    /**
     * @return true when the codec module offers a framer for this listener's protocol.
     */
    public boolean framerAvailable()
    {
        return Decoders.createFramer(config.type().family(), options) != null;
    }

    @Override
    public void start() throws BindFailure
    {
        group = NettyTransport.group(2, "noc-raven-" + config.type().configName());
        final ServerBootstrap b = new ServerBootstrap().group(group).channel(NettyTransport.serverChannel())
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (connections.incrementAndGet() > config.maxConnections())
                    {
                        connections.decrementAndGet();
                        ch.close();
                        return;
                    }
                    ch.closeFuture().addListener(f -> connections.decrementAndGet());
                    if (ssl != null)
                    {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new StreamIngressHandler(config.type(), ring,
                        Decoders.createFramer(config.type().family(), options), framingErrors));
                }
            });
        final ChannelFuture f = b.bind(new InetSocketAddress(config.bind(), config.port())).awaitUninterruptibly();
        if (!f.isSuccess())
        {
            close();
            throw BindFailure.of(config, f.cause());
        }
        server = f.channel();
        boundPort = ((InetSocketAddress)server.localAddress()).getPort();
    }

    /**
     * @return open connections.
     */
    public int connections()
    {
        return connections.get();
    }

    /**
     * @return bytes skipped because they could not be framed.
     */
    public FramingErrors framingErrors()
    {
        return framingErrors;
    }

    @Override
    public ListenerConfig config()
    {
        return config;
    }

    @Override
    public boolean bound()
    {
        return server != null && server.isActive();
    }

    @Override
    public int boundPort()
    {
        return boundPort;
    }

    @Override
    public String warning()
    {
        return framerAvailable() ? "" : "no stream framer for " + config.type().family().cliName()
            + " in the codec module: connections are accepted but nothing can be framed";
    }

    @Override
    public void close()
    {
        if (server != null)
        {
            server.close().awaitUninterruptibly();
            server = null;
        }
        boundPort = -1;
        if (group != null)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
    }
}
