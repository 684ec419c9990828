package io.nocraven.appliance.panel;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.core.capture.LinkType;
import io.nocraven.core.capture.PcapWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Turns the quarantine document ({@code GET /api/v1/quarantine}) into a classic pcap file (core's
 * {@link PcapWriter}: little-endian, microsecond timestamps, link type RAW = 101), so a bad datagram can be opened
 * in Wireshark or become a test case. Each input becomes one IP packet from its exporter to the listener's bound
 * address and port: a UDP datagram for UDP listeners ({@link PcapWriter#writeUdp}); for TCP listeners one TCP
 * segment (PSH|ACK) synthesized by {@link IpPackets}, because the writer synthesizes UDP only.
 */
public final class QuarantinePcap
{
    private static final int MAX_PAYLOAD = PcapWriter.MAX_UDP_PAYLOAD_IPV4;

    private QuarantinePcap()
    {
    }

    /**
     * @param quarantine the quarantine document ({@code inputs[]}).
     * @param ports      the ports document ({@code listeners[]} with name, bind, boundPort, transport).
     * @return the pcap file.
     */
    public static byte[] write(final JsonNode quarantine, final JsonNode ports)
    {
        final Map<String, JsonNode> byName = new HashMap<>();
        for (final JsonNode l : ports.path("listeners"))
        {
            byName.put(l.path("name").asText(), l);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, LinkType.RAW, false))
        {
            for (final JsonNode in : quarantine.path("inputs"))
            {
                final JsonNode l = byName.get(in.path("listener").asText());
                final byte[] payload = HexFormat.of().parseHex(in.path("hex").asText());
                final int length = Math.min(payload.length, MAX_PAYLOAD);
                final String exporter = in.path("exporter").asText();
                final int colon = exporter.lastIndexOf(':');
                final InetAddress src = address(colon < 0 ? exporter : exporter.substring(0, colon));
                final int sport = colon < 0 ? 0 : parsePort(exporter.substring(colon + 1));
                final InetAddress dst = destination(l, src);
                final int dport = l == null ? 0 : Math.max(0, l.path("boundPort").asInt());
                final long nanos = in.path("receivedAtNanos").asLong();
                if (l != null && "tcp".equals(l.path("transport").asText()))
                {
                    final byte[] data = java.util.Arrays.copyOf(payload, length);
                    final byte[] packet = IpPackets.ip(src.getAddress(), dst.getAddress(), 6,
                        IpPackets.tcp(src.getAddress(), dst.getAddress(), sport, dport, data));
                    w.writeFrame(nanos, packet, 0, packet.length);
                }
                else
                {
                    w.writeUdp(nanos, new InetSocketAddress(src, sport), new InetSocketAddress(dst, dport), payload, 0,
                        length);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static InetAddress destination(final JsonNode listener, final InetAddress src)
    {
        final InetAddress bound = address(listener == null ? "127.0.0.1" : listener.path("bind").asText());
        if (bound.isAnyLocalAddress() || bound.getAddress().length != src.getAddress().length)
        {
            return address(src.getAddress().length == 4 ? "127.0.0.1" : "::1");
        }
        return bound;
    }

    private static int parsePort(final String text)
    {
        try
        {
            final int p = Integer.parseInt(text);
            return p >= 0 && p <= 65_535 ? p : 0;
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    private static InetAddress address(final String text)
    {
        final String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try
        {
            // literal addresses only: the exporter and bind texts are numeric, so this never resolves a name.
            final boolean literal = !t.isEmpty() && t.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.'
                || c == ':');
            return InetAddress.getByName(literal ? t : "127.0.0.1");
        }
        catch (final UnknownHostException ex)
        {
            return InetAddress.getLoopbackAddress();
        }
    }
}
