package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.testing.Captures;
import io.nocraven.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Output of one CLI run. */
    record Run(int exit, List<JsonNode> records, String stderr)
    {
    }

    private static Run run(final String... args) throws IOException
    {
        final CommandLine cl = NocRavenCli.newCommandLine();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        final int exit = cl.execute(args);
        final List<JsonNode> records = new ArrayList<>();
        for (final String line : out.toString().split("\n"))
        {
            if (!line.isEmpty())
            {
                records.add(JSON.readTree(line));
            }
        }
        return new Run(exit, records, err.toString());
    }

    private Path copy(final String resource) throws IOException
    {
        final Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        Files.write(file, Fixtures.bytes(resource));
        return file;
    }

    @Test
    void shouldListCommandsInHelp() throws IOException
    {
        final CommandLine cl = NocRavenCli.newCommandLine();
        final StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("decode"), out.toString());
    }

    @Test
    void shouldWriteOneValidRecordPerDatagramWithEnvelopeOfEveryFixtureCapture() throws IOException
    {
        final List<String> captures = new ArrayList<>(Fixtures.list("/fixtures/netflow", ".pcap"));
        captures.addAll(Fixtures.list("/fixtures/snmp", ".pcap"));
        captures.addAll(Fixtures.list("/fixtures/syslog", ".pcap"));
        for (final String capture : captures)
        {
            final Run r = run("decode", copy(capture).toString());
            assertEquals(0, r.exit(), capture + ": " + r.stderr());
            assertFalse(r.records().isEmpty(), capture);
            for (final JsonNode rec : r.records())
            {
                assertTrue(rec.hasNonNull("kind"), capture + ": " + rec);
                assertTrue(rec.get("exporter").asText().matches("(127\\.0\\.0\\.1|\\[::1]):\\d+"), capture + ": " + rec);
                Instant.parse(rec.get("receivedAt").asText());
            }
            assertTrue(r.stderr().contains("records:"), r.stderr());
        }
    }

    @Test
    void shouldCarryTheFramesExporterAndCaptureTime() throws IOException
    {
        final String capture = "/fixtures/netflow/softflowd_v5.pcap";
        final Captures.Datagram first = Captures.udp(capture).get(0);
        final Run r = run("decode", copy(capture).toString());
        final JsonNode rec = r.records().get(0);
        assertEquals("127.0.0.1:" + first.source().getPort(), rec.get("exporter").asText());
        assertEquals("udp/2055", rec.get("listener").asText());
        final long nanos = first.timestampNanos();
        assertEquals(Instant.ofEpochSecond(0, nanos).toString(), rec.get("receivedAt").asText());
    }

    @Test
    void shouldReportUnknownBytesAsUnsupportedWithTheirLength() throws IOException
    {
        final Path raw = dir.resolve("raw.bin");
        Files.write(raw, new byte[] {(byte)0xde, (byte)0xad, (byte)0xbe, (byte)0xef});
        final Run r = run("decode", raw.toString());
        assertEquals(0, r.exit());
        assertEquals(1, r.records().size());
        final JsonNode rec = r.records().get(0);
        assertEquals("invalid", rec.get("kind").asText());
        assertEquals("unsupported protocol", rec.get("reason").asText());
        assertEquals(4, rec.get("length").asInt());
        assertEquals("deadbeef", rec.get("hex").asText());
        assertTrue(rec.get("protocol").isNull());
    }

    @Test
    void shouldExitTwoOnBadUsageOrUnreadableInput() throws IOException
    {
        final Path capture = copy("/fixtures/netflow/softflowd_v5.pcap");
        assertEquals(2, run("decode", dir.resolve("missing.pcap").toString()).exit());
        assertEquals(2, run("decode", "--protocol", "gopher", capture.toString()).exit());
        assertEquals(2, run("decode", "--timezone", "Mars/Olympus", capture.toString()).exit());
        assertEquals(2, run("decode", "--syslog-mode", "sloppy", capture.toString()).exit());
        assertEquals(2, run("decode").exit());
        final Run bad = run("decode", "--protocol", "gopher", capture.toString());
        assertTrue(bad.stderr().contains("gopher"), bad.stderr());
    }

    @Test
    void shouldReportATruncatedCaptureAndKeepWhatWasReadBeforeIt() throws IOException
    {
        final byte[] whole = Fixtures.bytes("/fixtures/netflow/softflowd_v5.pcap");
        final Path cut = dir.resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 100));
        final Run r = run("decode", cut.toString());
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("cut.pcap") && r.stderr().contains("offset"), r.stderr());
        assertFalse(r.records().isEmpty());
    }

    @Test
    void shouldApplyAFlowNamesMappingFile() throws IOException
    {
        final Path capture = copy("/fixtures/netflow/softflowd_ipfix.pcap");
        final Path names = dir.resolve("names.json");
        Files.writeString(names, "{\"elements\": [{\"enterpriseNumber\": 0, \"id\": 1, \"name\": \"bytesSeen\", "
            + "\"type\": \"unsigned64\"}]}");
        final Run plain = run("decode", capture.toString());
        final Run mapped = run("decode", "--flow-names", names.toString(), capture.toString());
        assertEquals(0, mapped.exit(), mapped.stderr());
        final List<JsonNode> before = plain.records().stream().filter(r -> "flow".equals(r.get("kind").asText())).toList();
        final List<JsonNode> after = mapped.records().stream().filter(r -> "flow".equals(r.get("kind").asText())).toList();
        assertEquals(before.size(), after.size());
        assertTrue(!after.isEmpty());
        for (int i = 0; i < after.size(); i++)
        {
            final JsonNode f = after.get(i).get("fields");
            assertTrue(f.has("bytesSeen") && !f.has("octetDeltaCount"), f.toString());
            assertEquals(before.get(i).get("fields").get("octetDeltaCount").asLong(), f.get("bytesSeen").asLong());
        }
        final Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"elements\": [{\"id\": 1}]}");
        final Run refused = run("decode", "--flow-names", bad.toString(), capture.toString());
        assertEquals(2, refused.exit(), refused.stderr());
        assertTrue(refused.stderr().contains("bad.json"), refused.stderr());
    }
}
