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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records reach a real (in-process KRaft) Kafka broker: exact counts, topic per kind, key = exporter. */
class KafkaForwarderTest
{
    private static final int MESSAGES = 40;

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryRecordToKafkaKeyedByExporter() throws Exception
    {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("k")))
        {
            kafka.start();
            try (TestAppliance app = new TestAppliance(dir.resolve("a"), "forwarders.kafka.enabled=true",
                "forwarders.kafka.bootstrapServers=" + kafka.bootstrap(), "forwarders.kafka.lingerMs=5");
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                final int port = app.port(ListenerType.SYSLOG_UDP);
                for (int i = 0; i < MESSAGES; i++)
                {
                    final byte[] msg = ("<13>1 2026-12-01T10:00:00Z host app - - - kafka message " + i)
                        .getBytes(StandardCharsets.UTF_8);
                    client.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
                }
                final List<ConsumerRecord<String, String>> got = consume(kafka.bootstrap(), MESSAGES);
                assertEquals(MESSAGES, got.size());
                final String exporter = "127.0.0.1:" + client.getLocalPort();
                for (int i = 0; i < MESSAGES; i++)
                {
                    final ConsumerRecord<String, String> r = got.get(i);
                    assertEquals(exporter, r.key());
                    final JsonNode json = TestAppliance.JSON.readTree(r.value());
                    assertEquals("noc-raven." + json.get("kind").asText(), r.topic());
                    assertEquals(exporter, json.get("exporter").asText());
                    assertEquals("syslog-udp", json.get("listener").asText());
                    assertTrue(SyslogUdpEndToEndTest.carries(json, "kafka message " + i), r.value());
                }
                final JsonNode status = app.getJson("/api/v1/status");
                JsonNode fw = null;
                for (final JsonNode f : status.get("forwarders"))
                {
                    if ("kafka".equals(f.get("name").asText()))
                    {
                        fw = f;
                    }
                }
                assertEquals("connected", fw.get("state").asText());
                assertEquals(MESSAGES, fw.get("sent").asLong());
            }
        }
    }

    static List<ConsumerRecord<String, String>> consume(final String bootstrap, final int expected)
    {
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        final List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p))
        {
            c.subscribe(Pattern.compile("noc-raven\\..*"));
            final long deadline = System.currentTimeMillis() + 60_000;
            while (out.size() < expected && System.currentTimeMillis() < deadline)
            {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            c.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
