package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertical slice: util-linux {@code logger} sends syslog over UDP to a real appliance; the messages show up in
 * the JSONL archive, at a real Kafka broker, in {@code /api/v1/status} and in {@code /metrics}.
 */
@ExtendWith(SharedKafka.class)
class SyslogUdpEndToEndTest
{
    private static final int MESSAGES = 5;

    @TempDir
    Path dir;

    @Test
    void shouldArchiveAndCountMessagesSentByLogger(final EmbeddedKafka kafka) throws Exception
    {
        final ExternalTool logger = ExternalTool.require("logger", "bsdutils");
        try (TestAppliance app = new TestAppliance(dir, SharedKafka.topicSets(kafka, "syslog-udp-e2e")
            .toArray(String[]::new));
            DeliveryProbe probe = new DeliveryProbe(app.config.forwarders().archive().directory(), kafka.bootstrap(),
                "syslog-udp-e2e"))
        {
            final int port = app.port(ListenerType.SYSLOG_UDP);
            for (int i = 0; i < MESSAGES; i++)
            {
                logger.run(0, 10, Map.of(), dir, "-n", "127.0.0.1", "-P", Integer.toString(port), "-d", "--rfc5424",
                    "-t", "raventest", "hello raven " + i);
            }
            final DeliveryProbe.Delivery d = probe.await("logger over UDP", r -> true, MESSAGES);
            for (final List<JsonNode> lines : List.of(d.archive(), d.kafkaValues()))
            {
                // Separate logger processes use different source ports, so SO_REUSEPORT may spread them over threads.
                for (int i = 0; i < MESSAGES; i++)
                {
                    final String text = "hello raven " + i;
                    assertEquals(1, lines.stream().filter(r -> carries(r, text)).count(), text);
                }
                for (final JsonNode r : lines)
                {
                    assertEquals("syslog", r.get("kind").asText(), r.toString());
                    assertEquals("rfc5424", r.get("protocol").asText(), r.toString());
                    assertEquals("raventest", r.get("appName").asText(), r.toString());
                    assertEquals("syslog-udp", r.get("listener").asText());
                    assertTrue(r.get("exporter").asText().startsWith("127.0.0.1:"), r.toString());
                }
            }
            // The archive is fed from the buffer; the decode stage (statistics) may still be a moment behind.
            AdminApiTest.awaitField(app, "syslog-udp", "records", MESSAGES);
            final JsonNode status = app.getJson("/api/v1/status");
            JsonNode syslog = null;
            for (final JsonNode l : status.get("listeners"))
            {
                if ("syslog-udp".equals(l.get("name").asText()))
                {
                    syslog = l;
                }
            }
            assertEquals(MESSAGES, syslog.get("received").asLong());
            assertEquals(MESSAGES, syslog.get("records").asLong());
            // Each logger process sends from its own source port: one exporter (ip:port) per message.
            assertEquals(MESSAGES, syslog.get("topExporters").size());
            for (final JsonNode e : syslog.get("topExporters"))
            {
                assertEquals(1, e.get("inputs").asLong());
            }
            final String metrics = app.get("/metrics").body();
            assertTrue(metrics.contains("noc_raven_listener_received_total{listener=\"syslog-udp\"} " + MESSAGES),
                metrics);
            assertTrue(metrics.contains("noc_raven_listener_up{listener=\"syslog-udp\"} 1"), metrics);
            assertTrue(metrics.contains("noc_raven_listener_kernel_drops_total{listener=\"syslog-udp\"} 0"), metrics);
            // Sequences start at 0: the fifth journaled message is sequence 4, durable once the periodic fsync ran.
            final String last = Integer.toString(MESSAGES - 1);
            assertTrue(metrics.contains("noc_raven_buffer_written_sequence{stream=\"syslog-udp\"} " + last), metrics);
            assertTrue(awaitMetric(app, "noc_raven_buffer_durable_sequence{stream=\"syslog-udp\"} " + last),
                app.get("/metrics").body());
            assertTrue(metrics.contains("noc_raven_buffer_durable_sequence{stream=\"syslog-tcp\"} -1"), metrics);
        }
    }

    /** Polls {@code /metrics} (bounded: 50 x 100 ms) until it has the line. */
    static boolean awaitMetric(final TestAppliance app, final String line) throws Exception
    {
        for (int i = 0; i < 50; i++)
        {
            if (app.get("/metrics").body().contains(line + "\n"))
            {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** True when the record carries the text, decoded ({@code message}) or as the hex of an invalid record. */
    static boolean carries(final JsonNode r, final String text)
    {
        if (r.has("message"))
        {
            return r.get("message").asText().contains(text);
        }
        return r.get("hex").asText().contains(HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<JsonNode> awaitArchive(final Path archiveDir, final int expected) throws Exception
    {
        List<JsonNode> lines = List.of();
        for (int i = 0; i < 100 && lines.size() < expected; i++)
        {
            Thread.sleep(100);
            lines = readArchive(archiveDir);
        }
        return lines;
    }

    static List<JsonNode> readArchive(final Path archiveDir) throws IOException
    {
        final List<JsonNode> out = new ArrayList<>();
        if (!Files.isDirectory(archiveDir))
        {
            return out;
        }
        try (Stream<Path> files = Files.list(archiveDir))
        {
            for (final Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList())
            {
                // The forwarder may be writing the last line right now: only complete lines count.
                final byte[] bytes = Files.readAllBytes(f);
                int end = bytes.length;
                while (end > 0 && bytes[end - 1] != '\n')
                {
                    end--;
                }
                for (final String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n"))
                {
                    if (!line.isEmpty())
                    {
                        out.add(TestAppliance.JSON.readTree(line));
                    }
                }
            }
        }
        return out;
    }
}
