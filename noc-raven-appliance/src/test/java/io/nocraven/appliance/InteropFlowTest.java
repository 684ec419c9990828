package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.testing.Fixtures;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real flow exporters replaying the project's traffic capture ({@code fixtures/traffic/traffic.pcap}, the input the
 * netflow fixtures were made from) to one appliance; every record is checked in the JSONL archive and at a real Kafka
 * broker, with exact counts.
 *
 * <p>Oracles: softflowd and unsampled pmacctd nfprobe are deterministic in content for a given input, so the
 * expected records are those of the reference captures the fixture corpus made with the same commands
 * ({@code netflow/<name>.pcap}), as decoded by tshark 4.0.17: the counts of {@code <name>.summary.json} and the
 * flow keys (addresses, protocol, packets, octets, TCP/UDP ports) of {@code <name>.expected.jsonl}. pmacctd's sFlow
 * sampling is random, so for sFlow the test relays pmacctd's datagrams itself and counts the samples in the sFlow
 * headers it forwarded (its own 20-line XDR walk, independent of the codec).
 */
@ExtendWith(SharedKafka.class)
class InteropFlowTest
{
    private static final String PREFIX = "interop-flow";

    @TempDir
    static Path dir;

    private static TestAppliance app;
    private static DeliveryProbe probe;
    private static Path traffic;

    @BeforeAll
    static void start(final EmbeddedKafka kafka) throws Exception
    {
        traffic = dir.resolve("traffic.pcap");
        Files.write(traffic, Fixtures.bytes("/fixtures/traffic/traffic.pcap"));
        app = new TestAppliance(dir.resolve("appliance"), SharedKafka.topicSets(kafka, PREFIX).toArray(String[]::new));
        probe = new DeliveryProbe(app.config.forwarders().archive().directory(), kafka.bootstrap(), PREFIX);
    }

    @AfterAll
    static void stop()
    {
        if (probe != null)
        {
            probe.close();
        }
        if (app != null)
        {
            app.close();
        }
    }

    @Test
    void shouldReceiveSoftflowdNetFlowV5() throws Exception
    {
        softflowd(ListenerType.NETFLOW_UDP, "5");
        final DeliveryProbe.Delivery d = probe.await("softflowd -v 5", listener("netflow-udp"),
            expectedRecords("softflowd_v5"));
        checkFlows(d, "softflowd_v5", "netflow-v5");
        for (final JsonNode r : d.archive())
        {
            assertEquals(5, r.get("header").get("version").asInt());
            assertEquals(1, r.get("fields").get("samplingInterval").asInt(), r.toString());
        }
    }

    @Test
    void shouldReceiveSoftflowdNetFlowV9() throws Exception
    {
        softflowd(ListenerType.NETFLOW_UDP, "9");
        final DeliveryProbe.Delivery d = probe.await("softflowd -v 9", listener("netflow-udp"),
            expectedRecords("softflowd_v9"));
        checkFlows(d, "softflowd_v9", "netflow-v9");
    }

    @Test
    void shouldReceiveSoftflowdIpfix() throws Exception
    {
        softflowd(ListenerType.IPFIX_UDP, "10");
        final DeliveryProbe.Delivery d = probe.await("softflowd -v 10", listener("ipfix-udp"),
            expectedRecords("softflowd_ipfix"));
        checkFlows(d, "softflowd_ipfix", "ipfix");
    }

    @Test
    void shouldReceivePmacctdNfprobeV9() throws Exception
    {
        pmacctd("nfprobe-v9", app.port(ListenerType.NETFLOW_UDP), "plugins: nfprobe[nf]",
            "nfprobe_receiver[nf]: 127.0.0.1:" + app.port(ListenerType.NETFLOW_UDP), "nfprobe_version[nf]: 9",
            "nfprobe_engine[nf]: 7", "aggregate[nf]: src_host, dst_host, src_port, dst_port, proto, tos");
        final DeliveryProbe.Delivery d = probe.await("pmacctd nfprobe v9", listener("netflow-udp"),
            expectedRecords("pmacctd_nfprobe_v9"));
        checkFlows(d, "pmacctd_nfprobe_v9", "netflow-v9");
        for (final JsonNode r : d.kafkaValues())
        {
            assertEquals(7, r.get("header").get("sourceId").asInt(), "nfprobe_engine 7 is the v9 source id");
        }
    }

    @Test
    void shouldReceivePmacctdNfprobeIpfix() throws Exception
    {
        pmacctd("nfprobe-ipfix", app.port(ListenerType.IPFIX_UDP), "plugins: nfprobe[nf]",
            "nfprobe_receiver[nf]: 127.0.0.1:" + app.port(ListenerType.IPFIX_UDP), "nfprobe_version[nf]: 10",
            "nfprobe_engine[nf]: 10", "aggregate[nf]: src_host, dst_host, src_port, dst_port, proto, tos");
        final DeliveryProbe.Delivery d = probe.await("pmacctd nfprobe IPFIX", listener("ipfix-udp"),
            expectedRecords("pmacctd_nfprobe_ipfix"));
        checkFlows(d, "pmacctd_nfprobe_ipfix", "ipfix");
        for (final JsonNode r : d.kafkaValues())
        {
            assertEquals(10, r.get("header").get("observationDomainId").asInt(), "nfprobe_engine 10 is the domain");
        }
    }

