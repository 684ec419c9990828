package io.nocraven.appliance.app;

import io.nocraven.appliance.config.ListenerConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.DecodeStage;
import io.nocraven.appliance.pipeline.QuarantinedInput;
import io.nocraven.appliance.source.ListenerSet;
import io.nocraven.core.capture.LinkType;
import io.nocraven.core.capture.PcapWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The recent undecodable inputs as a pcap file (Ethernet, nanosecond timestamps), so that a bad datagram can become a
 * test case: each input is one UDP datagram from its exporter to the loopback address on its protocol's well-known
 * port (so {@code noc-raven decode --protocol auto} picks the right decoder); TCP frames are written the same way.
 */
final class QuarantinePcap
{
    private QuarantinePcap()
    {
    }

    static byte[] render(final ListenerSet listeners, final DecodeStage stage)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PcapWriter pcap = new PcapWriter(bytes, LinkType.ETHERNET, true))
        {
            for (final ListenerConfig c : listeners.configs().values())
            {
                for (final QuarantinedInput q : stage.counters(c.type()).recent())
                {
                    final InetSocketAddress from = parse(q.exporter());
                    final InetAddress to = InetAddress.getByName(from.getAddress().getAddress().length == 4
                        ? "127.0.0.1" : "::1");
                    final int length = Math.min(q.bytes().length, from.getAddress().getAddress().length == 4
                        ? PcapWriter.MAX_UDP_PAYLOAD_IPV4 : PcapWriter.MAX_UDP_PAYLOAD_IPV6);
                    pcap.writeUdp(q.receivedAtNanos(), from, new InetSocketAddress(to, port(c.type())), q.bytes(), 0,
                        length);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private static int port(final ListenerType type)
    {
        return type.family().ports()[0];
    }

    static InetSocketAddress parse(final String exporter)
    {
        final int colon = exporter.lastIndexOf(':');
        final String host = exporter.substring(0, colon).replace("[", "").replace("]", "");
        try
        {
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(exporter.substring(colon + 1)));
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException("exporter text is always a literal address: " + exporter, ex);
        }
    }
}
