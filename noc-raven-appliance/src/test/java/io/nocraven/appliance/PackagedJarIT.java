package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.appliance.config.ListenerType;
import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/noc-raven.jar} exactly as a newcomer runs it: {@code java -jar} with no other JVM flags,
 * every listener of the embedded defaults enabled (moved to free loopback ports), a syslog message in, the record
 * out in the JSONL archive and in {@code /api/v1/status}. Catches what unit tests on the class path cannot: a
 * dependency missing from the shaded jar, a manifest without the Agrona exports, a resource not packaged.
 */
class PackagedJarIT
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldRunOnEmbeddedDefaultsFromTheShadedJar() throws Exception
    {
        final Path jar = Path.of("target", "noc-raven.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "package phase builds " + jar);
        final int admin = freeTcpPort();
        final List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString(), "run", "--data-dir",
            dir.resolve("data").toString(), "--set", "admin.bind=127.0.0.1", "--set", "admin.port=" + admin));
        int syslogUdp = -1;
        for (final ListenerType t : ListenerType.values())
        {
            final int port = t.transport() == ListenerType.Transport.UDP ? freeUdpPort() : freeTcpPort();
            if (t == ListenerType.SYSLOG_UDP)
            {
                syslogUdp = port;
            }
            cmd.addAll(List.of("--set", "listeners." + t.configName() + ".bind=127.0.0.1",
                "--set", "listeners." + t.configName() + ".port=" + port));
        }
        final Path log = dir.resolve("appliance.log");
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try
        {
            final JsonNode ready = awaitReady(admin, p, log);
            assertTrue(ready.toString().contains("syslog-udp"), ready.toString());
            final String text = "packaged jar says hello " + System.nanoTime();
            try (DatagramSocket client = new DatagramSocket())
            {
                final byte[] m = ("<13>1 2026-12-02T10:00:00.123Z host app 42 ID7 - " + text)
                    .getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), syslogUdp));
            }
            final JsonNode record = awaitArchived(dir.resolve("data").resolve("archive"), text, p, log);
            assertEquals("syslog", record.get("kind").asText());
            assertEquals("rfc5424", record.get("protocol").asText());
            assertEquals("host", record.get("hostname").asText());
            assertEquals("2026-12-02T10:00:00.123Z", record.get("timestamp").asText());
            final JsonNode status = get(admin, "/api/v1/status");
            assertEquals(1, AdminApiTest.listener(status, "syslog-udp").get("received").asLong(), status.toString());
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after SIGTERM");
            assertEquals(143, p.exitValue(), Files.readString(log));
        }
        finally
        {
            p.destroyForcibly();
        }
        final String output = Files.readString(log);
        assertTrue(!output.contains("Exception in thread"), output);
    }

    @Test
    void shouldListTheCommandsAndDecodeASampleCapture() throws Exception
    {
        final Path jar = Path.of("target", "noc-raven.jar").toAbsolutePath();
        final ProcessResult help = exec(List.of(javaBinary(), "-jar", jar.toString(), "--help"));
        assertEquals(0, help.code, help.out);
        for (final String command : List.of("decode", "run", "health", "status", "menu", "buffer"))
        {
            assertTrue(help.out.contains(command), command + " in --help: " + help.out);
        }
        final Path capture = Path.of("..", "examples", "captures", "snmp_v2c_traps.pcap");
        final ProcessResult decode = exec(List.of(javaBinary(), "-jar", jar.toString(), "decode", capture.toString()));
        assertEquals(0, decode.code, decode.out);
        int traps = 0;
        for (final String line : decode.out.split("\n"))
        {
            if (line.startsWith("{") && "snmp-trap".equals(JSON.readTree(line).get("kind").asText()))
            {
                traps++;
            }
        }
        assertTrue(traps > 0, decode.out);
    }

    private record ProcessResult(int code, String out)
    {
    }

    private ProcessResult exec(final List<String> cmd) throws IOException, InterruptedException
    {
        final Path out = Files.createTempFile(dir, "exec", ".log");
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS))
        {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        return new ProcessResult(p.exitValue(), Files.readString(out));
    }

    private static String javaBinary()
    {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static JsonNode awaitReady(final int admin, final Process p, final Path log) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            assertTrue(p.isAlive(), () -> "appliance exited early: " + read(log));
            try
            {
                final JsonNode health = get(admin, "/api/v1/health");
                if (health.toString().contains("listener"))
                {
                    return health;
                }
            }
            catch (final IOException notYet)
            {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("admin API not ready in 60 s: " + read(log));
    }

    private static JsonNode awaitArchived(final Path archive, final String text, final Process p, final Path log)
        throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline)
        {
            assertTrue(p.isAlive(), () -> "appliance exited: " + read(log));
            if (Files.isDirectory(archive))
            {
                for (final JsonNode r : SyslogUdpEndToEndTest.readArchive(archive))
                {
                    if (r.has("message") && text.equals(r.get("message").asText()))
                    {
                        return r;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message not archived in 30 s: " + read(log));
    }

    private static JsonNode get(final int admin, final String path) throws IOException, InterruptedException
    {
        final HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + admin + path)).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private static String read(final Path log)
    {
        try
        {
            return Files.readString(log);
        }
        catch (final IOException ex)
        {
            return ex.toString();
        }
    }

    private static int freeTcpPort() throws IOException
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException
    {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            return s.getLocalPort();
        }
    }
}
