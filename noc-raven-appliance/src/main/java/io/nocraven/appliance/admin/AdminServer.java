package io.nocraven.appliance.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.nocraven.appliance.config.AdminConfig;
import io.nocraven.appliance.source.BindFailure;
import io.nocraven.appliance.source.NettyTransport;
import java.io.File;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The admin HTTP server (Netty, HTTP/1.1, optional TLS): the JSON API under {@code /api/v1}, {@code /metrics} and
 * the live status stream. Routing and auth are in {@link AdminHandler}.
 */
public final class AdminServer implements AutoCloseable
{
    /** Largest request body accepted (configuration documents). */
    public static final int MAX_BODY = 1024 * 1024;

    private final AdminConfig config;
    private final ApplianceControl control;
    private final LiveStatus live;
    private EventLoopGroup group;
    private Channel server;
    private volatile int boundPort = -1;

    /**
     * @param config  admin settings.
     * @param control the appliance.
     */
    public AdminServer(final AdminConfig config, final ApplianceControl control)
    {
        this.config = config;
        this.control = control;
        this.live = new LiveStatus(control);
    }

    /**
     * @throws BindFailure when the port cannot be bound or the TLS files cannot be loaded.
     */
    public void start() throws BindFailure
    {
        final SslContext ssl = config.tls() ? ssl() : null;
        group = NettyTransport.group(2, "noc-raven-admin");
        final ServerBootstrap b = new ServerBootstrap().group(group).channel(NettyTransport.serverChannel())
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (ssl != null)
                    {
                        ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                        new AdminHandler(control, live));
                }
            });
        final ChannelFuture f = b.bind(new InetSocketAddress(config.bind(), config.port())).awaitUninterruptibly();
        if (!f.isSuccess())
        {
            close();
            throw BindFailure.of("admin", "TCP", config.bind(), config.port(), f.cause());
        }
        server = f.channel();
        boundPort = ((InetSocketAddress)server.localAddress()).getPort();
        live.start();
    }

    private SslContext ssl() throws BindFailure
    {
        try
        {
            return SslContextBuilder.forServer(new File(config.certFile()), new File(config.keyFile())).build();
        }
        catch (final SSLException | IllegalArgumentException ex)
        {
            throw new BindFailure("admin.tls: cannot load certificate '" + config.certFile() + "' / key '"
                + config.keyFile() + "' (expected PEM certificate chain and PKCS#8 key): " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the bound port, or -1.
     */
    public int boundPort()
    {
        return boundPort;
    }

    @Override
    public void close()
    {
        live.close();
        if (server != null)
        {
            server.close().awaitUninterruptibly();
            server = null;
        }
        if (group != null)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
    }
}
