package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.PacketHandler;
import io.nocraven.testing.Captures;
import io.nocraven.testing.Fixtures;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on every listener (garbage datagrams to each UDP listener, garbage frames to syslog-tcp and ipfix-tcp,
 * an invalid JSON body to windows-http): each is an {@code invalid} record in the archive and at a real Kafka broker,
 * counted by reason in {@code /api/v1/status} and {@code /metrics}, kept in {@code /api/v1/quarantine} and its pcap;
 * bytes the IPFIX framer cannot frame at all are counted as framing errors by reason;
 * and valid input sent afterwards on the same listeners (and the same TCP connections) still arrives, as many
 * records as the corpus's tshark-derived oracles count for it.
 */
@ExtendWith(SharedKafka.class)
class InteropBadInputTest
{
    private static final String PREFIX = "interop-bad";
    private static final String TOKEN = "bad-input-token";
    private static final byte[] UDP_GARBAGE = HexFormat.of().parseHex("deadbeef0badf00d".repeat(4));

    @TempDir
    static Path dir;

    private static TestAppliance app;
    private static DeliveryProbe probe;

    @BeforeAll
    static void start(final EmbeddedKafka kafka) throws Exception
    {
        final List<String> sets = new ArrayList<>(SharedKafka.topicSets(kafka, PREFIX));
        sets.add("listeners.windows-http.enabled=true");
        sets.add("listeners.windows-http.token=" + TOKEN);
        app = new TestAppliance(dir.resolve("appliance"), sets.toArray(String[]::new));
        probe = new DeliveryProbe(app.config.forwarders().archive().directory(), kafka.bootstrap(), PREFIX);
    }

    @AfterAll
    static void stop()
    {
        if (probe != null)
        {
            probe.close();
        }
        if (app != null)
        {
            app.close();
        }
    }