    @Test
    void shouldReceivePmacctdSfprobe() throws Exception
    {
        try (SFlowRelay relay = new SFlowRelay(app.port(ListenerType.SFLOW_UDP)))
        {
            pmacctd("sfprobe", relay.port(), "sampling_rate: 8", "plugins: sfprobe[sf]",
                "sfprobe_receiver[sf]: 127.0.0.1:" + relay.port(), "sfprobe_agentip[sf]: 127.0.0.1",
                "sfprobe_agentsubid[sf]: 1402");
            relay.drain();
            assertTrue(relay.flowSamples > 0, "pmacctd sent flow samples");
            final DeliveryProbe.Delivery d = probe.await("pmacctd sfprobe", listener("sflow-udp"),
                relay.flowSamples + relay.counterSamples);
            final String exporter = "127.0.0.1:" + relay.sourcePort();
            for (final List<JsonNode> end : List.of(d.archive(), d.kafkaValues()))
            {
                assertEquals(relay.flowSamples, end.stream().filter(r -> "flow".equals(r.get("kind").asText())).count());
                assertEquals(relay.counterSamples, end.stream().filter(r -> "counters".equals(r.get("kind").asText()))
                    .count());
                for (final JsonNode r : end)
                {
                    assertEquals("sflow-v5", r.get("protocol").asText(), r.toString());
                    assertEquals(exporter, r.get("exporter").asText());
                    assertEquals("127.0.0.1", r.get("header").get("agentAddress").asText());
                    assertEquals(1402, r.get("header").get("subAgentId").asInt());
                    if ("flow".equals(r.get("kind").asText()))
                    {
                        assertEquals(8, r.get("sample").get("samplingRate").asInt(), r.toString());
                        assertEquals(8, r.get("fields").get("samplingInterval").asInt(), r.toString());
                    }
                }
            }
        }
    }

    private static java.util.function.Predicate<JsonNode> listener(final String name)
    {
        return r -> name.equals(r.get("listener").asText());
    }

    /** softflowd as the fixture corpus ran it: {@code softflowd -a -d -c none -r traffic.pcap -n ... -v N}. */
    private static void softflowd(final ListenerType target, final String version) throws Exception
    {
        ExternalTool.require("softflowd", "softflowd").run(0, 60, Map.of(), dir, "-a", "-d", "-c", "none", "-r",
            traffic.toString(), "-p", dir.resolve("softflowd.pid").toString(), "-n", "127.0.0.1:" + app.port(target),
            "-v", version);
    }

