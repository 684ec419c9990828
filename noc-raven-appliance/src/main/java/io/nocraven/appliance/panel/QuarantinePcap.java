package io.nocraven.appliance.panel;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Turns the quarantine document ({@code GET /api/v1/quarantine}) into a classic pcap file (little-endian,
 * microsecond timestamps, link type RAW = 101), so a bad datagram can be opened in Wireshark or replayed into a
 * test. Each input becomes one IP packet from its exporter to the listener's bound address and port: UDP for UDP
 * listeners, one TCP segment (PSH|ACK) for TCP listeners, with valid IPv4/UDP/TCP checksums.
 * <p>
 * Written here rather than with core's {@code PcapWriter} because that class is not on this branch's base yet;
 * the layout is the one of {@code pcap(3)}/{@code pcap-savefile(5)}:
 * <pre>
 * global header (24): magic a1b2c3d4 | version 2.4 | thiszone 0 | sigfigs 0 | snaplen 65535 | linktype 101
 * record header (16): ts_sec | ts_usec | incl_len | orig_len, then incl_len bytes of IP packet
 * </pre>
 */
final class QuarantinePcap
{
    /** Link type of raw IPv4/IPv6 packets. */
    static final int LINKTYPE_RAW = 101;
    private static final int SNAPLEN = 65_535;
    private static final int MAX_PAYLOAD = 65_535 - 60 - 40;

    private QuarantinePcap()
    {
    }

    /**
     * @param quarantine the quarantine document ({@code inputs[]}).
     * @param ports      the ports document ({@code listeners[]} with name, bind, boundPort, transport).
     * @return the pcap file.
     */
    static byte[] write(final JsonNode quarantine, final JsonNode ports)
    {
        final Map<String, JsonNode> byName = new HashMap<>();
        for (final JsonNode l : ports.path("listeners"))
        {
            byName.put(l.path("name").asText(), l);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteBuffer g = le(24);
        g.putInt(0xa1b2c3d4).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(SNAPLEN)
            .putInt(LINKTYPE_RAW);
        out.writeBytes(g.array());
        for (final JsonNode in : quarantine.path("inputs"))
        {
            final JsonNode l = byName.get(in.path("listener").asText());
            final byte[] payload = HexFormat.of().parseHex(in.path("hex").asText());
            final byte[] p = payload.length > MAX_PAYLOAD ? java.util.Arrays.copyOf(payload, MAX_PAYLOAD) : payload;
            final boolean tcp = l != null && "tcp".equals(l.path("transport").asText());
            final byte[] packet = packet(in.path("exporter").asText(), l, tcp, p);
            final long nanos = in.path("receivedAtNanos").asLong();
            final ByteBuffer r = le(16);
            r.putInt((int)(nanos / 1_000_000_000L)).putInt((int)(nanos % 1_000_000_000L / 1000))
                .putInt(packet.length).putInt(packet.length);
            out.writeBytes(r.array());
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    private static byte[] packet(final String exporter, final JsonNode listener, final boolean tcp, final byte[] data)
    {
        final int colon = exporter.lastIndexOf(':');
        final InetAddress src = address(colon < 0 ? exporter : exporter.substring(0, colon));
        final int sport = colon < 0 ? 0 : parsePort(exporter.substring(colon + 1));
        final InetAddress bound = address(listener == null ? "127.0.0.1" : listener.path("bind").asText());
        final int dport = listener == null ? 0 : Math.max(0, listener.path("boundPort").asInt());
        final byte[] s = src.getAddress();
        final byte[] d = bound.isAnyLocalAddress() || bound.getAddress().length != s.length
            ? (s.length == 4 ? new byte[] {127, 0, 0, 1} : loopback6()) : bound.getAddress();
        final byte[] l4 = tcp ? IpPackets.tcp(s, d, sport, dport, data) : IpPackets.udp(s, d, sport, dport, data);
        return IpPackets.ip(s, d, tcp ? 6 : 17, l4);
    }

    private static byte[] loopback6()
    {
        final byte[] a = new byte[16];
        a[15] = 1;
        return a;
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

    static ByteBuffer le(final int size)
    {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
