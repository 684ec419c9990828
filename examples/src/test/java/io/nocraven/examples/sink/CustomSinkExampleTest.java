package io.nocraven.examples.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.ForwarderRunner;
import io.nocraven.appliance.sink.ForwarderStatus;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.testing.Captures;
import io.nocraven.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.nocraven.examples.sink.CustomSinkExample.SINK_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV sink against the tshark oracles of the fixture corpus: exact file contents, and at-least-once delivery
 * across a crash between the CSV write and the cursor acknowledgement.
 */
class CustomSinkExampleTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 30_000;

    @TempDir
    Path temp;

    @Test
    void shouldWriteExactlyTheOracleFlowsOfANetFlowV5CaptureAsCsv() throws IOException
    {
        final Path csv = temp.resolve("flows.csv");
        try (DurableBuffer buffer = CustomSinkExample.openBuffer(temp.resolve("buffer")))
        {
            assertEquals(14, CustomSinkExample.journalCapture(buffer, Path.of("captures/softflowd_v5.pcap")));
            final ForwarderRunner runner = CustomSinkExample.start(buffer, new CsvFlowForwarder(SINK_NAME, csv));
            assertTrue(CustomSinkExample.awaitDelivered(runner, TIMEOUT_MS), "lag " + runner.lag());
            runner.close();
            final ForwarderStatus status = runner.forwarder().status();
            assertEquals(393, status.sent());
            assertTrue(status.healthy(), status.toString());
            assertEquals(13, CustomSinkExample.acknowledged(buffer, ListenerType.NETFLOW_UDP));
            assertEquals(-1, CustomSinkExample.acknowledged(buffer, ListenerType.IPFIX_UDP));
        }

        final String content = Files.readString(csv, StandardCharsets.UTF_8);
        assertEquals(expectedCsvFromTsharkAndTsv(), content);
        // Two literal lines, as a reader of this test would check by eye.
        final List<String> lines = content.lines().toList();
        assertEquals(CsvFlowForwarder.HEADER, lines.get(0));
        assertEquals("127.0.0.1:53581,10.1.1.11,203.0.113.123,54707,25,6,2257,14", lines.get(1));
        assertEquals(1 + 393, lines.size());
    }

    @Test
    void shouldDeliverTheUnacknowledgedBatchAgainAfterACrashBetweenWriteAndAck() throws Exception
    {
        final Path csv = temp.resolve("flows.csv");
        final Path bufferDirectory = temp.resolve("buffer");
        final Path secondCapture = temp.resolve("fprobe_v5.pcap");
        Files.write(secondCapture, Fixtures.bytes("/fixtures/netflow/fprobe_v5.pcap"));
        final List<String> first = oracleRows("/fixtures/netflow/softflowd_v5");
        final List<String> second = oracleRows("/fixtures/netflow/fprobe_v5");
        final CrashingForwarder crashing;

        try (DurableBuffer buffer = CustomSinkExample.openBuffer(bufferDirectory))
        {
            // First capture: delivered and acknowledged normally.
            final long firstDatagrams = CustomSinkExample.journalCapture(buffer, Path.of("captures/softflowd_v5.pcap"));
            final ForwarderRunner normal = CustomSinkExample.start(buffer, new CsvFlowForwarder(SINK_NAME, csv));
            assertTrue(CustomSinkExample.awaitDelivered(normal, TIMEOUT_MS), "lag " + normal.lag());
            normal.close();
            assertEquals(firstDatagrams - 1, CustomSinkExample.acknowledged(buffer, ListenerType.NETFLOW_UDP));

            // Second capture: the sink writes and flushes its rows, then "crashes" before the runner acknowledges.
            CustomSinkExample.journalCapture(buffer, secondCapture);
            crashing = new CrashingForwarder(new CsvFlowForwarder(SINK_NAME, csv));
            final ForwarderRunner doomed = CustomSinkExample.start(buffer, crashing);
            assertTrue(crashing.crashed.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the sink never committed");
            doomed.close();
            assertEquals(firstDatagrams - 1, CustomSinkExample.acknowledged(buffer, ListenerType.NETFLOW_UDP));
        }
        assertEquals(csvOf(first, second), Files.readString(csv, StandardCharsets.UTF_8));

        // Restart: a new process opens the buffer (recovery) and the sink resumes after its last acknowledgement.
        try (DurableBuffer buffer = CustomSinkExample.openBuffer(bufferDirectory))
        {
            final ForwarderRunner restarted = CustomSinkExample.start(buffer, new CsvFlowForwarder(SINK_NAME, csv));
            assertTrue(CustomSinkExample.awaitDelivered(restarted, TIMEOUT_MS), "lag " + restarted.lag());
            restarted.close();
            assertEquals(second.size(), restarted.forwarder().status().sent());
            assertEquals(buffer.stream(ListenerType.NETFLOW_UDP.configName()).writtenSequence(),
                CustomSinkExample.acknowledged(buffer, ListenerType.NETFLOW_UDP));
        }
        // The first capture once (it was acknowledged), the second twice (delivered again), nothing lost.
        assertEquals(csvOf(first, second, second), Files.readString(csv, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRouteIpfixToItsOwnStreamAndWriteEveryFlowIncludingIpv6() throws IOException
    {
        final Path csv = temp.resolve("ipfix.csv");
        try (DurableBuffer buffer = CustomSinkExample.openBuffer(temp.resolve("buffer")))
        {
            assertEquals(17, CustomSinkExample.journalCapture(buffer, Path.of("captures/softflowd_ipfix.pcap")));
            final ForwarderRunner runner = CustomSinkExample.start(buffer, new CsvFlowForwarder(SINK_NAME, csv));
            assertTrue(CustomSinkExample.awaitDelivered(runner, TIMEOUT_MS), "lag " + runner.lag());
            runner.close();
            assertEquals(16, CustomSinkExample.acknowledged(buffer, ListenerType.IPFIX_UDP));
            assertEquals(-1, CustomSinkExample.acknowledged(buffer, ListenerType.NETFLOW_UDP));
        }
        final JsonNode flows = JSON.readTree(Fixtures.text("/fixtures/netflow/softflowd_ipfix.summary.json"))
            .path("records").path("flow");
        final List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + flows.asLong(), rows.size());
        // Every row is complete: addresses, protocol and counters are always there; ports only for TCP and UDP.
        for (final String row : rows.subList(1, rows.size()))
        {
            final String[] cells = row.split(",", -1);
            assertEquals(8, cells.length, row);
            assertTrue(!cells[1].isEmpty() && !cells[2].isEmpty() && !cells[5].isEmpty() && !cells[6].isEmpty()
                && !cells[7].isEmpty(), row);
            final boolean ports = "6".equals(cells[5]) || "17".equals(cells[5]);
            assertEquals(ports, !cells[3].isEmpty() && !cells[4].isEmpty(), row);
        }
        final long ipv6 = rows.stream().filter(r -> r.split(",")[1].contains(":")).count();
        assertTrue(ipv6 > 0 && ipv6 < flows.asLong(), "IPv6 rows: " + ipv6);
    }

    @Test
    void shouldTakeOnlyFlowListeners()
    {
        final List<ListenerType> accepted = Arrays.stream(ListenerType.values()).filter(this::forwarderAccepts).toList();
        assertEquals(List.of(ListenerType.NETFLOW_UDP, ListenerType.IPFIX_UDP, ListenerType.IPFIX_TCP), accepted);
    }

    private boolean forwarderAccepts(final ListenerType type)
    {
        try (CsvFlowForwarder forwarder = new CsvFlowForwarder("probe", temp.resolve("probe.csv")))
        {
            return forwarder.accepts(type);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** The expected file built from independent sources: tshark's flow fields and tshark's UDP source per frame. */
    private static String expectedCsvFromTsharkAndTsv() throws IOException
    {
        final List<String> tsv = Fixtures.text("/fixtures/capture/softflowd_v5.udp.tsv").lines().toList();
        final StringBuilder sb = new StringBuilder(CsvFlowForwarder.HEADER).append('\n');
        for (final String line : Fixtures.text("/fixtures/netflow/softflowd_v5.expected.jsonl").lines().toList())
        {
            final JsonNode record = JSON.readTree(line);
            final String[] frame = tsv.get(record.path("header").path("frame").asInt() - 1).split("\t");
            sb.append(row(frame[1] + ":" + frame[2], record.path("flow")));
        }
        return sb.toString();
    }

    /** Rows of a fixture from its tshark oracle, the exporter of each frame taken from the capture. */
    private static List<String> oracleRows(final String fixture) throws IOException
    {
        final List<Captures.Datagram> datagrams = Captures.udp(fixture + ".pcap");
        final List<String> rows = new ArrayList<>();
        for (final String line : Fixtures.text(fixture + ".expected.jsonl").lines().toList())
        {
            final JsonNode record = JSON.readTree(line);
            final Captures.Datagram datagram = datagrams.get(record.path("header").path("frame").asInt() - 1);
            rows.add(row(datagram.source().getAddress().getHostAddress() + ":" + datagram.source().getPort(),
                record.path("flow")));
        }
        return rows;
    }

    private static String row(final String exporter, final JsonNode flow)
    {
        return String.join(",", exporter, flow.path("src_addr").asText(), flow.path("dst_addr").asText(),
            flow.path("src_port").asText(), flow.path("dst_port").asText(), flow.path("protocol").asText(),
            flow.path("bytes").asText(), flow.path("packets").asText()) + "\n";
    }

    @SafeVarargs
    private static String csvOf(final List<String>... parts)
    {
        final StringBuilder sb = new StringBuilder(CsvFlowForwarder.HEADER).append('\n');
        for (final List<String> part : parts)
        {
            part.forEach(sb::append);
        }
        return sb.toString();
    }

    /**
     * Delegates to the CSV sink, and after its first successful commit (rows written and forced) throws before the
     * runner can acknowledge; from then on it behaves as a dead process (nothing written, no commit succeeds).
     */
    private static final class CrashingForwarder implements Forwarder
    {
        private final Forwarder delegate;
        private final CountDownLatch crashed = new CountDownLatch(1);
        // After the crash the "process" is gone: the runner survives the exception and retries, but nothing more
        // reaches the CSV and no commit succeeds, as if the JVM had died at that point.
        private volatile boolean dead;

        CrashingForwarder(final Forwarder delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public String name()
        {
            return delegate.name();
        }

        @Override
        public boolean accepts(final ListenerType stream)
        {
            return delegate.accepts(stream);
        }

        @Override
        public void onRecord(final ListenerType stream, final RecordKind kind, final RecordContext context,
            final CharSequence json)
        {
            if (!dead)
            {
                delegate.onRecord(stream, kind, context, json);
            }
        }

        @Override
        public void onBatchEnd()
        {
            if (!dead)
            {
                delegate.onBatchEnd();
            }
        }

        @Override
        public boolean commit()
        {
            if (dead)
            {
                return false;
            }
            final boolean written = delegate.commit();
            dead = true;
            crashed.countDown();
            throw new IllegalStateException("simulated crash after the CSV write (committed: " + written
                + "), before the acknowledgement");
        }

        @Override
        public ForwarderStatus status()
        {
            return delegate.status();
        }

        @Override
        public void close()
        {
            delegate.close();
        }
    }
}