    @Test
    void shouldQuarantineBadInputOnEveryListenerAndKeepGoing() throws Exception
    {
        // listener -> (bytes the decoder sees, reason the codec reports)
        final Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("syslog-udp", "<999>not a priority".getBytes(StandardCharsets.UTF_8));
        bad.put("syslog-tcp", "<1000>not a priority either".getBytes(StandardCharsets.UTF_8));
        bad.put("netflow-udp", UDP_GARBAGE);
        bad.put("ipfix-udp", UDP_GARBAGE);
        // An IPFIX header (version 10, length 20) whose only set claims 2 octets: framed, then undecodable.
        bad.put("ipfix-tcp", HexFormat.of().parseHex("000a0014" + "00000000" + "00000000" + "00000000" + "01000002"));
        bad.put("sflow-udp", UDP_GARBAGE);
        bad.put("snmp-udp", UDP_GARBAGE);
        bad.put("windows-http", "[{\"winlog\": {\"event_id\": \"4624\"}, ".getBytes(StandardCharsets.UTF_8));
        final Map<String, String> reasons = Map.of("syslog-udp", "invalid pri", "syslog-tcp", "invalid pri",
            "netflow-udp", "unsupported version", "ipfix-udp", "unsupported version", "ipfix-tcp", "bad set length",
            "sflow-udp", "unsupported version", "snmp-udp", "bad BER length", "windows-http", "truncated JSON");

        final Map<String, DatagramSocket> udp = new HashMap<>();
        try (Socket syslogTcp = connect(ListenerType.SYSLOG_TCP); Socket ipfixTcp = connect(ListenerType.IPFIX_TCP))
        {
            for (final ListenerType t : ListenerType.values())
            {
                if (t.transport() == ListenerType.Transport.UDP && bad.containsKey(t.configName()))
                {
                    final DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                    udp.put(t.configName(), s);
                    send(s, t, bad.get(t.configName()));
                }
            }
            final OutputStream syslogOut = syslogTcp.getOutputStream();
            syslogOut.write(bad.get("syslog-tcp"));
            syslogOut.write('\n');
            syslogOut.flush();
            final OutputStream ipfixOut = ipfixTcp.getOutputStream();
            // Bytes that cannot start an IPFIX message are skipped by the framer, then the bad message is framed.
            final byte[] junk = "junk".getBytes(StandardCharsets.US_ASCII);
            final byte[] framed = bad.get("ipfix-tcp");
            final byte[] both = Arrays.copyOf(junk, junk.length + framed.length);
            System.arraycopy(framed, 0, both, junk.length, framed.length);
            ipfixOut.write(both);
            ipfixOut.flush();
            final HttpResponse<String> resp = postWindows(bad.get("windows-http"), TOKEN);
            assertEquals(400, resp.statusCode(), resp.body());

            final DeliveryProbe.Delivery invalid = probe.await("bad input", r -> bad.containsKey(listener(r)),
                bad.size());
            for (final List<JsonNode> end : List.of(invalid.archive(), invalid.kafkaValues()))
            {
                final Map<String, JsonNode> byListener = end.stream().collect(Collectors.toMap(
                    InteropBadInputTest::listener, r -> r));
                assertEquals(bad.keySet(), byListener.keySet());
                bad.forEach((name, bytes) ->
                {
                    final JsonNode r = byListener.get(name);
                    assertEquals("invalid", r.get("kind").asText(), r.toString());
                    assertEquals(reasons.get(name), r.get("reason").asText(), name + ": " + r);
                    assertEquals(HexFormat.of().formatHex(bytes), r.get("hex").asText(), name);
                });
            }
            checkCounted(bad, reasons);
            checkQuarantine(bad, reasons);

            // Valid input afterwards: same sockets, same connections.
            int expected = 0;
            send(udp.get("syslog-udp"), ListenerType.SYSLOG_UDP, "<13>1 2026-12-01T10:00:00Z h app - - - after udp"
                .getBytes(StandardCharsets.UTF_8));
            syslogOut.write("<13>1 2026-12-01T10:00:00Z h app - - - after tcp\n".getBytes(StandardCharsets.UTF_8));
            syslogOut.flush();
            expected += 2;
            final byte[] v5 = Captures.udpPayloads("/fixtures/netflow/softflowd_v5.pcap").get(0);
            send(udp.get("netflow-udp"), ListenerType.NETFLOW_UDP, v5);
            expected += recordsOfFrameOne("/fixtures/netflow/softflowd_v5.expected.jsonl");
            final byte[] ipfix = Captures.udpPayloads("/fixtures/netflow/softflowd_ipfix.pcap").get(0);
            send(udp.get("ipfix-udp"), ListenerType.IPFIX_UDP, ipfix);
            ipfixOut.write(ipfix);
            ipfixOut.flush();
            expected += 2 * recordsOfFrameOne("/fixtures/netflow/softflowd_ipfix.expected.jsonl");
            send(udp.get("sflow-udp"), ListenerType.SFLOW_UDP,
                Captures.udpPayloads("/fixtures/netflow/pmacctd_sfprobe_rate8.pcap").get(0));
            expected += recordsOfFrameOne("/fixtures/netflow/pmacctd_sfprobe_rate8.expected.jsonl");
            send(udp.get("snmp-udp"), ListenerType.SNMP_UDP,
                Captures.udpPayloads("/fixtures/snmp/snmp_v2c_traps.pcap").get(0));
            expected += recordsOfFrameOne("/fixtures/snmp/snmp_v2c_traps.expected.jsonl");
            final String event = TestAppliance.JSON.readTree(Fixtures.text("/fixtures/corpora/winevt-samples.jsonl")
                .lines().findFirst().orElseThrow()).get("input").toString();
            assertEquals(202, postWindows(event.getBytes(StandardCharsets.UTF_8), TOKEN).statusCode());
            expected += 1;
            final DeliveryProbe.Delivery good = probe.await("valid input after bad input",
                r -> bad.containsKey(listener(r)), expected);
            for (final List<JsonNode> end : List.of(good.archive(), good.kafkaValues()))
            {
                assertEquals(Set.of(), end.stream().filter(r -> "invalid".equals(r.get("kind").asText()))
                    .map(JsonNode::toString).collect(Collectors.toSet()));
                assertEquals(bad.keySet(), end.stream().map(InteropBadInputTest::listener).collect(Collectors.toSet()),
                    "every listener still delivers");
            }
        }
        finally
        {
            udp.values().forEach(DatagramSocket::close);
        }
    }

