package io.nocraven.appliance.source;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.IngressRing;
import io.nocraven.codec.StreamFramer;
import java.net.InetSocketAddress;

/**
 * Per-connection handler: feeds the bytes to the connection's framer and copies every complete frame into the
 * ingest ring (waiting for room, so a full ring slows the sender instead of losing frames).
 */
final class StreamIngressHandler extends ChannelInboundHandlerAdapter implements StreamFramer.FrameHandler
{
    private final ListenerType type;
    private final IngressRing ring;
    private final StreamFramer framer;
    private final FramingErrors errors;
    private byte[] scratch = new byte[8192];
    private byte[] address;
    private int port;
    private Object remote;

    StreamIngressHandler(final ListenerType type, final IngressRing ring, final StreamFramer framer,
        final FramingErrors errors)
    {
        this.type = type;
        this.ring = ring;
        this.framer = framer;
        this.errors = errors;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        final InetSocketAddress r = (InetSocketAddress)ctx.channel().remoteAddress();
        address = r.getAddress().getAddress();
        port = r.getPort();
        remote = r;
        if (framer == null)
        {
            errors.onError("no framer", " for " + type.family().cliName(), 0, remote);
            ctx.close();
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ByteBuf buf = (ByteBuf)msg;
        try
        {
            final int n = buf.readableBytes();
            if (scratch.length < n)
            {
                scratch = new byte[Math.max(n, scratch.length * 2)];
            }
            buf.readBytes(scratch, 0, n);
            if (framer != null)
            {
                framer.onBytes(scratch, 0, n, this);
            }
        }
        finally
        {
            buf.release();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (framer != null)
        {
            framer.onEnd(this);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        errors.onError("connection error", ": " + cause.getMessage(), 0, remote);
        ctx.close();
    }

    @Override
    public void onFrame(final byte[] buf, final int offset, final int length)
    {
        ring.publishBlocking(type, address, port, System.currentTimeMillis() * 1_000_000L, buf, offset, length);
    }

    @Override
    public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset,
        final int length)
    {
        errors.onError(reason, " at stream offset " + streamOffset, length, remote);
    }
}
