package io.nocraven.testing;

import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.CaptureStats;
import io.nocraven.core.capture.PacketHandler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads classpath captures (pcap or pcapng, e.g. {@code /fixtures/netflow/softflowd_v5.pcap}) with
 * {@link CaptureReader}: the UDP datagrams, their payloads, or the TCP streams per direction.
 */
public final class Captures
{
    /**
     * One UDP datagram of a capture.
     *
     * @param timestampNanos capture time, nanoseconds since the epoch.
     * @param source         sender.
     * @param destination    receiver.
     * @param payload        the payload (a copy).
     */
    public record Datagram(long timestampNanos, InetSocketAddress source, InetSocketAddress destination, byte[] payload)
    {
        @Override
        public String toString()
        {
            return "Datagram{" + timestampNanos + " " + source + " -> " + destination + ", " + payload.length + " bytes}";
        }
    }

    /**
     * The in-order payload bytes of one direction of one TCP connection.
     *
     * @param source      sender.
     * @param destination receiver.
     * @param bytes       every byte delivered, concatenated.
     */
    public record TcpStream(InetSocketAddress source, InetSocketAddress destination, byte[] bytes)
    {
        @Override
        public String toString()
        {
            return "TcpStream{" + source + " -> " + destination + ", " + bytes.length + " bytes}";
        }
    }

    private Captures()
    {
    }

    /**
     * @param resource classpath capture.
     * @return its UDP datagrams in capture order.
     */
    public static List<Datagram> udp(final String resource)
    {
        final List<Datagram> out = new ArrayList<>();
        read(resource, new PacketHandler()
        {
            @Override
            public void onUdp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
                final int length)
            {
                out.add(new Datagram(ts, src, dst, Arrays.copyOfRange(data, offset, offset + length)));
            }

            @Override
            public void onTcp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
                final int length)
            {
            }
        });
        return out;
    }

    /**
     * @param resource classpath capture.
     * @return the payload of every UDP datagram, in capture order.
     */
    public static List<byte[]> udpPayloads(final String resource)
    {
        final List<byte[]> out = new ArrayList<>();
        for (final Datagram d : udp(resource))
        {
            out.add(d.payload());
        }
        return out;
    }

    /**
     * @param resource classpath capture.
     * @return one stream per direction of each TCP connection, in the order the directions were first seen (a
     * direction that sent no payload is there too, with no bytes); a new connection on the same addresses and
     * ports after the previous one ended is a new stream.
     */
    public static List<TcpStream> tcpStreams(final String resource)
    {
        final List<StreamBuilder> order = new ArrayList<>();
        final Map<List<InetSocketAddress>, StreamBuilder> open = new HashMap<>();
        read(resource, new PacketHandler()
        {
            @Override
            public void onUdp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
                final int length)
            {
            }

            @Override
            public void onTcp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
                final int length)
            {
                stream(src, dst).bytes.write(data, offset, length);
            }

            @Override
            public void onTcpEnd(final long ts, final InetSocketAddress src, final InetSocketAddress dst)
            {
                stream(src, dst);
                open.remove(List.of(src, dst));
            }

            private StreamBuilder stream(final InetSocketAddress src, final InetSocketAddress dst)
            {
                return open.computeIfAbsent(List.of(src, dst), k ->
                {
                    final StreamBuilder s = new StreamBuilder(src, dst);
                    order.add(s);
                    return s;
                });
            }
        });
        final List<TcpStream> out = new ArrayList<>();
        for (final StreamBuilder s : order)
        {
            out.add(new TcpStream(s.source, s.destination, s.bytes.toByteArray()));
        }
        return out;
    }

    /**
     * Reads a classpath capture into a handler.
     *
     * @param resource classpath capture.
     * @param handler  receives its content.
     * @return the reader's counts.
     */
    public static CaptureStats read(final String resource, final PacketHandler handler)
    {
        try (InputStream in = Fixtures.open(resource))
        {
            return CaptureReader.read(in, Path.of(resource.startsWith("/") ? resource.substring(1) : resource), handler);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("reading capture " + resource, ex);
        }
    }

    private static final class StreamBuilder
    {
        final InetSocketAddress source;
        final InetSocketAddress destination;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StreamBuilder(final InetSocketAddress source, final InetSocketAddress destination)
        {
            this.source = source;
            this.destination = destination;
        }
    }
}
