package io.nocraven.appliance.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.flow.InformationElementRegistry;
import io.nocraven.codec.snmp.SnmpUser;
import io.nocraven.codec.snmp.SnmpUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a merged configuration tree into an {@link ApplianceConfig}, checking every key: unknown keys, types,
 * ranges, files that must exist and port conflicts. All problems are collected and thrown together.
 */
public final class ConfigBinder
{
    private static final long MAX_INT = Integer.MAX_VALUE;

    private ConfigBinder()
    {
    }

    /**
     * @param tree merged tree (defaults + overrides).
     * @return the validated configuration.
     * @throws ConfigException listing every problem.
     */
    public static ApplianceConfig bind(final ObjectNode tree) throws ConfigException
    {
        final Set<String> known = ConfigTree.leaves(ConfigTree.defaults()).keySet();
        final Map<String, JsonNode> leaves = ConfigTree.leaves(tree);
        final ConfigReader r = new ConfigReader(leaves);
        for (final String key : leaves.keySet())
        {
            if (!known.contains(key))
            {
                r.errors().add(key + ": unknown key (see docs/configuration.md for the keys)");
            }
        }
        final Path dataDir = Path.of(r.text("dataDir").isEmpty() ? "./noc-raven-data" : r.text("dataDir"));
        final AdminConfig admin = new AdminConfig(r.bool("admin.enabled"), r.text("admin.bind"),
            r.port("admin.port"), r.text("admin.token"), r.bool("admin.tls.enabled"), r.text("admin.tls.certFile"),
            r.text("admin.tls.keyFile"));
        if (admin.tls())
        {
            requireFile(r, "admin.tls.certFile", admin.certFile());
            requireFile(r, "admin.tls.keyFile", admin.keyFile());
        }
        final Map<ListenerType, ListenerConfig> listeners = new EnumMap<>(ListenerType.class);
        for (final ListenerType t : ListenerType.values())
        {
            listeners.put(t, listener(r, t));
        }
        final CodecOptions codec = CodecOptions.builder()
            .syslogMode("strict".equals(r.oneOf("codec.syslogMode", "lenient", "strict"))
                ? CodecOptions.SyslogMode.STRICT : CodecOptions.SyslogMode.LENIENT)
            .timezone(zone(r))
            .snmpUsers(snmpUsers(r))
            .flowElements(flowElements(r))
            .maxFrameBytes((int)r.integer("codec.maxFrameBytes", CodecOptions.Builder.MIN_FRAME_BYTES, 16 * 1024 * 1024))
            .flowHoldBytes(r.integer("codec.flowHoldBytes", 0, 1L << 30))
            .flowHoldMillis(1000L * r.integer("codec.flowHoldSeconds", 0, 86_400))
            .build();
        final int ringSize = (int)r.integer("pipeline.ringSize", 64, 1 << 22);
        if (Integer.bitCount(ringSize) != 1)
        {
            r.error("pipeline.ringSize", ringSize, "a power of two");
        }
        final int slotBytes = (int)r.integer("pipeline.slotBytes", 64, 65535);
        final int maxDatagram = (int)r.integer("pipeline.maxDatagramBytes", 512, 16 * 1024 * 1024);
        final BufferSettings buffer = BufferSettings.bind(r, dataDir);
        // Every input is journaled whole as one buffer entry, which must fit in a segment.
        final long entryLimit = ApplianceConfig.maxEntryBytes(buffer.segmentBytes());
        final ListenerConfig windows = listeners.get(ListenerType.WINDOWS_HTTP);
        if (windows != null && windows.enabled() && windows.maxBodyBytes() > entryLimit)
        {
            r.error("listeners.windows-http.maxBodyBytes", windows.maxBodyBytes(),
                "at most " + entryLimit + " (a body is journaled as one entry of a buffer.segmentBytes segment)");
        }
        if (codec.maxFrameBytes() > entryLimit)
        {
            r.error("codec.maxFrameBytes", codec.maxFrameBytes(),
                "at most " + entryLimit + " (a frame is journaled as one entry of a buffer.segmentBytes segment)");
        }
        if (maxDatagram > entryLimit)
        {
            r.error("pipeline.maxDatagramBytes", maxDatagram,
                "at most " + entryLimit + " (a datagram is journaled as one entry of a buffer.segmentBytes segment)");
        }
        final ForwarderConfig forwarders = ForwarderBinder.bind(r, dataDir);
        final int top = (int)r.integer("status.topExporters", 1, 1000);
        final HealthThresholds health = new HealthThresholds(
            pct(r, "health.diskFreeWarningPercent"), pct(r, "health.diskFreeCriticalPercent"),
            pct(r, "health.memoryWarningPercent"), pct(r, "health.memoryCriticalPercent"),
            pct(r, "health.cpuWarningPercent"), pct(r, "health.cpuCriticalPercent"),
            pct(r, "health.openFilesWarningPercent"), pct(r, "health.openFilesCriticalPercent"));
        PortConflicts.check(listeners, admin, r.errors());
        if (!r.errors().isEmpty())
        {
            throw new ConfigException(r.errors());
        }
        return new ApplianceConfig(dataDir, admin, listeners, codec, ringSize, slotBytes, maxDatagram, buffer, forwarders, top,
            health, tree.deepCopy());
    }

