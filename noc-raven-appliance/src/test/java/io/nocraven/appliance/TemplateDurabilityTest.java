package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.FlowPackets.Layout;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flow templates survive restarts and retention: the JSON-lines archive decodes every data record journaled after
 * its template, whether the appliance restarted in between (with the data sent after the restart, or journaled
 * before it but not yet forwarded) or retention removed the segment that held the template packet. A template
 * redefinition does not reach back to data journaled before it.
 */
class TemplateDurabilityTest
{
    private static final int RECORDS = 10;
    /** Filler datagrams sent back to back (well within the kernel's default socket buffer). */
    private static final int BURST = 20;

    @TempDir
    Path dir;

    /** One exporter (address and port) for the whole test: templates are per exporter. */
    private DatagramSocket exporter;

    @BeforeEach
    void openExporter() throws Exception
    {
        exporter = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void closeExporter()
    {
        exporter.close();
    }

    @ParameterizedTest
    @EnumSource(FlowPackets.class)
    void shouldDecodeDataSentAfterARestartWithTheTemplateSentBefore(final FlowPackets flow) throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir, enabledOnly(flow)))
        {
            send(app, flow, flow.template(Layout.WIDE), flow.data(Layout.WIDE, 0, RECORDS));
            awaitDelivered(app);
        }
        try (TestAppliance app = new TestAppliance(dir, enabledOnly(flow)))
        {
            send(app, flow, flow.data(Layout.WIDE, 100, RECORDS));
            final Map<Integer, JsonNode> byId = awaitFlows(app, flow, 2 * RECORDS);
            assertIds(byId, range(0, RECORDS), range(100, RECORDS));
            byId.values().forEach(r -> assertTrue(r.path("fields").has("sourceIPv4Address"), r.toString()));
            final String metrics = app.get("/metrics").body();
            assertTrue(metrics.contains("noc_raven_templates_restored_total{stream=\"" + flow.listener.configName()
                + "\"} 1"), metrics);
        }
    }

    @ParameterizedTest
    @EnumSource(FlowPackets.class)
    void shouldDecodeJournaledButUndeliveredDataWithTheTemplateInForceWhenItArrived(final FlowPackets flow)
        throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir, enabledOnly(flow)))
        {
            send(app, flow, flow.template(Layout.WIDE), flow.data(Layout.WIDE, 0, RECORDS));
            awaitDelivered(app);
            assertEquals(200, app.send("POST", "/api/v1/buffer/pause", "{\"forwarder\":\"archive\"}",
                TestAppliance.TOKEN).statusCode());
            // journaled while the archive is paused: still to be forwarded when the appliance stops
            send(app, flow, flow.data(Layout.WIDE, 100, RECORDS), flow.template(Layout.NARROW),
                flow.data(Layout.NARROW, 200, RECORDS));
        }
        try (TestAppliance app = new TestAppliance(dir, enabledOnly(flow)))
        {
            send(app, flow, flow.data(Layout.NARROW, 300, RECORDS));
            final Map<Integer, JsonNode> byId = awaitFlows(app, flow, 4 * RECORDS);
            assertIds(byId, range(0, RECORDS), range(100, RECORDS), range(200, RECORDS), range(300, RECORDS));
            byId.forEach((id, r) -> assertEquals(id < 200, r.path("fields").has("sourceIPv4Address"),
                "record " + id + " decoded with the layout in force when it was received: " + r));
        }
    }

    @ParameterizedTest
    @EnumSource(FlowPackets.class)
    void shouldDecodeLaterDataAfterRetentionRemovedTheTemplateSegment(final FlowPackets flow) throws Exception
    {
        final String[] sets = concat(enabledOnly(flow), "buffer.segmentBytes=1048576", "buffer.streamQuotaBytes=2097152",
            "buffer.compression=none", "buffer.minFreeBytes=0",
            "buffer.durability=page_cache");
        final int rounds = 4;
        try (TestAppliance app = new TestAppliance(dir, sets))
        {
            assertEquals(200, app.send("POST", "/api/v1/buffer/pause", "{\"forwarder\":\"archive\"}",
                TestAppliance.TOKEN).statusCode());
            send(app, flow, flow.template(Layout.WIDE));
            for (int round = 0; round < rounds; round++)
            {
                send(app, flow, flow.data(Layout.WIDE, round * 100, RECORDS));
                fill(app, flow, 500);
            }
            send(app, flow, flow.data(Layout.WIDE, rounds * 100, RECORDS));
            final JsonNode stream = stream(app, flow.listener.configName());
            assertTrue(stream.get("recordsOnDisk").asLong() < stream.get("recordsIn").asLong(),
                "retention removed the oldest segments: " + stream);
            final String metrics = app.get("/metrics").body();
            assertFalse(metrics.contains("noc_raven_template_snapshots_total{stream=\"" + flow.listener.configName()
                + "\"} 0"), metrics);
        }
        try (TestAppliance app = new TestAppliance(dir, sets))
        {
            final List<JsonNode> lines = awaitArchive(app, all -> all.stream().filter(r -> "flow".equals(
                r.path("kind").asText()) && r.path("fields").path("octetDeltaCount").asInt() >= rounds * 100).count()
                >= RECORDS);
            final Map<Integer, JsonNode> byId = flows(lines, flow);
            for (final JsonNode r : lines)
            {
                assertFalse("invalid".equals(r.path("kind").asText()), r.toString());
            }
            final int first = byId.keySet().iterator().next();
            assertTrue(first > 0, "the first data packet went with the template's segment: " + byId.keySet());
            final List<Integer> expected = new ArrayList<>();
            for (int round = first / 100; round <= rounds; round++)
            {
                expected.addAll(range(round * 100, RECORDS));
            }
            assertEquals(expected, new ArrayList<>(byId.keySet()), "every data record after the oldest retained one");
        }
    }

    private static String[] enabledOnly(final FlowPackets flow)
    {
        final List<String> sets = new ArrayList<>();
        for (final io.nocraven.appliance.config.ListenerType t : io.nocraven.appliance.config.ListenerType.values())
        {
            sets.add("listeners." + t.configName() + ".enabled=" + (t == flow.listener));
        }
        sets.add("buffer.durability=group_commit");
        return sets.toArray(String[]::new);
    }

    private static String[] concat(final String[] a, final String... b)
    {
        final String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Sends each packet and waits until it is journaled (one at a time, so none is dropped by the kernel). */
    private void send(final TestAppliance app, final FlowPackets flow, final byte[]... packets) throws Exception
    {
        final String name = flow.listener.configName();
        for (final byte[] p : packets)
        {
            final long before = stream(app, name).get("recordsIn").asLong();
            exporter.send(new DatagramPacket(p, p.length, InetAddress.getLoopbackAddress(), app.port(flow.listener)));
            long now = before;
            for (int i = 0; i < 200 && now == before; i++)
            {
                Thread.sleep(10);
                now = stream(app, name).get("recordsIn").asLong();
            }
            assertTrue(now > before, "journaled: " + p.length + " bytes on " + name);
        }
    }

    /** Sends filler in bursts small enough for the default socket buffer; the count journaled does not matter. */
    private void fill(final TestAppliance app, final FlowPackets flow, final int packets) throws Exception
    {
        final byte[] filler = flow.filler(2000);
        final String name = flow.listener.configName();
        for (int sent = 0; sent < packets; sent += BURST)
        {
            final long before = stream(app, name).get("recordsIn").asLong();
            for (int i = 0; i < BURST; i++)
            {
                exporter.send(new DatagramPacket(filler, filler.length, InetAddress.getLoopbackAddress(),
                    app.port(flow.listener)));
            }
            long now = before;
            long previous = -1;
            for (int i = 0; i < 100 && now < before + BURST && now != previous; i++)
            {
                Thread.sleep(20);
                previous = now;
                now = stream(app, name).get("recordsIn").asLong();
            }
        }
    }

    private static JsonNode stream(final TestAppliance app, final String name) throws Exception
    {
        for (final JsonNode s : app.getJson("/api/v1/buffer").get("streams"))
        {
            if (name.equals(s.get("name").asText()))
            {
                return s;
            }
        }
        throw new AssertionError("no stream " + name);
    }

    private static void awaitDelivered(final TestAppliance app) throws Exception
    {
        for (int i = 0; i < 300; i++)
        {
            for (final JsonNode f : app.getJson("/api/v1/buffer").get("forwarders"))
            {
                if ("archive".equals(f.get("name").asText()) && f.get("lagRecords").asLong() == 0)
                {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("archive did not catch up: " + app.getJson("/api/v1/buffer"));
    }

    private static Map<Integer, JsonNode> awaitFlows(final TestAppliance app, final FlowPackets flow, final int n)
        throws Exception
    {
        return flows(awaitArchive(app, lines -> lines.stream().filter(r -> "flow".equals(r.path("kind").asText()))
            .count() >= n), flow);
    }

    private static List<JsonNode> awaitArchive(final TestAppliance app,
        final java.util.function.Predicate<List<JsonNode>> done) throws Exception
    {
        final Path archive = app.config.forwarders().archive().directory();
        List<JsonNode> lines = List.of();
        for (int i = 0; i < 100; i++)
        {
            Thread.sleep(50);
            lines = SyslogUdpEndToEndTest.readArchive(archive);
            if (done.test(lines))
            {
                return lines;
            }
        }
        return lines;
    }

    /** Flow records by id, in id order; fails on a record that is not a flow of the protocol or comes twice. */
    private static Map<Integer, JsonNode> flows(final List<JsonNode> lines, final FlowPackets flow)
    {
        final Map<Integer, JsonNode> byId = new TreeMap<>();
        for (final JsonNode r : lines)
        {
            final String kind = r.path("kind").asText();
            assertFalse("invalid".equals(kind) && "template not received".equals(r.path("reason").asText()),
                "undecodable after restart or retention: " + r);
            if ("flow".equals(kind))
            {
                assertEquals(flow.protocol, r.path("protocol").asText(), r.toString());
                final int id = r.path("fields").path("octetDeltaCount").asInt();
                assertTrue(byId.put(id, r) == null, "record " + id + " archived twice");
            }
        }
        return byId;
    }

    @SafeVarargs
    private static void assertIds(final Map<Integer, JsonNode> byId, final List<Integer>... ranges)
    {
        final List<Integer> expected = new ArrayList<>();
        for (final List<Integer> r : ranges)
        {
            expected.addAll(r);
        }
        assertEquals(expected, new ArrayList<>(byId.keySet()));
    }

    private static List<Integer> range(final int first, final int count)
    {
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            out.add(first + i);
        }
        return out;
    }
}