    /** Status (per listener) and /metrics (per listener and reason) count one undecodable input each. */
    private static void checkCounted(final Map<String, byte[]> bad, final Map<String, String> reasons) throws Exception
    {
        for (final String name : bad.keySet())
        {
            AdminApiTest.awaitField(app, name, "quarantined", 1);
        }
        final JsonNode status = app.getJson("/api/v1/status");
        for (final String name : bad.keySet())
        {
            assertEquals(TestAppliance.JSON.createObjectNode().put(reasons.get(name), 1),
                AdminApiTest.listener(status, name).get("decodeFailures"), name);
        }
        assertEquals(TestAppliance.JSON.createObjectNode().put("bad message header", 1),
            AdminApiTest.listener(status, "ipfix-tcp").get("framingErrors"), "the 4 junk bytes skipped by the framer");
        assertEquals(TestAppliance.JSON.createObjectNode(), AdminApiTest.listener(status, "syslog-tcp")
            .get("framingErrors"));
        final String metrics = app.get("/metrics").body();
        assertTrue(metrics.contains("noc_raven_listener_framing_errors_total{listener=\"ipfix-tcp\",reason=\"bad message "
            + "header\"} 1\n"), metrics);
        for (final String name : bad.keySet())
        {
            assertTrue(metrics.contains("noc_raven_listener_quarantined_total{listener=\"" + name + "\"} 1\n"),
                name + "\n" + metrics);
            assertTrue(metrics.contains("noc_raven_decode_failures_total{listener=\"" + name + "\",reason=\""
                + reasons.get(name) + "\"} 1\n"), name + "\n" + metrics);
        }
    }

    /**
     * {@code /api/v1/quarantine} lists each input with its reason; the pcap holds each one, as a UDP datagram or, for
     * the TCP listeners, a TCP segment.
     */
    private static void checkQuarantine(final Map<String, byte[]> bad, final Map<String, String> reasons)
        throws Exception
    {
        final JsonNode q = app.getJson("/api/v1/quarantine");
        final Map<String, JsonNode> byListener = new HashMap<>();
        (q.isArray() ? q : q.get("inputs")).forEach(e -> byListener.put(e.get("listener").asText(), e));
        for (final Map.Entry<String, byte[]> e : bad.entrySet())
        {
            final JsonNode entry = byListener.get(e.getKey());
            assertEquals(reasons.get(e.getKey()), entry.get("reason").asText(), e.getKey());
            assertEquals(HexFormat.of().formatHex(e.getValue()), entry.get("hex").asText(), e.getKey());
        }
        final HttpResponse<byte[]> pcap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(app.url("/api/v1/quarantine.pcap"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pcap.statusCode());
        final List<String> payloads = new ArrayList<>();
        CaptureReader.read(pcap.body(), Path.of("quarantine.pcap"), new PacketHandler()
        {
            @Override
            public void onUdp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data,
                final int offset, final int length)
            {
                payloads.add(HexFormat.of().formatHex(Arrays.copyOfRange(data, offset, offset + length)));
            }

            @Override
            public void onTcp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data,
                final int offset, final int length)
            {
                payloads.add(HexFormat.of().formatHex(Arrays.copyOfRange(data, offset, offset + length)));
            }
        });
        final List<String> expected = bad.values().stream().map(b -> HexFormat.of().formatHex(b)).sorted().toList();
        assertEquals(expected, payloads.stream().sorted().toList(), "quarantine.pcap holds every bad input");
    }

    /** Records the fixture's oracle (tshark) counts for the capture's first datagram. */
    private static int recordsOfFrameOne(final String expectedJsonl) throws Exception
    {
        int n = 0;
        for (final String line : Fixtures.text(expectedJsonl).split("\n"))
        {
            final JsonNode e = TestAppliance.JSON.readTree(line);
            if (e.path("header").path("frame").asInt(e.path("frame").asInt()) == 1)
            {
                n++;
            }
        }
        assertTrue(n > 0, expectedJsonl);
        return n;
    }

    private static String listener(final JsonNode r)
    {
        return r.get("listener").asText();
    }

    private static Socket connect(final ListenerType t) throws Exception
    {
        final Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port(t));
        s.setSoTimeout(5000);
        return s;
    }

    private static void send(final DatagramSocket s, final ListenerType t, final byte[] b) throws Exception
    {
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), app.port(t)));
    }

    private static HttpResponse<String> postWindows(final byte[] body, final String token) throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
            + app.port(ListenerType.WINDOWS_HTTP) + "/api/v1/windows-events"))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
