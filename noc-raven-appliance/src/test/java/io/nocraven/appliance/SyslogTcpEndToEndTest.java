package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * util-linux {@code logger} over TCP with RFC 6587 octet counting to the syslog-tcp listener. Runs once the syslog
 * codec provides its stream framer (until then the listener accepts connections but cannot frame; the test is
 * skipped by assumption, and it fails in CI when {@code logger} is missing).
 */
class SyslogTcpEndToEndTest
{
    private static final int MESSAGES = 3;

    @TempDir
    Path dir;

    @Test
    void shouldFrameOctetCountedMessagesFromLogger() throws Exception
    {
        final boolean haveLogger = Files.isExecutable(Path.of("/usr/bin/logger"));
        if ("true".equals(System.getenv("CI")))
        {
            assertTrue(haveLogger, "util-linux logger (Debian package bsdutils) is required in CI");
        }
        assumeTrue(haveLogger, "logger not installed");
        assumeTrue(Decoders.createFramer(ProtocolFamily.SYSLOG, CodecOptions.defaults()) != null,
            "the syslog codec has no stream framer yet");
        try (TestAppliance app = new TestAppliance(dir))
        {
            final int port = app.port(ListenerType.SYSLOG_TCP);
            for (int i = 0; i < MESSAGES; i++)
            {
                final Process p = new ProcessBuilder("logger", "-T", "-n", "127.0.0.1", "-P", Integer.toString(port),
                    "--octet-count", "--rfc5424", "-t", "raventcp", "tcp raven " + i).redirectErrorStream(true).start();
                assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(
                app.config.forwarders().archive().directory(), MESSAGES);
            assertEquals(MESSAGES, lines.size());
            for (int i = 0; i < MESSAGES; i++)
            {
                final JsonNode r = lines.get(i);
                assertEquals("syslog", r.get("kind").asText(), r.toString());
                assertEquals("syslog-tcp", r.get("listener").asText());
                assertEquals("raventcp", r.get("appName").asText());
                assertEquals("tcp raven " + i, r.get("message").asText());
            }
        }
    }
}
