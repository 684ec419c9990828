package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches both ends an appliance delivers to: its JSONL archive and the Kafka topics {@code <prefix>.<kind>}. Tests
 * in a class run one after the other, so each {@link #await} looks only at what arrived after the previous one
 * returned, and checks that the archive and Kafka got exactly the expected number of records. Every wait is bounded.
 */
final class DeliveryProbe implements AutoCloseable
{
    private static final long DEADLINE_MILLIS = 60_000;
    private static final long SETTLE_MILLIS = 500;

    private final Path archiveDir;
    private final String prefix;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> kafka = new ArrayList<>();
    private int archiveMark;
    private int kafkaMark;

    DeliveryProbe(final Path archiveDir, final String bootstrap, final String prefix)
    {
        this.archiveDir = archiveDir;
        this.prefix = prefix;
        final Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, prefix + "-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        consumer.subscribe(Pattern.compile(Pattern.quote(prefix) + "\\..*"));
    }

    /** What one step delivered: the archive's records and Kafka's (key, topic and parsed value). */
    record Delivery(List<JsonNode> archive, List<ConsumerRecord<String, String>> kafka, List<JsonNode> kafkaValues)
    {
    }

    /**
     * Waits until the archive and Kafka each hold {@code expected} new records that match, then a little longer for
     * surplus ones, and asserts the exact count on both ends.
     *
     * @param what     the step, for messages.
     * @param filter   which new records belong to the step.
     * @param expected how many.
     * @return the step's records.
     * @throws Exception on I/O errors or interruption.
     */
    Delivery await(final String what, final Predicate<JsonNode> filter, final int expected) throws Exception
    {
        final long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        Delivery d = collect(filter);
        while ((d.archive().size() < expected || d.kafka().size() < expected) && System.currentTimeMillis() < deadline)
        {
            Thread.sleep(50);
            d = collect(filter);
        }
        final long settle = System.currentTimeMillis() + SETTLE_MILLIS;
        while (System.currentTimeMillis() < settle)
        {
            Thread.sleep(50);
            d = collect(filter);
        }
        archiveMark = SyslogUdpEndToEndTest.readArchive(archiveDir).size();
        kafkaMark = kafka.size();
        assertEquals(expected, d.archive().size(), what + ": records in the archive");
        assertEquals(expected, d.kafka().size(), what + ": records at the Kafka broker");
        for (int i = 0; i < d.kafka().size(); i++)
        {
            final ConsumerRecord<String, String> r = d.kafka().get(i);
            final JsonNode v = d.kafkaValues().get(i);
            assertEquals(prefix + "." + v.get("kind").asText(), r.topic(), what + ": topic of " + r.value());
            assertEquals(v.get("exporter").asText(), r.key(), what + ": key of " + r.value());
        }
        return d;
    }

    private Delivery collect(final Predicate<JsonNode> filter) throws Exception
    {
        consumer.poll(Duration.ofMillis(100)).forEach(kafka::add);
        final List<JsonNode> all = SyslogUdpEndToEndTest.readArchive(archiveDir);
        final List<JsonNode> archive = new ArrayList<>();
        for (final JsonNode r : all.subList(Math.min(archiveMark, all.size()), all.size()))
        {
            if (filter.test(r))
            {
                archive.add(r);
            }
        }
        final List<ConsumerRecord<String, String>> fromKafka = new ArrayList<>();
        final List<JsonNode> values = new ArrayList<>();
        for (final ConsumerRecord<String, String> r : kafka.subList(kafkaMark, kafka.size()))
        {
            final JsonNode v = TestAppliance.JSON.readTree(r.value());
            if (filter.test(v))
            {
                fromKafka.add(r);
                values.add(v);
            }
        }
        return new Delivery(archive, fromKafka, values);
    }

    @Override
    public void close()
    {
        consumer.close(Duration.ofSeconds(5));
    }
}
