package io.nocraven.appliance.source;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
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
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.winevent.IngestResult;
import io.nocraven.codec.winevent.WindowsEventDecoder;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;

/**
 * Windows events over HTTP(S): {@code POST /api/v1/windows-events} with {@code Authorization: Bearer <token>}; the
 * body (JSON: one event, an array or JSON lines; gzip, UTF-16 as the windows-event codec accepts) is checked with the
 * codec's {@code decodeBody} (Content-Type and Content-Encoding included) to answer with its status (202, 400, 413,
 * 415, 422), and journaled as one input when it was accepted or malformed (malformed bodies end up quarantined).
 * 401/403 for a missing/wrong token, 404/405 elsewhere, 413 above {@code maxBodyBytes}, 503 when the ring is full.
 */
public final class WindowsEventListener implements Listener
{
    /** The one path accepted. */
    public static final String PATH = "/api/v1/windows-events";

    private final ListenerConfig config;
    private final IngressRing ring;
    private final SslContext ssl;
    private final CodecOptions options;
    private final byte[] token;
    private EventLoopGroup group;
    private Channel server;
    private volatile int boundPort = -1;

    /**
     * @param config settings.
     * @param ring   where bodies go.
     * @param ssl     TLS context, or null.
     * @param options codec options.
     */
    public WindowsEventListener(final ListenerConfig config, final IngressRing ring, final SslContext ssl,
        final CodecOptions options)
    {
        this.options = options;
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
        private final WindowsEventDecoder decoder = new WindowsEventDecoder(options);
        private final CountingRecordWriter discard = new CountingRecordWriter();
        private final RecordContext context = new RecordContext();

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
            // RFC 7235 section 2.1: the auth-scheme is case-insensitive ("bearer" from some shippers).
            if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7))
            {
                reply(ctx, HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"bearer token required\"}");
                return;
            }
            if (!MessageDigest.isEqual(token, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8)))
            {
                reply(ctx, HttpResponseStatus.FORBIDDEN, "{\"error\":\"wrong token\"}");
                return;
            }
            final InetSocketAddress remote = (InetSocketAddress)ctx.channel().remoteAddress();
            final long now = System.currentTimeMillis() * 1_000_000L;
            final IngestResult result = check(req, remote, now);
            final IngestResult.Outcome outcome = result.outcome();
            if (outcome == IngestResult.Outcome.ACCEPTED || outcome == IngestResult.Outcome.MALFORMED)
            {
                // Well-formed bodies are journaled; malformed ones too, so that they are counted and quarantined.
                if (req.content().readableBytes() > ring.maxBytes(config.type()))
                {
                    ring.publish(config.type(), remote, now, req.content(), null); // counted as too large
                    reply(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "{\"error\":\"body larger than "
                        + ring.maxBytes(config.type()) + " bytes\"}");
                    return;
                }
                if (!ring.publish(config.type(), remote, now, req.content(), null))
                {
                    reply(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "{\"error\":\"ingest ring full, retry later\"}");
                    return;
                }
            }
            reply(ctx, HttpResponseStatus.valueOf(result.httpStatus()), "{\"outcome\":\""
                + outcome.name().toLowerCase(java.util.Locale.ROOT) + "\",\"accepted\":" + result.accepted()
                + ",\"rejected\":" + result.rejected() + (result.reason() == null ? "" : ",\"reason\":\""
                + result.reason().replace("\"", "'") + "\"") + "}");
        }

        /**
         * Checks the body with the codec (headers included) to answer with the right status; the records are
         * discarded here and produced again from the journaled body by the pipeline.
         */
        private IngestResult check(final FullHttpRequest req, final InetSocketAddress remote, final long now)
        {
            final ByteBuf content = req.content();
            final byte[] body = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), body);
            context.set(remote, config.type().configName(), now);
            discard.reset();
            return decoder.decodeBody(context, body, 0, body.length, req.headers().get(HttpHeaderNames.CONTENT_TYPE),
                req.headers().get(HttpHeaderNames.CONTENT_ENCODING), discard);
        }

        private void reply(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String body)
        {
            final FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
            if (status.equals(HttpResponseStatus.UNAUTHORIZED))
            {
                // RFC 6750 section 3: a 401 names the scheme the client must use.
                resp.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
            }
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
