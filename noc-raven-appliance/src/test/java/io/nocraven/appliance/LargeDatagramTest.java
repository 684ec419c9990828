package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large inputs arrive whole or are refused whole, never truncated: datagrams larger than Netty's default 2048-byte
 * read buffer, TCP frames and Windows event batches larger than 64 KiB.
 */
class LargeDatagramTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryByteOfAnEightKilobyteSyslogDatagram() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); DatagramSocket client = new DatagramSocket())
        {
            final String text = "x".repeat(8000) + " end";
            final byte[] m = ("<13>1 2026-12-02T10:00:00Z host app - - - " + text).getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(),
                app.port(ListenerType.SYSLOG_UDP)));
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(app.config.forwarders().archive().directory(),
                1);
            assertEquals(1, lines.size());
            assertEquals("syslog", lines.get(0).get("kind").asText(), lines.get(0).toString());
            assertEquals(text, lines.get(0).get("message").asText());
            AdminApiTest.awaitField(app, "syslog-udp", "received", 1);
        }
    }

    @Test
    void shouldJournalAWindowsEventBatchLargerThan64KiBWhole() throws Exception
    {
        final JsonNode sample;
        try (java.io.InputStream in = getClass().getResourceAsStream("/fixtures/corpora/winevt-samples.jsonl"))
        {
            sample = TestAppliance.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .findFirst().orElseThrow());
        }
        final String one = sample.get("input").toString();
        final StringBuilder batch = new StringBuilder();
        int events = 0;
        while (batch.length() < 100_000)
        {
            batch.append(one).append('\n');
            events++;
        }
        try (TestAppliance app = new TestAppliance(dir, "listeners.windows-http.enabled=true",
            "listeners.windows-http.token=win-token", "listeners.windows-http.maxBodyBytes=200000"))
        {
            final String url = "http://127.0.0.1:" + app.port(ListenerType.WINDOWS_HTTP) + "/api/v1/windows-events";
            final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            final java.net.http.HttpResponse<String> ok = ForwardersEndToEndTest.post(http, url, batch.toString(),
                "win-token");
            assertEquals(202, ok.statusCode(), ok.body());
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(app.config.forwarders().archive().directory(),
                events);
            assertEquals(events, lines.stream().filter(r -> "windows-event".equals(r.get("kind").asText())).count());
            final String tooBig = batch.toString() + batch;
            assertEquals(413, ForwardersEndToEndTest.post(http, url, tooBig, "win-token").statusCode());
        }
    }

    @Test
    void shouldJournalASyslogTcpFrameLargerThan64KiBWhole() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir, "codec.maxFrameBytes=262144");
            java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(),
                app.port(ListenerType.SYSLOG_TCP)))
        {
            final String text = "y".repeat(100_000) + " end";
            final byte[] m = ("<13>1 2026-12-02T10:00:00Z host app - - - " + text).getBytes(StandardCharsets.UTF_8);
            final java.io.OutputStream out = socket.getOutputStream();
            out.write((m.length + " ").getBytes(StandardCharsets.US_ASCII));
            out.write(m);
            out.flush();
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(app.config.forwarders().archive().directory(),
                1);
            assertEquals(text, lines.get(0).get("message").asText());
        }
    }
}
