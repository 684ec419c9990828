package io.nocraven.appliance.source;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.pipeline.IngressRing;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

/**
 * Windows events over HTTP(S): {@code POST /api/v1/windows-events} with {@code Authorization: Bearer <token>}; the
 * body (JSON, one event or an array / JSON lines, as the windows-event codec accepts) becomes one input in the
 * ingest ring. Answers 202 when queued, 401/403 for a missing/wrong token, 404/405 elsewhere, 413 above
 * {@code maxBodyBytes}, 503 when the ring is full.
 */
public final class WindowsEventListener implements Listener
{
    /** The one path accepted. */
    public static final String PATH = "/api/v1/windows-events";

    private final ListenerConfig config;
    private final IngressRing ring;
    private final SslContext ssl;
    private final byte[] token;
    private EventLoopGroup group;
    private Channel server;
    private volatile int boundPort = -1;

    /**
     * @param config settings.
     * @param ring   where bodies go.
     * @param ssl    TLS context, or null.
     */
    public WindowsEventListener(final ListenerConfig config, final IngressRing ring, final SslContext ssl)
    {
        this.config = config;
        this.ring = ring;
        this.ssl = ssl;
        this.token = config.token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() throws BindFailure
    {
        group = NettyTransport.group(2, "noc-raven-windows-http");
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
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(config.maxBodyBytes()),
                        new Handler());
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
        return "";
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

    /** Checks path, method and token, then queues the body. */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest req)
        {
            final String path = req.uri().split("\\?", 2)[0];
            if (!PATH.equals(path))
            {
                reply(ctx, HttpResponseStatus.NOT_FOUND, "{\"error\":\"not found\"}");
                return;
            }
            if (!HttpMethod.POST.equals(req.method()))
            {
                reply(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "{\"error\":\"use POST\"}");
                return;
            }
            final String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
            if (auth == null || !auth.startsWith("Bearer "))
            {
                reply(ctx, HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"bearer token required\"}");
                return;
            }
            if (!MessageDigest.isEqual(token, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8)))
            {
                reply(ctx, HttpResponseStatus.FORBIDDEN, "{\"error\":\"wrong token\"}");
                return;
            }
            final boolean queued = ring.publish(config.type(), (InetSocketAddress)ctx.channel().remoteAddress(),
                System.currentTimeMillis() * 1_000_000L, req.content(), null);
            reply(ctx, queued ? HttpResponseStatus.ACCEPTED : HttpResponseStatus.SERVICE_UNAVAILABLE,
                queued ? "{\"accepted\":true}" : "{\"error\":\"ingest ring full, retry later\"}");
        }

        private void reply(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String body)
        {
            final FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
