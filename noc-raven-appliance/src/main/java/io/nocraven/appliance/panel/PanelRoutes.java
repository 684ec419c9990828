package io.nocraven.appliance.panel;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.nocraven.appliance.admin.ApplianceControl;
import java.nio.charset.StandardCharsets;

/**
 * The panel's routes on the admin port, asked first by the admin handler for every {@code GET}/{@code HEAD}:
 * <ul>
 *   <li>{@code /} and {@code /panel/...}: the web control panel (from the jar); {@code /vendor/uplot/...}: the
 *   chart library from its WebJar;</li>
 *   <li>{@code GET /api/v1/auth/check}: 204 when the {@code Authorization: Bearer} token is right, 401 when
 *   missing, 403 when wrong (the panel's login; it changes nothing);</li>
 *   <li>{@code GET /api/v1/errors}: recent distinct errors ({@link ErrorsView});</li>
 * </ul>
 * Reads stay open like every other admin {@code GET}; the panel itself holds no data.
 */
public final class PanelRoutes
{
    private static final StaticAssets ASSETS = new StaticAssets();

    private PanelRoutes()
    {
    }

    /**
     * @param ctx     channel.
     * @param req     the request (GET or HEAD).
     * @param path    the path without query.
     * @param control the appliance.
     * @return true when answered here.
     */
    public static boolean handle(final ChannelHandlerContext ctx, final FullHttpRequest req, final String path,
        final ApplianceControl control)
    {
        if ("/api/v1/auth/check".equals(path))
        {
            final String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
            final HttpResponseStatus s = auth == null || !auth.startsWith("Bearer ") ? HttpResponseStatus.UNAUTHORIZED
                : control.token().matches(auth.substring("Bearer ".length()).trim()) ? HttpResponseStatus.NO_CONTENT
                : HttpResponseStatus.FORBIDDEN;
            final String body = s == HttpResponseStatus.NO_CONTENT ? ""
                : JsonNodeFactory.instance.objectNode().put("error", s == HttpResponseStatus.UNAUTHORIZED
                    ? "admin token required (Authorization: Bearer ...)" : "wrong admin token").toString();
            send(ctx, req, s, body.getBytes(StandardCharsets.UTF_8), "application/json");
            return true;
        }
        if ("/api/v1/errors".equals(path))
        {
            final byte[] body = ErrorsView.errors(control.quarantine(), control.status(), control.health()).toString()
                .getBytes(StandardCharsets.UTF_8);
            send(ctx, req, HttpResponseStatus.OK, body, "application/json");
            return true;
        }
        final String resource = ASSETS.resourceFor(path);
        if (resource == null)
        {
            return false;
        }
        final byte[] bytes = ASSETS.read(resource);
        if (bytes == null)
        {
            return false;
        }
        final FullHttpResponse r = response(req, HttpResponseStatus.OK, bytes, StaticAssets.contentType(resource));
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        r.headers().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'");
        r.headers().set("X-Content-Type-Options", "nosniff");
        write(ctx, req, r);
        return true;
    }

    private static void send(final ChannelHandlerContext ctx, final FullHttpRequest req,
        final HttpResponseStatus status, final byte[] body, final String type)
    {
        write(ctx, req, response(req, status, body, type));
    }

    private static FullHttpResponse response(final FullHttpRequest req, final HttpResponseStatus status,
        final byte[] body, final String type)
    {
        final FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            HttpMethod.HEAD.equals(req.method()) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, HttpMethod.HEAD.equals(req.method()) ? body.length
            : resp.content().readableBytes());
        return resp;
    }

    private static void write(final ChannelHandlerContext ctx, final FullHttpRequest req, final FullHttpResponse r)
    {
        if (HttpUtil.isKeepAlive(req))
        {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
        }
        else
        {
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
