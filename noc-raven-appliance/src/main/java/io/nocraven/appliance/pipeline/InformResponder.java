package io.nocraven.appliance.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.nocraven.codec.snmp.SnmpInform;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers SNMP InformRequests (RFC 3416 4.2.7): the codec encodes the Response ({@link SnmpInform#encodeResponse()}),
 * which is sent from the socket the inform arrived on to the sender's address and port. Netty queues the write to
 * the socket's event loop, so the pipeline thread does not wait for it.
 */
final class InformResponder
{
    private final AtomicLong answered = new AtomicLong();

    void answer(final SnmpInform inform, final IngressEvent event)
    {
        if (!(event.replyChannel instanceof Channel ch) || !ch.isActive())
        {
            return;
        }
        final byte[] response = inform.encodeResponse();
        ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(response),
            new InetSocketAddress(event.context.exporterInetAddress(), event.context.exporterPort())));
        answered.incrementAndGet();
    }

    long answered()
    {
        return answered.get();
    }
}
