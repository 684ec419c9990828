package io.nocraven.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nocraven.appliance.source.BindFailure;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldStartFromEmbeddedDefaults() throws Exception
    {
        final ApplianceConfig c = ConfigLoader.load(null, Map.of(), List.of(), null);
        assertEquals(Path.of("./noc-raven-data"), c.dataDir());
        assertEquals(8080, c.admin().port());
        assertEquals(514, c.listener(ListenerType.SYSLOG_UDP).port());
        assertEquals(514, c.listener(ListenerType.SYSLOG_TCP).port());
        assertEquals(6514, c.listener(ListenerType.SYSLOG_TLS).port());
        assertEquals(2055, c.listener(ListenerType.NETFLOW_UDP).port());
        assertEquals(4739, c.listener(ListenerType.IPFIX_TCP).port());
        assertEquals(6343, c.listener(ListenerType.SFLOW_UDP).port());
        assertEquals(162, c.listener(ListenerType.SNMP_UDP).port());
        assertEquals(8084, c.listener(ListenerType.WINDOWS_HTTP).port());
        assertTrue(c.forwarders().archive().enabled());
        assertEquals(Path.of("./noc-raven-data").resolve("archive"), c.forwarders().archive().directory());
        assertFalse(c.forwarders().kafka().enabled());
        assertEquals("noc-raven.syslog", c.forwarders().kafka().topics().get("syslog"));
    }

    @Test
    void shouldLayerFileEnvironmentSetAndDataDir() throws Exception
    {
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, "listeners:\n  syslog-udp:\n    port: 1514\n    threads: 4\nadmin:\n  port: 9090\n");
        final ApplianceConfig c = ConfigLoader.load(file,
            Map.of("NOCRAVEN_LISTENERS_SYSLOG_UDP_PORT", "2514", "NOCRAVEN_FORWARDERS_KAFKA_STREAMS", "syslog-udp,snmp-udp"),
            List.of("listeners.syslog-udp.port=3514", "forwarders.archive.compression=none"), dir.resolve("data"));
        assertEquals(3514, c.listener(ListenerType.SYSLOG_UDP).port());
        assertEquals(4, c.listener(ListenerType.SYSLOG_UDP).threads());
        assertEquals(9090, c.admin().port());
        assertEquals(List.of("syslog-udp", "snmp-udp"), c.forwarders().kafka().streams());
        assertEquals("none", c.forwarders().archive().compression());
        assertEquals(dir.resolve("data"), c.dataDir());
    }

    @Test
    void shouldMapKeysToEnvironmentNames()
    {
        assertEquals("NOCRAVEN_LISTENERS_SYSLOG_UDP_PORT", ConfigTree.envName("listeners.syslog-udp.port"));
        assertEquals("NOCRAVEN_DATADIR", ConfigTree.envName("dataDir"));
        assertEquals("NOCRAVEN_FORWARDERS_KAFKA_TOPICS_SNMP_TRAP", ConfigTree.envName("forwarders.kafka.topics.snmp-trap"));
    }

    @Test
    void shouldReportEveryErrorWithKeyValueAndExpectation()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("listeners.syslog-udp.port=70000", "codec.syslogMode=fuzzy", "listeners.bogus.port=1",
                "pipeline.ringSize=1000", "forwarders.kafka.enabled=true", "forwarders.kafka.bootstrapServers=nohost",
                "forwarders.archive.streams=[syslog-udp, nope]", "novalue"), dir));
        final List<String> e = ex.errors();
        assertEquals(List.of("--set: value 'novalue' is invalid (expected dotted.key=value)"), e);
        final ConfigException all = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("listeners.syslog-udp.port=70000", "codec.syslogMode=fuzzy", "listeners.bogus.port=1",
                "pipeline.ringSize=1000", "forwarders.kafka.enabled=true", "forwarders.kafka.bootstrapServers=nohost",
                "forwarders.archive.streams=[syslog-udp, nope]"), dir));
        final String text = String.join("\n", all.errors());
        assertTrue(text.contains("listeners.bogus.port: unknown key"), text);
        assertTrue(text.contains("listeners.syslog-udp.port: value '70000' is invalid (expected an integer from 0 to 65535)"),
            text);
        assertTrue(text.contains("codec.syslogMode: value 'fuzzy' is invalid (expected one of lenient, strict)"), text);
        assertTrue(text.contains("pipeline.ringSize: value '1000' is invalid (expected a power of two)"), text);
        assertTrue(text.contains("forwarders.kafka.bootstrapServers: value 'nohost' is invalid (expected host:port"), text);
        assertTrue(text.contains("forwarders.archive.streams: value 'nope' is invalid (expected listener names"), text);
        assertEquals(6, all.errors().size(), text);
    }

    @Test
    void shouldRejectConflictingPortsOnTheSameTransportOnly() throws Exception
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("listeners.netflow-udp.port=514"), dir));
        assertEquals(List.of("listeners.netflow-udp.port: value '514' is invalid (expected a port not already used by "
            + "listeners.syslog-udp on UDP)"), ex.errors());
        final ApplianceConfig ok = ConfigLoader.load(null, Map.of(), List.of("listeners.netflow-udp.bind=127.0.0.1",
            "listeners.syslog-udp.bind=127.0.0.2", "listeners.netflow-udp.port=514"), dir);
        assertEquals(514, ok.listener(ListenerType.NETFLOW_UDP).port());
    }

    @Test
    void shouldRequireTlsFilesAndWindowsTokenWhenEnabled()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("listeners.syslog-tls.enabled=true", "listeners.windows-http.enabled=true"), dir));
        assertEquals(List.of(
            "listeners.syslog-tls.certFile: value '' is invalid (expected a readable PEM file (TLS is enabled))",
            "listeners.syslog-tls.keyFile: value '' is invalid (expected a readable PEM file (TLS is enabled))",
            "listeners.windows-http.token: value '' is invalid (expected a bearer token that clients send "
                + "(Authorization: Bearer ...))"), ex.errors());
    }

    @Test
    void shouldNamePrivilegedPortKeyAndCapability()
    {
        final BindFailure f = BindFailure.of("listeners.snmp-udp", "UDP", "0.0.0.0", 162,
            new BindException("bind(..) failed: Permission denied"));
        assertTrue(f.getMessage().startsWith("cannot bind UDP 0.0.0.0:162 (listeners.snmp-udp.port=162, "
            + "listeners.snmp-udp.bind=0.0.0.0): bind(..) failed: Permission denied -- port 162 is privileged"),
            f.getMessage());
        assertTrue(f.getMessage().contains("CAP_NET_BIND_SERVICE"), f.getMessage());
    }

    @Test
    void shouldPersistAtomicallyWithBackup() throws Exception
    {
        final Path target = dir.resolve("config.yaml");
        final ConfigStore store = new ConfigStore(target);
        final ApplianceConfig a = ConfigLoader.load(null, Map.of(), List.of("listeners.syslog-udp.port=1514"), dir);
        store.save(a.tree());
        final ApplianceConfig b = ConfigLoader.load(null, Map.of(), List.of("listeners.syslog-udp.port=2514"), dir);
        store.save(b.tree());
        assertEquals(2514, ConfigLoader.load(target, Map.of(), List.of(), dir).listener(ListenerType.SYSLOG_UDP).port());
        assertEquals(1514, ConfigLoader.load(dir.resolve("config.yaml.bak"), Map.of(), List.of(), dir)
            .listener(ListenerType.SYSLOG_UDP).port());
        // Without --config, <dataDir>/config.yaml is read.
        assertEquals(2514, ConfigLoader.load(null, Map.of(), List.of(), dir).listener(ListenerType.SYSLOG_UDP).port());
    }

    @Test
    void shouldShipAConfigFileEqualToTheEmbeddedDefaults() throws Exception
    {
        final Path shipped = Path.of("packaging/noc-raven.yaml");
        // Key for key and value for value the same document as the embedded defaults (only comments differ) ...
        assertEquals(ConfigTree.defaults(), ConfigTree.YAML.readTree(shipped.toFile()));
        // ... and through the real loader it validates and binds to the same configuration.
        final ApplianceConfig fromFile = ConfigLoader.load(shipped, Map.of(), List.of(), null);
        final ApplianceConfig embedded = ConfigBinder.bind(ConfigTree.defaults());
        assertEquals(embedded.tree(), fromFile.tree());
        assertEquals(Path.of("/var/lib/noc-raven"), ConfigLoader.load(shipped, Map.of(), List.of(),
            Path.of("/var/lib/noc-raven")).dataDir());
    }

    @Test
    void shouldBindCodecLimits() throws Exception
    {
        final ApplianceConfig c = ConfigLoader.load(null, Map.of(), List.of("codec.maxFrameBytes=8192",
            "codec.flowHoldBytes=1024", "codec.flowHoldSeconds=5"), dir);
        assertEquals(8192, c.codec().maxFrameBytes());
        assertEquals(1024, c.codec().flowHoldBytes());
        assertEquals(5000, c.codec().flowHoldMillis());
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("codec.maxFrameBytes=100"), dir));
        assertEquals(List.of("codec.maxFrameBytes: value '100' is invalid (expected an integer from 480 to 16777216)"),
            ex.errors());
    }

    @Test
    void shouldLoadAFlowNamesFileAndNameAMissingOne() throws Exception
    {
        final Path names = dir.resolve("names.json");
        Files.writeString(names, "{\"netflowV9\": [{\"id\": 40000, \"name\": \"userName\", \"type\": \"string\"}]}");
        final ApplianceConfig c = ConfigLoader.load(null, Map.of(), List.of("codec.flowNamesFile=" + names), dir);
        assertEquals("userName", c.codec().flowElements().netflowV9(40000).name());
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("codec.flowNamesFile=" + dir.resolve("missing.json")), dir));
        assertTrue(ex.errors().get(0).startsWith("codec.flowNamesFile: value '" + dir.resolve("missing.json")
            + "' is invalid (expected a readable JSON mapping of NetFlow v9/IPFIX element names"), ex.errors().toString());
    }

    @Test
    void shouldRefuseAnInputLimitThatDoesNotFitOneBufferSegment()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(null, Map.of(),
            List.of("listeners.windows-http.enabled=true", "listeners.windows-http.token=t", "buffer.segmentBytes=1048576"),
            dir));
        assertEquals(List.of("listeners.windows-http.maxBodyBytes: value '4194304' is invalid (expected at most "
            + ApplianceConfig.maxEntryBytes(1048576) + " (a body is journaled as one entry of a buffer.segmentBytes "
            + "segment))"), ex.errors());
    }

    @Test
    void shouldAddInlineSnmpUsersAfterTheFileAndNameABadEntry() throws Exception
    {
        final Path file = dir.resolve("c.yaml");
        Files.writeString(file, "codec:\n  snmpUsers:\n    - user: ops\n      authProtocol: SHA\n"
            + "      authPassphrase: authpass123\n      privProtocol: AES\n      privPassphrase: privpass123\n");
        final ApplianceConfig c = ConfigLoader.load(file, Map.of(), List.of(), dir);
        assertEquals(1, c.codec().snmpUsers().size());
        assertEquals("ops", c.codec().snmpUsers().get(0).user());
        Files.writeString(file, "codec:\n  snmpUsers:\n    - user: ops\n      authProtocol: SHA-999\n");
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(file, Map.of(),
            List.of(), dir));
        assertTrue(ex.errors().get(0).startsWith("codec.snmpUsers: value '[1 users]' is invalid (expected "),
            ex.errors().toString());
        assertTrue(ex.errors().get(0).contains("SHA-999"), ex.errors().toString());
    }
}
