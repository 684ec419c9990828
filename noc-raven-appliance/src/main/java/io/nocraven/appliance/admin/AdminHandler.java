package io.nocraven.appliance.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.nocraven.appliance.config.ConfigException;
import io.nocraven.appliance.config.ConfigTree;
import io.nocraven.appliance.source.BindFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Routes admin requests. Reads ({@code GET}) are open, so probes and Prometheus need no token; every other method
 * needs {@code Authorization: Bearer <admin token>}: missing -> 401, wrong -> 403. Errors are JSON
 * {@code {"error": "...", "errors": [...]}}: 400 bad body, 404 unknown path, 405 wrong method, 409 port conflict or
 * failed bind (rolled back), 422 invalid configuration.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String API = "/api/v1";

    private final ApplianceControl control;
    private final LiveStatus live;

    AdminHandler(final ApplianceControl control, final LiveStatus live)
    {
        this.control = control;
        this.live = live;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest req)
    {
        final String path = req.uri().split("\\?", 2)[0];
        final HttpMethod m = req.method();
        final boolean read = HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m);
        if (!read)
        {
            final String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
            if (auth == null || !auth.startsWith("Bearer "))
            {
                error(ctx, req, HttpResponseStatus.UNAUTHORIZED, "admin token required (Authorization: Bearer ...)");
                return;
            }
            if (!control.token().matches(auth.substring("Bearer ".length()).trim()))
            {
                error(ctx, req, HttpResponseStatus.FORBIDDEN, "wrong admin token");
                return;
            }
        }
        try
        {
            route(ctx, req, path, m);
        }
        catch (final ConfigException ex)
        {
            final ObjectNode body = JSON.objectNode().put("error", "invalid configuration");
            ex.errors().forEach(body.putArray("errors")::add);
            final boolean conflict = ex.errors().stream().anyMatch(e -> e.contains("already used"));
            send(ctx, req, conflict ? HttpResponseStatus.CONFLICT : HttpResponseStatus.UNPROCESSABLE_ENTITY, body);
        }
        catch (final BindFailure ex)
        {
            error(ctx, req, HttpResponseStatus.CONFLICT, ex.getMessage());
        }
        catch (final IOException ex)
        {
            error(ctx, req, HttpResponseStatus.BAD_REQUEST, ex.getMessage());
        }
    }

    private void route(final ChannelHandlerContext ctx, final FullHttpRequest req, final String path,
        final HttpMethod m) throws ConfigException, BindFailure, IOException
    {
        final boolean get = HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m);
        if (get && io.nocraven.appliance.panel.PanelRoutes.handle(ctx, req, path, control))
        {
            return;
        }
        if ("/metrics".equals(path) && get)
        {
            text(ctx, req, HttpResponseStatus.OK, control.metrics(), "text/plain; version=0.0.4; charset=utf-8");
        }
        else if ((API + "/health").equals(path) && get)
        {
            final ObjectNode h = control.health();
            send(ctx, req, h.get("ready").booleanValue() ? HttpResponseStatus.OK
                : HttpResponseStatus.SERVICE_UNAVAILABLE, h);
        }
        else if ((API + "/health/live").equals(path) && get)
        {
            send(ctx, req, HttpResponseStatus.OK, JSON.objectNode().put("live", true));
        }
        else if ((API + "/status").equals(path) && get)
        {
            send(ctx, req, HttpResponseStatus.OK, control.status());
        }
        else if ((API + "/status/stream").equals(path) && get)
        {
            stream(ctx);
        }
        else if ((API + "/config").equals(path) && get)
        {
            send(ctx, req, HttpResponseStatus.OK, control.config());
        }
        else if ((API + "/config").equals(path) && HttpMethod.PUT.equals(m))
        {
            send(ctx, req, HttpResponseStatus.OK, control.putConfig(body(req)));
        }
        else if ((API + "/ports").equals(path) && get)
        {
            send(ctx, req, HttpResponseStatus.OK, control.ports());
        }
        else if (path.startsWith(API + "/ports/") && HttpMethod.PUT.equals(m))
        {
            final JsonNode b = body(req);
            send(ctx, req, HttpResponseStatus.OK, control.changePort(path.substring((API + "/ports/").length()),
                b.hasNonNull("bind") ? b.get("bind").asText() : null,
                b.hasNonNull("port") ? Integer.valueOf(b.get("port").asInt()) : null,
                b.hasNonNull("enabled") ? Boolean.valueOf(b.get("enabled").asBoolean()) : null));
        }
        else if ((API + "/buffer").equals(path) && get)
        {
            send(ctx, req, HttpResponseStatus.OK, control.buffer());
        }
        else if (path.startsWith(API + "/buffer/") && HttpMethod.POST.equals(m))
        {
            bufferAction(ctx, req, path.substring((API + "/buffer/").length()));
        }
        else if ((API + "/quarantine.pcap").equals(path) && get)
        {
            final FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(control.quarantinePcap()));
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/vnd.tcpdump.pcap");
            resp.headers().set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"noc-raven-quarantine.pcap\"");
            resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
            ctx.writeAndFlush(resp);
        }
        else if ((API + "/quarantine").equals(path) && get)
        {
            send(ctx, req, HttpResponseStatus.OK, control.quarantine());
        }
        else if ((API + "/token/rotate").equals(path) && HttpMethod.POST.equals(m))
        {
            send(ctx, req, HttpResponseStatus.OK, JSON.objectNode().put("token", control.rotateToken()));
        }
        else if (known(path))
        {
            error(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, m + " not allowed on " + path);
        }
        else
        {
            error(ctx, req, HttpResponseStatus.NOT_FOUND, "no such endpoint: " + path);
        }
    }

    /**
     * {@code POST /api/v1/buffer/{pause|resume|replay|purge}} with an optional body {@code {"forwarder": "kafka",
     * "from": "2026-12-01T10:00:00Z", "confirm": "purge"}}: replay needs {@code from}; purge needs
     * {@code "confirm": "purge"} (it drops the forwarding backlog).
     */
    private void bufferAction(final ChannelHandlerContext ctx, final FullHttpRequest req, final String action)
        throws ConfigException, IOException
    {
        final JsonNode b = req.content().isReadable() ? body(req) : JSON.objectNode();
        final String forwarder = b.hasNonNull("forwarder") ? b.get("forwarder").asText() : null;
        long from = -1;
        if ("replay".equals(action))
        {
            try
            {
                from = java.time.Instant.parse(b.path("from").asText()).toEpochMilli();
            }
            catch (final java.time.format.DateTimeParseException ex)
            {
                throw new ConfigException(java.util.List.of("from: value '" + b.path("from").asText()
                    + "' is invalid (expected an ISO-8601 UTC time such as 2026-12-01T10:00:00Z)"));
            }
        }
        if ("purge".equals(action) && !"purge".equals(b.path("confirm").asText()))
        {
            throw new ConfigException(java.util.List.of("confirm: value '" + b.path("confirm").asText()
                + "' is invalid (expected \"purge\": purging drops every unforwarded record of the forwarder)"));
        }
        send(ctx, req, HttpResponseStatus.OK, control.bufferAction(action, forwarder, from));
    }

    private static boolean known(final String path)
    {
        return "/metrics".equals(path) || path.startsWith(API + "/health") || path.startsWith(API + "/status")
            || path.equals(API + "/config") || path.startsWith(API + "/ports") || path.startsWith(API + "/quarantine")
            || path.equals(API + "/token/rotate") || path.startsWith(API + "/buffer");
    }

    private static JsonNode body(final FullHttpRequest req) throws IOException
    {
        final String text = req.content().toString(StandardCharsets.UTF_8);
        try
        {
            final JsonNode n = ConfigTree.YAML.readTree(text);
            if (n == null || !n.isObject())
            {
                throw new IOException("request body: expected a JSON or YAML object");
            }
            return n;
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException ex)
        {
            throw new IOException("request body: not valid JSON/YAML: " + ex.getOriginalMessage(), ex);
        }
    }

    private void stream(final ChannelHandlerContext ctx)
    {
        final HttpResponse resp = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        resp.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.writeAndFlush(resp);
        live.subscribe(ctx.channel());
    }

    private static void error(final ChannelHandlerContext ctx, final FullHttpRequest req,
        final HttpResponseStatus status, final String message)
    {
        send(ctx, req, status, JSON.objectNode().put("error", message));
    }

    private static void send(final ChannelHandlerContext ctx, final FullHttpRequest req,
        final HttpResponseStatus status, final JsonNode body)
    {
        text(ctx, req, status, body.toString(), "application/json");
    }

    private static void text(final ChannelHandlerContext ctx, final FullHttpRequest req,
        final HttpResponseStatus status, final String body, final String type)
    {
        final FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            HttpMethod.HEAD.equals(req.method()) ? Unpooled.EMPTY_BUFFER
                : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
        final boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (keepAlive)
        {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(resp);
        }
        else
        {
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
