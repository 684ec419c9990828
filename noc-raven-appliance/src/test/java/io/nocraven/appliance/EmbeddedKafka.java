package io.nocraven.appliance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft Kafka (broker + controller in this JVM) on 127.0.0.1: the storage is formatted with
 * Kafka's own {@code StorageTool}, then {@code KafkaRaftServer} runs it. Can be stopped and started again on the same
 * ports and log directory (outage tests).
 */
final class EmbeddedKafka implements AutoCloseable
{
    private final Properties props = new Properties();
    private final int port;
    private KafkaRaftServer server;

    EmbeddedKafka(final Path dir) throws Exception
    {
        port = freePort();
        final int controller = freePort();
        final Path logs = dir.resolve("kafka-logs");
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logs.toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        Files.createDirectories(dir);
        final Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file))
        {
            props.store(out, "embedded test broker");
        }
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
            file.toString()}, new PrintStream(buf, true, StandardCharsets.UTF_8));
        if (rc != 0)
        {
            throw new IllegalStateException("kafka storage format failed: " + buf.toString(StandardCharsets.UTF_8));
        }
    }

    void start()
    {
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
    }

    void stop()
    {
        if (server != null)
        {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    String bootstrap()
    {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close()
    {
        stop();
    }

    private static int freePort() throws Exception
    {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return s.getLocalPort();
        }
    }
}
