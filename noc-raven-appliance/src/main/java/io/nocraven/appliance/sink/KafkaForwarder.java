package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.JsonLine;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends decoded records to Kafka: one topic per record kind, key = exporter ({@code ip:port}, so one exporter's
 * records stay in one partition, in order), an idempotent producer with {@code acks=all} and zstd compression.
 * Retries use Kafka's own exponential back-off with jitter ({@code retry.backoff.ms} and
 * {@code retry.backoff.max.ms} from {@code forwarders.retry.*}) up to {@code deliveryTimeoutMs}.
 * <p>
 * The record value is the JSON line's UTF-8 bytes, copied once from the writer's buffer ({@link JsonLine}).
 */
public final class KafkaForwarder implements Forwarder
{
    private final ForwarderConfig.Kafka config;
    private final StreamFilter filter;
    private final KafkaProducer<String, byte[]> producer;
    private final String[] topicByKind = new String[RecordKind.values().length];
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastAckMillis = new AtomicLong();
    private final AtomicLong lastFailureMillis = new AtomicLong();
    private final Callback callback = this::onCompletion;
    private volatile String lastError = "";
    private long committedFailures;

    /**
     * @param config           Kafka settings.
     * @param initialBackoffMs first retry delay.
     * @param maxBackoffMs     longest retry delay.
     */
    public KafkaForwarder(final ForwarderConfig.Kafka config, final long initialBackoffMs, final long maxBackoffMs)
    {
        this.config = config;
        this.filter = new StreamFilter(config.streams());
        for (final RecordKind k : RecordKind.values())
        {
            topicByKind[k.ordinal()] = config.topics().getOrDefault(k.wireName(), "noc-raven." + k.wireName());
        }
        final Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.clientId());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        p.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(config.lingerMs()));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.toString(config.deliveryTimeoutMs()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Integer.toString(Math.min(30_000, config.deliveryTimeoutMs()
            - config.lingerMs())));
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, Long.toString(initialBackoffMs));
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, Long.toString(maxBackoffMs));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, Long.toString(initialBackoffMs));
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, Long.toString(maxBackoffMs));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
    }

    @Override
    public String name()
    {
        return "kafka";
    }

    @Override
    public boolean accepts(final ListenerType stream)
    {
        return filter.accepts(stream);
    }

    /**
     * @param kind a record kind.
     * @return its topic.
     */
    public String topic(final RecordKind kind)
    {
        return topicByKind[kind.ordinal()];
    }

    @Override
    public void onRecord(final ListenerType stream, final RecordKind kind, final RecordContext context,
        final CharSequence json)
    {
        try
        {
            producer.send(new ProducerRecord<>(topicByKind[kind.ordinal()], context.exporterText(), utf8(json)), callback);
            sent.incrementAndGet();
        }
        catch (final KafkaException ex)
        {
            failed.incrementAndGet();
            lastFailureMillis.set(System.currentTimeMillis());
            lastError = ex.toString();
        }
    }

    private static byte[] utf8(final CharSequence json)
    {
        return json instanceof JsonLine line ? line.toByteArray() : json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void onCompletion(final RecordMetadata metadata, final Exception ex)
    {
        if (ex == null)
        {
            acked.incrementAndGet();
            lastAckMillis.set(System.currentTimeMillis());
        }
        else
        {
            failed.incrementAndGet();
            lastFailureMillis.set(System.currentTimeMillis());
            lastError = ex.toString();
        }
    }

    @Override
    public void onBatchEnd()
    {
        // The producer batches by linger.ms; nothing to force per pipeline batch.
    }

    /**
     * Flushes the producer (waits for every in-flight send to be acknowledged or to fail after its retries) and
     * reports whether any send failed since the last commit.
     */
    @Override
    public boolean commit()
    {
        try
        {
            producer.flush();
        }
        catch (final KafkaException ex)
        {
            lastError = ex.toString();
            committedFailures = failed.get();
            return false;
        }
        final long f = failed.get();
        final boolean ok = f == committedFailures;
        committedFailures = f;
        return ok;
    }

    @Override
    public ForwarderStatus status()
    {
        final long pending = sent.get() - acked.get() - failed.get();
        final boolean healthy = lastFailureMillis.get() <= lastAckMillis.get();
        final String state = healthy ? (acked.get() > 0 ? "connected" : "connecting") : "retrying";
        return new ForwarderStatus(name(), state, healthy, acked.get(), failed.get(), 0, Math.max(0, pending),
            healthy ? "" : lastError);
    }

    @Override
    public void close()
    {
        producer.flush();
        producer.close(Duration.ofSeconds(10));
    }
}
