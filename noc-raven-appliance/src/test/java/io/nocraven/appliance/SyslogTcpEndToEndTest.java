package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * util-linux {@code logger} over TCP with RFC 6587 octet counting to the syslog-tcp listener; the messages show up in
 * the JSONL archive and at a real Kafka broker. Fails in CI when {@code logger} is missing.
 */
@ExtendWith(SharedKafka.class)
class SyslogTcpEndToEndTest
{
    private static final int MESSAGES = 3;

    @TempDir
    Path dir;

    @Test
    void shouldFrameOctetCountedMessagesFromLogger(final EmbeddedKafka kafka) throws Exception
    {
        final ExternalTool logger = ExternalTool.require("logger", "bsdutils");
        try (TestAppliance app = new TestAppliance(dir, SharedKafka.topicSets(kafka, "syslog-tcp-e2e")
            .toArray(String[]::new));
            DeliveryProbe probe = new DeliveryProbe(app.config.forwarders().archive().directory(), kafka.bootstrap(),
                "syslog-tcp-e2e"))
        {
            final int port = app.port(ListenerType.SYSLOG_TCP);
            for (int i = 0; i < MESSAGES; i++)
            {
                logger.run(0, 10, Map.of(), dir, "-T", "-n", "127.0.0.1", "-P", Integer.toString(port), "--octet-count",
                    "--rfc5424", "-t", "raventcp", "tcp raven " + i);
            }
            final DeliveryProbe.Delivery d = probe.await("logger over TCP", r -> true, MESSAGES);
            // Each logger run is its own TCP connection; connections are read by different event loops, so the
            // order across connections is not defined (order within a connection is, see the framer tests).
            final java.util.Set<String> expected = new java.util.TreeSet<>();
            for (int i = 0; i < MESSAGES; i++)
            {
                expected.add("tcp raven " + i);
            }
            for (final List<JsonNode> lines : List.of(d.archive(), d.kafkaValues()))
            {
                final java.util.Set<String> seen = new java.util.TreeSet<>();
                for (final JsonNode r : lines)
                {
                    assertEquals("syslog", r.get("kind").asText(), r.toString());
                    assertEquals("rfc5424", r.get("protocol").asText(), r.toString());
                    assertEquals("syslog-tcp", r.get("listener").asText());
                    assertEquals("raventcp", r.get("appName").asText());
                    seen.add(r.get("message").asText());
                }
                assertEquals(MESSAGES, lines.size());
                assertEquals(expected, seen);
            }
        }
    }
}
