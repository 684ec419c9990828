package io.nocraven.appliance.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The forwarders ({@code forwarders.*}). A forwarder's {@code streams} list names the listeners it takes; empty
 * means all.
 *
 * @param archive        JSONL archive.
 * @param kafka          Kafka producer.
 * @param udpRelay       raw UDP relay.
 * @param syslogRelay    syslog relay over TCP.
 * @param initialBackoffMs first retry delay.
 * @param maxBackoffMs   longest retry delay.
 */
public record ForwarderConfig(Archive archive, Kafka kafka, Relay udpRelay, Relay syslogRelay, long initialBackoffMs,
    long maxBackoffMs)
{
    /**
     * JSON-lines archive settings.
     *
     * @param enabled       on or off.
     * @param directory     where files go.
     * @param streams       listeners taken (empty = all).
     * @param rotateBytes   rotate when a file reaches this size.
     * @param rotateSeconds rotate when a file is this old.
     * @param compression   {@code zstd}, {@code gzip} or {@code none}.
     */
    public record Archive(boolean enabled, Path directory, List<String> streams, long rotateBytes, long rotateSeconds,
        String compression)
    {
    }

    /**
     * Kafka settings.
     *
     * @param enabled           on or off.
     * @param bootstrapServers  {@code host:port,...}.
     * @param clientId          client id.
     * @param streams           listeners taken (empty = all).
     * @param topics            topic by record kind wire name.
     * @param lingerMs          producer linger.
     * @param deliveryTimeoutMs producer delivery timeout.
     */
    public record Kafka(boolean enabled, String bootstrapServers, String clientId, List<String> streams,
        Map<String, String> topics, int lingerMs, int deliveryTimeoutMs)
    {
    }

    /**
     * A relay target.
     *
     * @param enabled            on or off.
     * @param host               target host.
     * @param port               target port.
     * @param streams            listeners taken (empty = all).
     * @param maxPacketsPerSecond rate limit (UDP relay).
     * @param tls                TLS to the target (syslog relay).
     */
    public record Relay(boolean enabled, String host, int port, List<String> streams, long maxPacketsPerSecond,
        boolean tls)
    {
    }
}
