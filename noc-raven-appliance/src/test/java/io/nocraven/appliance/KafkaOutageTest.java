package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outage: the broker stops while traffic keeps coming, then returns. The buffer holds what arrived meanwhile and
 * the Kafka forwarder delivers it from its cursor: nothing lost, order per exporter kept (at-least-once: a batch
 * retried after a failure may appear twice; first occurrences are in order).
 */
class KafkaOutageTest
{
    private static final Pattern SEQ = Pattern.compile("outage (\\d+)");

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEverythingInOrderAfterTheBrokerReturns() throws Exception
    {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("k")))
        {
            kafka.start();
            try (TestAppliance app = new TestAppliance(dir.resolve("a"), "forwarders.kafka.enabled=true",
                "forwarders.kafka.bootstrapServers=" + kafka.bootstrap(), "forwarders.kafka.lingerMs=5",
                "forwarders.kafka.deliveryTimeoutMs=4000", "forwarders.retry.initialBackoffMs=100",
                "forwarders.retry.maxBackoffMs=1000", "forwarders.kafka.streams=syslog-udp");
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                final int port = app.port(ListenerType.SYSLOG_UDP);
                send(client, port, 0, 30);
                assertEquals(30, KafkaForwarderTest.consume(kafka.bootstrap(), 30).size());

                kafka.stop();
                send(client, port, 30, 70);
                AdminApiTest.awaitReceived(app, "syslog-udp", 70);
                Thread.sleep(1500);
                final JsonNode buffer = app.getJson("/api/v1/buffer");
                long lag = -1;
                for (final JsonNode f : buffer.get("forwarders"))
                {
                    if ("kafka".equals(f.get("name").asText()))
                    {
                        lag = f.get("lagRecords").asLong();
                    }
                }
                assertEquals(40, lag, buffer.toString());

                kafka.start();
                final List<ConsumerRecord<String, String>> got = KafkaForwarderTest.consume(kafka.bootstrap(), 70);
                final List<Integer> seqs = new ArrayList<>();
                for (final ConsumerRecord<String, String> r : got)
                {
                    final JsonNode json = TestAppliance.JSON.readTree(r.value());
                    final String text = json.has("message") ? json.get("message").asText() : new String(
                        java.util.HexFormat.of().parseHex(json.get("hex").asText()), StandardCharsets.UTF_8);
                    final Matcher m = SEQ.matcher(text);
                    assertTrue(m.find(), text);
                    seqs.add(Integer.parseInt(m.group(1)));
                }
                final Set<Integer> first = new LinkedHashSet<>(seqs);
                final List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < 70; i++)
                {
                    expected.add(i);
                }
                assertEquals(expected, new ArrayList<>(first), "every message, in order");
            }
        }
    }

    private static void send(final DatagramSocket client, final int port, final int from, final int to)
        throws Exception
    {
        for (int i = from; i < to; i++)
        {
            final byte[] msg = ("<13>1 2026-12-01T10:00:00Z host app - - - outage " + i).getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
            Thread.sleep(2);
        }
    }
}
