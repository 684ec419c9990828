package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appliance in a child JVM: start, traffic, SIGTERM drains and flushes; bad input on every listener. */
class LifecycleTest
{
    private static final int MESSAGES = 200;

    @TempDir
    Path dir;

    @Test
    void shouldDrainAndFlushEverythingOnSigterm() throws Exception
    {
        final int admin = freeTcpPort();
        final int syslog;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            syslog = probe.getLocalPort();
        }
        final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), RunMain.class.getName(), "--data-dir",
            dir.toString(), "--set", "admin.bind=127.0.0.1", "--set", "admin.port=" + admin, "--set",
            "admin.token=t0k3n-for-lifecycle"));
        for (final ListenerType t : ListenerType.values())
        {
            cmd.addAll(List.of("--set", "listeners." + t.configName() + ".enabled=" + (t == ListenerType.SYSLOG_UDP)));
        }
        cmd.addAll(List.of("--set", "listeners.syslog-udp.bind=127.0.0.1", "--set", "listeners.syslog-udp.port="
            + syslog));
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile()).start();
        try
        {
            awaitReady(admin, p);
            try (DatagramSocket client = new DatagramSocket())
            {
                for (int i = 0; i < MESSAGES; i++)
                {
                    final byte[] m = ("<13>1 - h a - - - lifecycle " + i).getBytes(StandardCharsets.UTF_8);
                    client.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), syslog));
                }
            }
            long received = 0;
            for (int i = 0; i < 100 && received < MESSAGES; i++)
            {
                Thread.sleep(50);
                received = AdminApiTest.listener(json(admin, "/api/v1/status"), "syslog-udp").get("received").asLong();
            }
            assertEquals(MESSAGES, received);
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after SIGTERM");
            assertEquals(143, p.exitValue(), Files.readString(dir.resolve("child.log")));
        }
        finally
        {
            p.destroyForcibly();
        }
        final List<JsonNode> lines = SyslogUdpEndToEndTest.readArchive(dir.resolve("archive"));
        assertEquals(MESSAGES, lines.size(), Files.readString(dir.resolve("child.log")));
        for (int i = 0; i < MESSAGES; i++)
        {
            final String text = "lifecycle " + i;
            assertEquals(1, lines.stream().filter(r -> SyslogUdpEndToEndTest.carries(r, text + "\"")
                || SyslogUdpEndToEndTest.carries(r, text) && endsWith(r, text)).count(), text);
        }
    }

    private static boolean endsWith(final JsonNode r, final String text)
    {
        if (r.has("message"))
        {
            return r.get("message").asText().endsWith(text);
        }
        return r.get("hex").asText().endsWith(java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldQuarantineBadInputOnEveryDatagramListenerAndKeepGoing() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); DatagramSocket client = new DatagramSocket())
        {
            final byte[] junk = {(byte)0xff, (byte)0xff, (byte)0xff, (byte)0xff, 1, 2};
            final ListenerType[] targets = {ListenerType.NETFLOW_UDP, ListenerType.IPFIX_UDP, ListenerType.SFLOW_UDP,
                ListenerType.SNMP_UDP};
            for (int round = 0; round < 2; round++)
            {
                for (final ListenerType t : targets)
                {
                    client.send(new DatagramPacket(junk, junk.length, InetAddress.getLoopbackAddress(), app.port(t)));
                }
            }
            for (final ListenerType t : targets)
            {
                AdminApiTest.awaitField(app, t.configName(), "quarantined", 2);
            }
            final JsonNode status = app.getJson("/api/v1/status");
            for (final ListenerType t : targets)
            {
                assertEquals(2, AdminApiTest.listener(status, t.configName()).get("quarantined").asLong(), t.name());
            }
            final JsonNode q = app.getJson("/api/v1/quarantine").get("inputs");
            assertEquals(8, q.size());
            assertEquals("ffffffff0102", q.get(0).get("hex").asText());
            final String metrics = app.get("/metrics").body();
            assertTrue(metrics.contains("noc_raven_listener_quarantined_total{listener=\"sflow-udp\"} 2"), metrics);
            final java.net.http.HttpResponse<byte[]> pcap = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.url("/api/v1/quarantine.pcap"))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, pcap.statusCode());
            final Path file = dir.resolve("q.pcap");
            Files.write(file, pcap.body());
            final List<byte[]> payloads = new ArrayList<>();
            io.nocraven.core.capture.CaptureReader.read(file, new io.nocraven.core.capture.PacketHandler()
            {
                @Override
                public void onUdp(final long nanos, final InetSocketAddress src, final InetSocketAddress dst,
                    final byte[] buf, final int offset, final int length)
                {
                    payloads.add(java.util.Arrays.copyOfRange(buf, offset, offset + length));
                }

                @Override
                public void onTcp(final long nanos, final InetSocketAddress src, final InetSocketAddress dst,
                    final byte[] buf, final int offset, final int length)
                {
                    throw new AssertionError("only UDP expected");
                }
            });
            assertEquals(8, payloads.size());
            assertEquals("ffffffff0102", java.util.HexFormat.of().formatHex(payloads.get(0)));
            final List<JsonNode> archived = SyslogUdpEndToEndTest.awaitArchive(
                app.config.forwarders().archive().directory(), 8);
            assertEquals(8, archived.stream().filter(r -> "invalid".equals(r.get("kind").asText())).count());
        }
    }

    @Test
    void shouldKeepEveryDurableRecordAcrossKillDashNine() throws Exception
    {
        final int admin = freeTcpPort();
        final int syslog;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            syslog = probe.getLocalPort();
        }
        // The archive forwarder is paused, so everything is still waiting in the buffer when the JVM is killed.
        Process p = child(admin, syslog);
        try
        {
            awaitReady(admin, p);
            assertEquals(200, post(admin, "/api/v1/buffer/pause", "{\"forwarder\":\"archive\"}").statusCode());
            try (DatagramSocket client = new DatagramSocket())
            {
                for (int i = 0; i < MESSAGES; i++)
                {
                    final byte[] m = ("<13>1 - h a - - - crash " + i).getBytes(StandardCharsets.UTF_8);
                    client.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), syslog));
                }
            }
            long durable = -1;
            for (int i = 0; i < 200 && durable < MESSAGES - 1; i++)
            {
                Thread.sleep(50);
                for (final JsonNode s : json(admin, "/api/v1/buffer").get("streams"))
                {
                    if ("syslog-udp".equals(s.get("name").asText()))
                    {
                        durable = s.get("durableSequence").asLong();
                    }
                }
            }
            assertEquals(MESSAGES - 1, durable, "all records durable (fsynced) before the kill");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), "killed with SIGKILL");
            p = child(admin, syslog);
            awaitReady(admin, p);
            List<JsonNode> lines = List.of();
            for (int i = 0; i < 200 && lines.size() < MESSAGES; i++)
            {
                Thread.sleep(50);
                lines = SyslogUdpEndToEndTest.readArchive(dir.resolve("archive"));
            }
            assertEquals(MESSAGES, lines.size(), Files.readString(dir.resolve("child.log")));
            for (int i = 0; i < MESSAGES; i++)
            {
                final String text = "crash " + i;
                assertEquals(1, lines.stream().filter(r -> endsWith(r, text)).count(), text);
            }
        }
        finally
        {
            p.destroyForcibly();
        }
    }

    private Process child(final int admin, final int syslog) throws Exception
    {
        final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
            System.getProperty("java.class.path"), RunMain.class.getName(), "--data-dir",
            dir.toString(), "--set", "admin.bind=127.0.0.1", "--set", "admin.port=" + admin, "--set",
            "admin.token=t0k3n-for-lifecycle", "--set", "buffer.minFreeBytes=0", "--set", "buffer.segmentBytes=1048576"));
        for (final ListenerType t : ListenerType.values())
        {
            cmd.addAll(List.of("--set", "listeners." + t.configName() + ".enabled=" + (t == ListenerType.SYSLOG_UDP)));
        }
        cmd.addAll(List.of("--set", "listeners.syslog-udp.bind=127.0.0.1", "--set", "listeners.syslog-udp.port="
            + syslog));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("child.log").toFile())).start();
    }

    private static HttpResponse<String> post(final int port, final String path, final String body) throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer t0k3n-for-lifecycle").POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitReady(final int admin, final Process p) throws Exception
    {
        for (int i = 0; i < 200; i++)
        {
            if (!p.isAlive())
            {
                throw new AssertionError("child exited with " + p.exitValue());
            }
            try
            {
                if (get(admin, "/api/v1/health").statusCode() == 200)
                {
                    return;
                }
            }
            catch (final java.io.IOException ex)
            {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("appliance did not become ready");
    }

    private static HttpResponse<String> get(final int port, final String path) throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(final int port, final String path) throws Exception
    {
        return TestAppliance.JSON.readTree(get(port, path).body());
    }

    private static int freeTcpPort() throws Exception
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return s.getLocalPort();
        }
    }
}
