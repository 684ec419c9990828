package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseWritesWithoutOrWithWrongToken() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir))
        {
            assertEquals(401, app.send("PUT", "/api/v1/ports/syslog-udp", "{\"port\":0}", null).statusCode());
            assertEquals(403, app.send("PUT", "/api/v1/ports/syslog-udp", "{\"port\":0}", "wrong").statusCode());
            assertEquals(401, app.send("PUT", "/api/v1/config", "{}", null).statusCode());
            assertEquals(403, app.send("POST", "/api/v1/token/rotate", "", "nope").statusCode());
            assertEquals(200, app.get("/api/v1/status").statusCode());
            assertEquals(404, app.get("/api/v1/nothing").statusCode());
            assertEquals(405, app.send("DELETE", "/api/v1/config", "", TestAppliance.TOKEN).statusCode());
        }
    }

    @Test
    void shouldRotateTokenAndStoreItOwnerOnly() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir, "admin.token="))
        {
            final String shown = app.console.toString(StandardCharsets.UTF_8);
            final String stored = Files.readString(dir.resolve("admin-token")).trim();
            assertTrue(shown.contains(stored), "token shown once on the console");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("admin-token"))));
            final HttpResponse<String> r = app.send("POST", "/api/v1/token/rotate", "", stored);
            assertEquals(200, r.statusCode());
            final String fresh = TestAppliance.JSON.readTree(r.body()).get("token").asText();
            assertNotEquals(stored, fresh);
            assertEquals(fresh, Files.readString(dir.resolve("admin-token")).trim());
            assertEquals(403, app.send("POST", "/api/v1/token/rotate", "", stored).statusCode());
            try (Stream<Path> logs = Files.list(dir))
            {
                assertEquals(0, logs.filter(p -> p.toString().endsWith(".log")).count());
            }
        }
    }

    @Test
    void shouldMoveAPortWhileTrafficFlowsAndRefuseConflicts() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); DatagramSocket client = new DatagramSocket())
        {
            final int oldPort = app.port(ListenerType.NETFLOW_UDP);
            send(client, oldPort, 10);
            awaitReceived(app, "netflow-udp", 10);
            final int newPort;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                newPort = probe.getLocalPort();
            }
            // Traffic keeps flowing to the old port while the listener moves.
            final java.util.concurrent.atomic.AtomicBoolean flowing = new java.util.concurrent.atomic.AtomicBoolean(true);
            final Thread sender = new Thread(() ->
            {
                try (DatagramSocket s = new DatagramSocket())
                {
                    while (flowing.get())
                    {
                        send(s, oldPort, 1);
                        Thread.sleep(1);
                    }
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            });
            sender.start();
            Thread.sleep(100);
            final HttpResponse<String> moved = app.send("PUT", "/api/v1/ports/netflow-udp", "{\"port\":" + newPort + "}",
                TestAppliance.TOKEN);
            Thread.sleep(100);
            flowing.set(false);
            sender.join();
            assertEquals(200, moved.statusCode(), moved.body());
            assertEquals(newPort, app.port(ListenerType.NETFLOW_UDP));
            final long before = listener(app.getJson("/api/v1/status"), "netflow-udp").get("received").asLong();
            assertTrue(before > 10, "traffic reached the old socket before the move: " + before);
            send(client, newPort, 7);
            awaitReceived(app, "netflow-udp", before + 7);
            send(client, oldPort, 3);
            Thread.sleep(300);
            assertEquals(before + 7, listener(app.getJson("/api/v1/status"), "netflow-udp").get("received").asLong(),
                "the old port no longer receives");
            assertTrue(Files.readString(dir.resolve("config.yaml")).contains("port: " + newPort));

            final int sflowPort = app.port(ListenerType.SFLOW_UDP);
            final HttpResponse<String> conflict = app.send("PUT", "/api/v1/ports/netflow-udp",
                "{\"port\":" + sflowPort + "}", TestAppliance.TOKEN);
            assertEquals(409, conflict.statusCode(), conflict.body());
            assertEquals(newPort, app.port(ListenerType.NETFLOW_UDP));

            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
            {
                final HttpResponse<String> busy = app.send("PUT", "/api/v1/ports/syslog-tcp",
                    "{\"port\":" + taken.getLocalPort() + "}", TestAppliance.TOKEN);
                assertEquals(409, busy.statusCode(), busy.body());
                assertTrue(busy.body().contains("listeners.syslog-tcp.port"), busy.body());
                assertTrue(app.appliance.listeners().get(ListenerType.SYSLOG_TCP).bound(), "old socket kept");
            }
        }
    }

    @Test
    void shouldShowRedactedConfigAndValidatePuts() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir))
        {
            final JsonNode cfg = app.getJson("/api/v1/config");
            assertEquals("<redacted>", cfg.at("/admin/token").asText());
            final HttpResponse<String> bad = app.send("PUT", "/api/v1/config",
                "{\"listeners\":{\"syslog-udp\":{\"port\":99999}},\"codec\":{\"syslogMode\":\"x\"}}", TestAppliance.TOKEN);
            assertEquals(422, bad.statusCode());
            final JsonNode errors = TestAppliance.JSON.readTree(bad.body()).get("errors");
            assertEquals(2, errors.size(), bad.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode)cfg.get("status")).put("topExporters", 3);
            ((com.fasterxml.jackson.databind.node.ObjectNode)cfg.get("forwarders").get("archive")).put("rotateBytes", 8192);
            final HttpResponse<String> ok = app.send("PUT", "/api/v1/config", cfg.toString(), TestAppliance.TOKEN);
            assertEquals(200, ok.statusCode(), ok.body());
            final JsonNode result = TestAppliance.JSON.readTree(ok.body());
            assertEquals("[\"forwarders.archive.rotateBytes\"]", result.get("restartRequired").toString());
            assertEquals(3, app.appliance.currentConfig().topExporters());
            assertEquals(TestAppliance.TOKEN, app.appliance.currentConfig().admin().token(), "redacted secret kept");
        }
    }

    @Test
    void shouldReportHealthAndStreamStatus() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir))
        {
            final HttpResponse<String> h = app.get("/api/v1/health");
            assertEquals(200, h.statusCode(), h.body());
            final JsonNode health = TestAppliance.JSON.readTree(h.body());
            assertTrue(health.get("ready").asBoolean());
            final String names = health.get("checks").findValuesAsText("name").toString();
            for (final String n : new String[] {"listener:syslog-udp", "forwarder:archive", "buffer-writable",
                "disk-free", "memory", "cpu", "open-files"})
            {
                assertTrue(names.contains(n), names);
            }
            final HttpResponse<java.io.InputStream> sse = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(app.url("/api/v1/status/stream"))).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals("text/event-stream; charset=utf-8", sse.headers().firstValue("content-type").orElse(""));
            try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(sse.body(),
                StandardCharsets.UTF_8)))
            {
                assertEquals("event: status", r.readLine());
                final String data = r.readLine();
                assertTrue(data.startsWith("data: {\"uptimeSeconds\":"), data);
            }
            app.appliance.listeners().get(ListenerType.SYSLOG_UDP).close();
            final HttpResponse<String> down = app.get("/api/v1/health");
            assertEquals(503, down.statusCode());
            assertFalse(TestAppliance.JSON.readTree(down.body()).get("ready").asBoolean());
        }
    }

    static void send(final DatagramSocket s, final int port, final int count) throws Exception
    {
        final byte[] b = new byte[] {0, 5, 0, 0, 1, 2, 3, 4};
        for (int i = 0; i < count; i++)
        {
            s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    static JsonNode listener(final JsonNode status, final String name)
    {
        for (final JsonNode l : status.get("listeners"))
        {
            if (name.equals(l.get("name").asText()))
            {
                return l;
            }
        }
        throw new AssertionError("no listener " + name);
    }

    static void awaitReceived(final TestAppliance app, final String name, final long n) throws Exception
    {
        awaitField(app, name, "received", n);
    }

    static void awaitField(final TestAppliance app, final String name, final String field, final long n)
        throws Exception
    {
        long got = -1;
        for (int i = 0; i < 100 && got != n; i++)
        {
            got = listener(app.getJson("/api/v1/status"), name).get(field).asLong();
            if (got != n)
            {
                Thread.sleep(50);
            }
        }
        assertEquals(n, got);
    }
}