    private static ListenerConfig listener(final ConfigReader r, final ListenerType t)
    {
        final String p = "listeners." + t.configName() + '.';
        final boolean enabled = r.bool(p + "enabled");
        final String bind = r.text(p + "bind");
        final int port = r.port(p + "port");
        final boolean udp = t.transport() == ListenerType.Transport.UDP;
        final int threads = udp ? (int)r.integer(p + "threads", 1, 64) : 1;
        final int rcvbuf = udp ? (int)r.integer(p + "receiveBufferBytes", 0, MAX_INT) : 0;
        final int maxConn = udp ? 0 : (int)r.integer(p + "maxConnections", 1, 1_000_000);
        boolean tls = t == ListenerType.SYSLOG_TLS;
        String cert = "";
        String key = "";
        String token = "";
        int maxBody = 0;
        if (t == ListenerType.WINDOWS_HTTP)
        {
            tls = r.bool(p + "tls.enabled");
            cert = r.text(p + "tls.certFile");
            key = r.text(p + "tls.keyFile");
            token = r.text(p + "token");
            maxBody = (int)r.integer(p + "maxBodyBytes", 1024, 256L * 1024 * 1024);
            if (enabled && token.isEmpty())
            {
                r.error(p + "token", "", "a bearer token that clients send (Authorization: Bearer ...)");
            }
        }
        else if (t == ListenerType.SYSLOG_TLS)
        {
            cert = r.text(p + "certFile");
            key = r.text(p + "keyFile");
        }
        if (enabled && tls)
        {
            final String certKey = t == ListenerType.WINDOWS_HTTP ? p + "tls.certFile" : p + "certFile";
            final String keyKey = t == ListenerType.WINDOWS_HTTP ? p + "tls.keyFile" : p + "keyFile";
            requireFile(r, certKey, cert);
            requireFile(r, keyKey, key);
        }
        return new ListenerConfig(t, enabled, bind, port, threads, rcvbuf, maxConn, tls, cert, key, token, maxBody);
    }

    private static ZoneId zone(final ConfigReader r)
    {
        final String z = r.text("codec.timezone");
        try
        {
            return ZoneId.of(z);
        }
        catch (final DateTimeException ex)
        {
            r.error("codec.timezone", z, "a time zone id such as UTC or Europe/Berlin");
            return ZoneOffset.UTC;
        }
    }

    private static InformationElementRegistry flowElements(final ConfigReader r)
    {
        final String file = r.text("codec.flowNamesFile");
        if (file.isEmpty())
        {
            return InformationElementRegistry.standard();
        }
        try
        {
            return InformationElementRegistry.standard().withMappingFile(Path.of(file));
        }
        catch (final IllegalArgumentException ex)
        {
            r.error("codec.flowNamesFile", file, "a readable JSON mapping of NetFlow v9/IPFIX element names: "
                + ex.getMessage());
            return InformationElementRegistry.standard();
        }
    }

    private static List<SnmpUser> snmpUsers(final ConfigReader r)
    {
        final List<SnmpUser> users = new ArrayList<>();
        final String file = r.text("codec.snmpUsersFile");
        if (!file.isEmpty())
        {
            try
            {
                users.addAll(SnmpUsers.load(Path.of(file)));
            }
            catch (final IOException | IllegalArgumentException ex)
            {
                r.error("codec.snmpUsersFile", file, "a readable YAML/JSON list of SNMPv3 users: " + ex.getMessage());
            }
        }
        // Users given inline (the web panel edits this list), after those of the file.
        final JsonNode inline = r.raw("codec.snmpUsers");
        if (inline != null && !inline.isNull() && !(inline.isTextual() && inline.asText().isEmpty()))
        {
            if (!inline.isArray())
            {
                r.error("codec.snmpUsers", inline, "a list of SNMPv3 users ({user, engineId, authProtocol, "
                    + "authPassphrase, privProtocol, privPassphrase, keyExtension})");
            }
            else
            {
                try
                {
                    users.addAll(SnmpUsers.parse(inline, "codec.snmpUsers"));
                }
                catch (final IllegalArgumentException ex)
                {
                    r.error("codec.snmpUsers", "[" + inline.size() + " users]", ex.getMessage());
                }
            }
        }
        return users;
    }

    private static int pct(final ConfigReader r, final String key)
    {
        return (int)r.integer(key, 0, 100);
    }

    static void requireFile(final ConfigReader r, final String key, final String file)
    {
        if (file.isEmpty() || !Files.isReadable(Path.of(file)))
        {
            r.error(key, file, "a readable PEM file (TLS is enabled)");
        }
    }

    static Map<String, String> topics(final ConfigReader r)
    {
        final Map<String, String> topics = new LinkedHashMap<>();
        for (final String kind : List.of("flow", "options", "counters", "syslog", "snmp-trap", "windows-event",
            "invalid"))
        {
            final String t = r.text("forwarders.kafka.topics." + kind);
            if (t.isEmpty() || !t.matches("[A-Za-z0-9._-]{1,249}"))
            {
                r.error("forwarders.kafka.topics." + kind, t, "a Kafka topic name ([A-Za-z0-9._-], 1-249 chars)");
            }
            topics.put(kind, t);
        }
        return topics;
    }
}
