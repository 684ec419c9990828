package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw relays and the Windows-events HTTP listener, end to end on 127.0.0.1. */
class ForwardersEndToEndTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRelayOriginalDatagramsUnchangedAndOctetCountedSyslog() throws Exception
    {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            ServerSocket syslogCollector = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            TestAppliance app = new TestAppliance(dir, "forwarders.udpRelay.enabled=true",
                "forwarders.udpRelay.target=127.0.0.1:" + collector.getLocalPort(),
                "forwarders.udpRelay.streams=netflow-udp", "forwarders.syslogRelay.enabled=true",
                "forwarders.syslogRelay.target=127.0.0.1:" + syslogCollector.getLocalPort());
            DatagramSocket client = new DatagramSocket())
        {
            collector.setSoTimeout(5000);
            final byte[] flow = HexFormat.of().parseHex("000500010000000100000002");
            client.send(new DatagramPacket(flow, flow.length, InetAddress.getLoopbackAddress(),
                app.port(ListenerType.NETFLOW_UDP)));
            final byte[] syslog1 = "<13>1 - - - - - - first\n".getBytes(StandardCharsets.UTF_8);
            final byte[] syslog2 = "<14>hello second".getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(syslog1, syslog1.length, InetAddress.getLoopbackAddress(),
                app.port(ListenerType.SYSLOG_UDP)));
            client.send(new DatagramPacket(syslog2, syslog2.length, InetAddress.getLoopbackAddress(),
                app.port(ListenerType.SYSLOG_UDP)));

            final DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
            collector.receive(got);
            assertEquals(HexFormat.of().formatHex(flow), HexFormat.of().formatHex(Arrays.copyOf(got.getData(),
                got.getLength())));
            collector.setSoTimeout(300);
            boolean more = true;
            try
            {
                collector.receive(got);
            }
            catch (final SocketTimeoutException ex)
            {
                more = false;
            }
            assertEquals(false, more, "only netflow-udp is relayed");

            syslogCollector.setSoTimeout(5000);
            try (Socket s = syslogCollector.accept())
            {
                s.setSoTimeout(5000);
                final List<String> frames = readOctetCounted(s.getInputStream(), 2);
                assertEquals(List.of("<13>1 - - - - - - first", "<14>hello second"), frames);
            }
        }
    }

    @Test
    void shouldAcceptWindowsEventsOnlyWithTheBearerToken() throws Exception
    {
        // First case of the shared corpus (core test-jar): a Winlogbeat 4624 logon event.
        final JsonNode sample;
        try (java.io.InputStream in = getClass().getResourceAsStream("/fixtures/corpora/winevt-samples.jsonl"))
        {
            sample = TestAppliance.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .findFirst().orElseThrow());
        }
        final String body = sample.get("input").toString();
        try (TestAppliance app = new TestAppliance(dir, "listeners.windows-http.enabled=true",
            "listeners.windows-http.token=win-token"))
        {
            final String url = "http://127.0.0.1:" + app.port(ListenerType.WINDOWS_HTTP) + "/api/v1/windows-events";
            final HttpClient http = HttpClient.newHttpClient();
            final HttpResponse<String> noToken = post(http, url, body, null);
            assertEquals(401, noToken.statusCode());
            assertEquals("Bearer", noToken.headers().firstValue("WWW-Authenticate").orElse(null), "RFC 6750 section 3");
            assertEquals(403, post(http, url, body, "nope").statusCode());
            assertEquals(404, post(http, url.replace("windows-events", "other"), body, "win-token").statusCode());
            final HttpResponse<String> ok = post(http, url, body, "win-token");
            assertEquals(202, ok.statusCode(), ok.body());
            assertEquals("{\"outcome\":\"accepted\",\"accepted\":1,\"rejected\":0}", ok.body());
            final HttpResponse<String> bad = post(http, url, "this is not json", "win-token");
            assertEquals(400, bad.statusCode(), bad.body());
            // RFC 7235 section 2.1: the scheme is case-insensitive.
            final HttpResponse<String> lower = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Authorization", "bearer win-token").build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(202, lower.statusCode(), lower.body());
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(
                app.config.forwarders().archive().directory(), 3);
            assertEquals(3, lines.size());
            assertEquals(4624, lines.get(2).get("eventId").asInt());
            final JsonNode event = lines.get(0);
            assertEquals("windows-event", event.get("kind").asText());
            assertEquals("windows-http", event.get("listener").asText());
            assertEquals(4624, event.get("eventId").asInt());
            assertEquals("dc01.corp.example.net", event.get("computer").asText());
            assertEquals("invalid", lines.get(1).get("kind").asText());
            assertEquals(1, AdminApiTest.listener(app.getJson("/api/v1/status"), "windows-http").get("quarantined")
                .asLong());
        }
    }

    static HttpResponse<String> post(final HttpClient http, final String url, final String body, final String token)
        throws Exception
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> readOctetCounted(final InputStream in, final int count) throws Exception
    {
        final DataInputStream d = new DataInputStream(in);
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            int len = 0;
            int c;
            while ((c = d.read()) != ' ')
            {
                assertTrue(c >= '0' && c <= '9', "octet count digit, got " + c);
                len = len * 10 + (c - '0');
            }
            final byte[] msg = new byte[len];
            d.readFully(msg);
            out.add(new String(msg, StandardCharsets.UTF_8));
        }
        return out;
    }
}