    /**
     * pmacctd reading the capture ({@code pcap_savefile}), stopped with SIGTERM once it logged that it finished
     * reading (the nfprobe/sfprobe plugin flushes its cache on the way out), as the fixture corpus did with SIGINT.
     */
    private static void pmacctd(final String name, final int port, final String... plugin) throws Exception
    {
        final ExternalTool pmacctd = ExternalTool.require("pmacctd", "pmacct");
        final Path log = dir.resolve(name + ".pmacctd.log");
        final List<String> conf = new ArrayList<>(List.of("daemonize: false", "pcap_savefile: " + traffic,
            "pcap_savefile_wait: true", "logfile: " + log));
        conf.addAll(List.of(plugin));
        final Path file = dir.resolve(name + ".pmacctd.conf");
        Files.write(file, conf, StandardCharsets.UTF_8);
        final Process p = pmacctd.start(Map.of(), dir.resolve(name + ".pmacctd.out"), "-f", file.toString());
        try
        {
            final long deadline = System.currentTimeMillis() + 30_000;
            while (!logged(log, "finished reading PCAP") && System.currentTimeMillis() < deadline && p.isAlive())
            {
                Thread.sleep(100);
            }
            assertTrue(logged(log, "finished reading PCAP"), "pmacctd read the capture: " + read(log));
            Thread.sleep(1000);
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "pmacctd stopped on SIGTERM");
            assertTrue(logged(log, "Shutting down on user request"), read(log));
        }
        finally
        {
            p.destroyForcibly();
        }
    }

    private static boolean logged(final Path log, final String text) throws Exception
    {
        return read(log).contains(text);
    }

    private static String read(final Path log) throws Exception
    {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Flow plus options records of the reference capture, as counted by tshark. */
    private static int expectedRecords(final String name) throws Exception
    {
        final JsonNode records = TestAppliance.JSON.readTree(Fixtures.text("/fixtures/netflow/" + name
            + ".summary.json")).get("records");
        return records.get("flow").asInt() + records.get("options").asInt();
    }

    private static void checkFlows(final DeliveryProbe.Delivery d, final String name, final String protocol)
        throws Exception
    {
        final List<String> expectedFlows = new ArrayList<>();
        int expectedOptions = 0;
        for (final String line : Fixtures.text("/fixtures/netflow/" + name + ".expected.jsonl").split("\n"))
        {
            final JsonNode e = TestAppliance.JSON.readTree(line);
            if ("flow".equals(e.get("kind").asText()))
            {
                final JsonNode f = e.get("flow");
                expectedFlows.add(key(f.get("src_addr").asText(), f.get("dst_addr").asText(), f.get("protocol").asInt(),
                    f.get("packets").asLong(), f.get("bytes").asLong(), f.path("src_port").asInt(),
                    f.path("dst_port").asInt()));
            }
            else
            {
                expectedOptions++;
            }
        }
        Collections.sort(expectedFlows);
        for (final List<JsonNode> end : List.of(d.archive(), d.kafkaValues()))
        {
            final List<String> flows = new ArrayList<>();
            int options = 0;
            String exporter = null;
            for (final JsonNode r : end)
            {
                assertEquals(protocol, r.get("protocol").asText(), r.toString());
                exporter = exporter == null ? r.get("exporter").asText() : exporter;
                assertEquals(exporter, r.get("exporter").asText(), "one exporter socket per run");
                if ("options".equals(r.get("kind").asText()))
                {
                    options++;
                    continue;
                }
                assertEquals("flow", r.get("kind").asText(), r.toString());
                final JsonNode f = r.get("fields");
                final boolean v6 = f.has("sourceIPv6Address");
                flows.add(key(f.get(v6 ? "sourceIPv6Address" : "sourceIPv4Address").asText(),
                    f.get(v6 ? "destinationIPv6Address" : "destinationIPv4Address").asText(),
                    f.get("protocolIdentifier").asInt(), f.get("packetDeltaCount").asLong(),
                    f.get("octetDeltaCount").asLong(), f.path("sourceTransportPort").asInt(),
                    f.path("destinationTransportPort").asInt()));
            }
            Collections.sort(flows);
            assertEquals(expectedOptions, options, name + ": options records");
            assertEquals(expectedFlows, flows, name + ": flow keys as tshark decoded the reference capture");
        }
    }

    /** Flow identity used by the corpus's oracle comparison: ports only for TCP and UDP (ICMP "ports" vary). */
    private static String key(final String src, final String dst, final int proto, final long packets, final long bytes,
        final int sport, final int dport)
    {
        final boolean ports = proto == 6 || proto == 17;
        return src + " " + dst + " " + proto + " " + packets + " " + bytes + (ports ? " " + sport + " " + dport : "");
    }

    /**
     * Relays pmacctd's sFlow datagrams to the appliance and counts the flow and counter samples in their headers
     * (sFlow v5 XDR: version, agent address type and address, sub-agent, sequence, uptime, sample count, then per
     * sample its data format (enterprise << 12 | format) and length).
     */
    private static final class SFlowRelay implements AutoCloseable
    {
        private final DatagramSocket in = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final DatagramSocket out = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final int target;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile int flowSamples;
        private volatile int counterSamples;
        private volatile long lastReceive = System.currentTimeMillis();

        SFlowRelay(final int target) throws Exception
        {
            this.target = target;
            in.setSoTimeout(100);
            thread = new Thread(this::relay, "sflow-relay");
            thread.setDaemon(true);
            thread.start();
        }

        int port()
        {
            return in.getLocalPort();
        }

        int sourcePort()
        {
            return out.getLocalPort();
        }

        /** Waits until nothing arrived for a second (bounded), then stops relaying. */
        void drain() throws Exception
        {
            final long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() - lastReceive < 1000 && System.currentTimeMillis() < deadline)
            {
                Thread.sleep(100);
            }
            running.set(false);
            thread.join(5000);
        }

        private void relay()
        {
            final DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
            while (running.get())
            {
                try
                {
                    p.setLength(65535);
                    in.receive(p);
                    lastReceive = System.currentTimeMillis();
                    count(ByteBuffer.wrap(p.getData(), 0, p.getLength()));
                    out.send(new DatagramPacket(p.getData(), p.getLength(), InetAddress.getLoopbackAddress(), target));
                }
                catch (final SocketTimeoutException ex)
                {
                    // poll the running flag
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException(ex);
                }
            }
        }

        private void count(final ByteBuffer b)
        {
            b.getInt();
            final int addressType = b.getInt();
            b.position(b.position() + (addressType == 2 ? 16 : 4) + 12);
            final int samples = b.getInt();
            for (int i = 0; i < samples; i++)
            {
                final int format = b.getInt() & 0xFFF;
                final int length = b.getInt();
                b.position(b.position() + length);
                if (format == 1 || format == 3)
                {
                    flowSamples++;
                }
                else if (format == 2 || format == 4)
                {
                    counterSamples++;
                }
            }
        }

        @Override
        public void close()
        {
            running.set(false);
            in.close();
            out.close();
        }
    }
}
