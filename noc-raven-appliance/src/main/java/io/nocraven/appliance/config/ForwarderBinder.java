package io.nocraven.appliance.config;

import java.nio.file.Path;
import java.util.List;

/** Binds and checks the {@code forwarders.*} keys. */
final class ForwarderBinder
{
    private ForwarderBinder()
    {
    }

    static ForwarderConfig bind(final ConfigReader r, final Path dataDir)
    {
        final String dir = r.text("forwarders.archive.directory");
        final ForwarderConfig.Archive archive = new ForwarderConfig.Archive(r.bool("forwarders.archive.enabled"),
            dir.isEmpty() ? dataDir.resolve("archive") : Path.of(dir), streams(r, "forwarders.archive.streams"),
            r.integer("forwarders.archive.rotateBytes", 4096, Long.MAX_VALUE),
            r.integer("forwarders.archive.rotateSeconds", 1, 366L * 86400),
            r.oneOf("forwarders.archive.compression", "zstd", "gzip", "none"));
        final boolean kafkaOn = r.bool("forwarders.kafka.enabled");
        final String servers = r.text("forwarders.kafka.bootstrapServers");
        if (kafkaOn && !servers.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*"))
        {
            r.error("forwarders.kafka.bootstrapServers", servers, "host:port[,host:port...]");
        }
        final ForwarderConfig.Kafka kafka = new ForwarderConfig.Kafka(kafkaOn, servers,
            r.text("forwarders.kafka.clientId"), streams(r, "forwarders.kafka.streams"), ConfigBinder.topics(r),
            (int)r.integer("forwarders.kafka.lingerMs", 0, 60_000),
            (int)r.integer("forwarders.kafka.deliveryTimeoutMs", 1000, Integer.MAX_VALUE));
        final ForwarderConfig.Relay udp = relay(r, "forwarders.udpRelay", false);
        final ForwarderConfig.Relay syslog = relay(r, "forwarders.syslogRelay", true);
        for (final String s : syslog.streams())
        {
            final ListenerType t = ListenerType.byConfigName(s);
            if (t != null && !t.isSyslog())
            {
                r.error("forwarders.syslogRelay.streams", s, "syslog listeners only (syslog-udp, syslog-tcp, syslog-tls)");
            }
        }
        final long initial = r.integer("forwarders.retry.initialBackoffMs", 1, 3_600_000);
        final long max = r.integer("forwarders.retry.maxBackoffMs", 1, 3_600_000);
        if (max < initial)
        {
            r.error("forwarders.retry.maxBackoffMs", max, "at least forwarders.retry.initialBackoffMs (" + initial + ")");
        }
        return new ForwarderConfig(archive, kafka, udp, syslog, initial, max);
    }

    private static ForwarderConfig.Relay relay(final ConfigReader r, final String p, final boolean syslog)
    {
        final boolean on = r.bool(p + ".enabled");
        final String target = r.text(p + ".target");
        String host = "";
        int port = 0;
        final int colon = target.lastIndexOf(':');
        if (colon > 0)
        {
            host = target.substring(0, colon).replace("[", "").replace("]", "");
            try
            {
                port = Integer.parseInt(target.substring(colon + 1));
            }
            catch (final NumberFormatException ex)
            {
                port = 0;
            }
        }
        if (on && (host.isEmpty() || port < 1 || port > 65535))
        {
            r.error(p + ".target", target, "host:port of the collector");
        }
        final long rate = syslog ? 0 : r.integer(p + ".maxPacketsPerSecond", 1, 10_000_000);
        final boolean tls = syslog && r.bool(p + ".tls");
        return new ForwarderConfig.Relay(on, host, port, streams(r, p + ".streams"), rate, tls);
    }

    private static List<String> streams(final ConfigReader r, final String key)
    {
        final List<String> streams = r.stringList(key);
        for (final String s : streams)
        {
            if (ListenerType.byConfigName(s) == null)
            {
                r.error(key, s, "listener names (syslog-udp, syslog-tcp, syslog-tls, netflow-udp, ipfix-udp, "
                    + "ipfix-tcp, sflow-udp, snmp-udp, windows-http)");
            }
        }
        return streams;
    }
}
