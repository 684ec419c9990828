package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.JournalEntryDecoder;
import io.nocraven.appliance.pipeline.JournalEntryDescriptor;
import io.nocraven.appliance.pipeline.JournaledInputs;
import io.nocraven.appliance.pipeline.JournaledInputs.Input;
import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.Compression;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.core.capture.LinkType;
import io.nocraven.core.capture.PcapWriter;
import io.nocraven.testing.Captures;
import io.nocraven.testing.Captures.Datagram;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BufferCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEGMENT = 1 << 20;
    private static final long BASE_MS = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
    private static final String SYSLOG = "/fixtures/syslog/logger_rfc5424_udp.pcap";
    private static final String NETFLOW_V9 = "/fixtures/netflow/pmacctd_nfprobe_v9.pcap";

    @TempDir
    Path dir;

    /** Output of one CLI run. */
    record Run(int exit, String stdout, String stderr)
    {
        List<JsonNode> lines() throws IOException
        {
            final List<JsonNode> result = new ArrayList<>();
            for (final String line : stdout.split("\n"))
            {
                if (!line.isEmpty())
                {
                    result.add(JSON.readTree(line));
                }
            }
            return result;
        }
    }

    private static Run run(final String... args)
    {
        final CommandLine cl = NocRavenCli.newCommandLine();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        final int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static byte[] payload(final int i, final int length)
    {
        final byte[] b = new byte[length];
        Arrays.fill(b, (byte)('a' + i % 26));
        return b;
    }

    /** Stream "flows": 3 segments, the first two compressed, 6000 records, cursor "kafka" at 999; empty "idle". */
    private Path writeLibraryBuffer() throws IOException
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("flows").segmentLength(SEGMENT)
                .compression(Compression.ZSTD).compressionFrameLength(StreamConfig.MIN_FRAME_LENGTH).build());
            for (int i = 0; i < 6000; i++)
            {
                final byte[] p = payload(i, 400);
                assertTrue(journal.append(1, BASE_MS + i, p, 0, p.length) >= 0);
            }
            journal.commitBatch(true);
            // Rolled segments are sealed by the buffer's flusher thread: wait for it, as the appliance's shutdown does.
            journal.awaitFlushed();
            for (final SegmentEntry entry : journal.catalog().snapshot())
            {
                if (entry.isSealed())
                {
                    buffer.compressor().compress(journal, entry);
                }
            }
            try (StreamReader reader = journal.openReader("kafka"))
            {
                reader.poll((s, t, ty, b, o, l) -> { }, 1000);
                reader.ackDelivered();
            }
            buffer.stream(StreamConfig.builder("idle").segmentLength(SEGMENT).build());
        }
        return dir;
    }

    @Test
    void shouldInspectSegmentsCursorsAndTotalsAsJson() throws IOException
    {
        writeLibraryBuffer();
        final Run r = run("buffer", "inspect", dir.toString(), "--json");
        assertEquals(0, r.exit(), r.stderr());
        final JsonNode doc = JSON.readTree(r.stdout());
        assertFalse(doc.path("inUse").asBoolean());
        assertEquals(2, doc.path("streams").size());
        final JsonNode flows = doc.path("streams").get(0);
        assertEquals("flows", flows.path("name").asText());
        final JsonNode segments = flows.path("segments");
        assertTrue(segments.size() >= 3, segments.toString());
        long records = 0;
        long next = 0;
        for (int i = 0; i < segments.size(); i++)
        {
            final JsonNode s = segments.get(i);
            assertEquals(i == segments.size() - 1 ? "active" : "compressed", s.path("state").asText(), s.toString());
            assertEquals(next, s.path("firstSequence").asLong());
            next = s.path("lastSequence").asLong() + 1;
            records += s.path("records").asLong();
            assertEquals(Instant.ofEpochMilli(BASE_MS + s.path("firstSequence").asLong()).toString(),
                s.path("firstTimestamp").asText());
            assertEquals(Files.size(dir.resolve("streams/flows").resolve(s.path("file").asText())),
                s.path("bytesOnDisk").asLong());
        }
        assertEquals(6000, records);
        assertEquals(6000, next);
        final JsonNode cursor = flows.path("cursors").get(0);
        assertEquals("kafka", cursor.path("name").asText());
        assertEquals(999, cursor.path("ackedSequence").asLong());
        assertEquals(5000, cursor.path("lagRecords").asLong());
        assertEquals(5.0, cursor.path("lagSeconds").asDouble());
        assertEquals(6000, flows.path("totals").path("records").asLong());
        assertEquals("2026-12-01T10:00:05.999Z", flows.path("totals").path("lastTimestamp").asText());
        assertEquals(0, doc.path("streams").get(1).path("totals").path("records").asLong());
        assertEquals(6000, doc.path("totals").path("records").asLong());
        assertEquals(segments.size() + doc.path("streams").get(1).path("segments").size(),
            doc.path("totals").path("segments").asInt());
    }

    @Test
    void shouldInspectAsTextAndSelectOneStream() throws IOException
    {
        writeLibraryBuffer();
        final Run r = run("buffer", "inspect", dir.toString(), "--stream", "flows");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("(not in use)"), r.stdout());
        assertTrue(r.stdout().contains("stream flows: "), r.stdout());
        assertTrue(r.stdout().contains("6000 records"), r.stdout());
        assertTrue(r.stdout().contains("sequences 0..5999, 2026-12-01T10:00:00Z .. 2026-12-01T10:00:05.999Z"), r.stdout());
        assertTrue(r.stdout().contains("00000000000000000000.zst"), r.stdout());
        assertTrue(r.stdout().lines().anyMatch(l -> l.contains(".seg") && l.contains(" active ")), r.stdout());
        assertTrue(r.stdout().lines().anyMatch(l -> l.trim().startsWith("kafka") && l.contains(" 999 ")
            && l.contains(" 5000 ") && l.contains("5.0")), r.stdout());
        assertFalse(r.stdout().contains("stream idle"), r.stdout());
        assertTrue(r.stdout().contains("total: 1 streams"), r.stdout());
    }

    @Test
    void shouldReportTheInUseBufferAsASnapshot() throws IOException
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT).build());
            journal.append(1, BASE_MS, new byte[] {1, 2, 3}, 0, 3);
            journal.commitBatch(true);
            final Run r = run("buffer", "inspect", dir.toString());
            assertEquals(0, r.exit(), r.stderr());
            assertTrue(r.stdout().contains("in use by a running writer"), r.stdout());
            final Run v = run("buffer", "verify", dir.toString());
            assertEquals(0, v.exit(), v.stdout());
        }
    }

    private Path writeSealedRawSegments() throws IOException
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("raw").segmentLength(SEGMENT)
                .compression(Compression.NONE).build());
            for (int i = 0; i < 6000; i++)
            {
                final byte[] p = payload(i, 400);
                assertTrue(journal.append(1, BASE_MS + i, p, 0, p.length) >= 0);
            }
            journal.commitBatch(true);
        }
        return dir.resolve("streams/raw/00000000000000000000.seg");
    }

    @Test
    void shouldVerifyACleanBuffer() throws IOException
    {
        writeSealedRawSegments();
        final Run r = run("buffer", "verify", dir.toString());
        assertEquals(0, r.exit(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("stream raw: "), r.stdout());
        assertTrue(r.stdout().contains("6000 records verified"), r.stdout());
        assertTrue(r.stdout().contains("0 damaged segments: clean"), r.stdout());
        assertFalse(r.stdout().contains("DAMAGED"), r.stdout());
    }

    @Test
    void shouldNameTheSegmentAndOffsetOfAFlippedByteInASealedSegment() throws IOException
    {
        final Path sealed = writeSealedRawSegments();
        // Records are 24 + 400 bytes (aligned 424): byte 64 + 424 * 3 + 100 lies in the record of sequence 3.
        final long at = 64 + 424 * 3 + 100;
        try (RandomAccessFile raf = new RandomAccessFile(sealed.toFile(), "rw"))
        {
            raf.seek(at);
            final int b = raf.read();
            raf.seek(at);
            raf.write(b ^ 0x40);
        }
        final byte[] before = Files.readAllBytes(sealed);
        final Run r = run("buffer", "verify", dir.toString(), "--stream", "raw");
        assertEquals(1, r.exit(), r.stdout() + r.stderr());
        final String line = r.stdout().lines().filter(l -> l.contains("DAMAGED") && l.contains(".seg")).findFirst()
            .orElseThrow(() -> new AssertionError(r.stdout()));
        assertTrue(line.contains("00000000000000000000.seg"), line);
        assertTrue(line.contains("3 valid records"), line);
        assertTrue(line.contains("at sequence 3, offset " + (64 + 424 * 3)), line);
        assertTrue(r.stdout().contains("1 damaged segments"), r.stdout());
        assertArrayEquals(before, Files.readAllBytes(sealed), "verify never writes");
    }

    private static List<Input> inputs(final String capture, final ListenerType listener, final int first,
        final int count)
    {
        final List<Input> result = new ArrayList<>();
        final List<Datagram> datagrams = Captures.udp(capture);
        for (int i = first; i < first + count; i++)
        {
            final Datagram d = datagrams.get(i);
            result.add(new Input(listener, d.source(), d.timestampNanos(), d.payload()));
        }
        return result;
    }

    private Path pcap(final String name, final List<Input> inputs, final List<Datagram> originals) throws IOException
    {
        final Path file = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(file); PcapWriter w = new PcapWriter(os, LinkType.ETHERNET, true))
        {
            for (int i = 0; i < inputs.size(); i++)
            {
                final Input in = inputs.get(i);
                w.writeUdp(in.receivedAtNanos(), in.exporter(), originals.get(i).destination(), in.payload(), 0,
                    in.payload().length);
            }
        }
        return file;
    }

    private static List<String> withoutListener(final List<JsonNode> records, final String protocolPrefix)
    {
        final List<String> result = new ArrayList<>();
        for (final JsonNode n : records)
        {
            if (n.path("protocol").asText().startsWith(protocolPrefix))
            {
                final ObjectNode copy = n.deepCopy();
                copy.remove("listener");
                result.add(copy.toString());
            }
        }
        return result;
    }

    @Test
    void shouldExportSyslogAndANetflowV9TemplateAndDataInSeparateEntriesLikeDecode() throws IOException
    {
        final List<Input> syslog = inputs(SYSLOG, ListenerType.SYSLOG_UDP, 0, 5);
        final List<Input> netflow = inputs(NETFLOW_V9, ListenerType.NETFLOW_UDP, 0, 2);
        final List<Input> all = new ArrayList<>(syslog);
        all.addAll(netflow);
        final Path buffer = dir.resolve("data/buffer");
        JournaledInputs.journal(buffer, SEGMENT, all);

        final Run r = run("buffer", "export", dir.resolve("data").toString());
        assertEquals(0, r.exit(), r.stderr());
        final List<JsonNode> records = r.lines();
        final long syslogRecords = records.stream().filter(n -> "syslog".equals(n.path("kind").asText())).count();
        assertEquals(5, syslogRecords, r.stdout());
        assertTrue(records.stream().filter(n -> "syslog".equals(n.path("kind").asText()))
            .allMatch(n -> "syslog-udp".equals(n.path("listener").asText())));
        final List<JsonNode> flows = records.stream().filter(n -> "netflow-v9".equals(n.path("protocol").asText()))
            .toList();
        assertFalse(flows.isEmpty());
        assertTrue(flows.stream().noneMatch(n -> "invalid".equals(n.path("kind").asText())), r.stdout());
        assertTrue(flows.stream().allMatch(n -> "netflow-udp".equals(n.path("listener").asText())));
        // The second entry holds only data: its records exist because the template came in the first entry.
        final String secondEntry = Instant.EPOCH.plusNanos(netflow.get(1).receivedAtNanos()).toString();
        assertTrue(flows.stream().filter(f -> secondEntry.equals(f.path("receivedAt").asText()))
            .allMatch(f -> "flow".equals(f.path("kind").asText())), r.stdout());
        assertTrue(flows.stream().filter(f -> secondEntry.equals(f.path("receivedAt").asText())).count() > 0, r.stdout());
        assertTrue(r.stderr().contains("netflow-udp 2 entries"), r.stderr());
        assertTrue(r.stderr().contains("syslog-udp 5 entries"), r.stderr());

        // Same JSON as decode (which names the listener after the capture's port instead).
        final Run s = run("decode", pcap("syslog.pcap", syslog, Captures.udp(SYSLOG)).toString());
        assertEquals(withoutListener(s.lines(), "rfc"), withoutListener(records, "rfc"));
        final Run n = run("decode", pcap("v9.pcap", netflow, Captures.udp(NETFLOW_V9)).toString());
        assertEquals(withoutListener(n.lines(), "netflow"), withoutListener(records, "netflow"));
    }

    @Test
    void shouldDecodeFlowDataWhenTheExportStartsAfterItsTemplate() throws IOException
    {
        // The first datagram (it carries the template), then only datagrams without a template or options
        // template set, so the data after --from can only decode with the template learned before it.
        final List<Input> all = inputs(NETFLOW_V9, ListenerType.NETFLOW_UDP, 0, 40);
        final List<Input> netflow = new ArrayList<>(List.of(all.get(0)));
        all.stream().skip(1).filter(i -> !hasV9TemplateSet(i.payload())).forEach(netflow::add);
        assertTrue(hasV9TemplateSet(netflow.get(0).payload()) && netflow.size() > 5, "fixture shape");
        JournaledInputs.journal(dir, SEGMENT, netflow);
        // --from has millisecond precision (the buffer's timestamps): start at the first entry stamped a later
        // millisecond than the template's entry.
        final long templateMs = netflow.get(0).receivedAtNanos() / 1_000_000L;
        final Input start = netflow.stream().filter(i -> i.receivedAtNanos() / 1_000_000L > templateMs).findFirst()
            .orElseThrow();
        final String from = Instant.ofEpochMilli(start.receivedAtNanos() / 1_000_000L).toString();
        final Run r = run("buffer", "export", dir.toString(), "--stream", "netflow-udp", "--from", from);
        assertEquals(0, r.exit(), r.stderr());
        final List<JsonNode> records = r.lines();
        assertFalse(records.isEmpty(), r.stdout());
        // The template came in the first entry, before --from: the entries before the start in the same segment
        // rebuild the decoder, so the data decodes and nothing before --from is written.
        assertTrue(records.stream().allMatch(n -> "flow".equals(n.path("kind").asText())), r.stdout());
        assertTrue(records.stream().noneMatch(n -> Instant.parse(n.path("receivedAt").asText()).isBefore(Instant.parse(from))),
            r.stdout());
    }

    /** NetFlow v9 (RFC 3954): 20-byte header, then flowsets (id, length); ids 0 and 1 are (options) templates. */
    private static boolean hasV9TemplateSet(final byte[] packet)
    {
        int at = 20;
        while (at + 4 <= packet.length)
        {
            final int id = (packet[at] & 0xff) << 8 | packet[at + 1] & 0xff;
            final int length = (packet[at + 2] & 0xff) << 8 | packet[at + 3] & 0xff;
            if (id <= 1)
            {
                return true;
            }
            if (length < 4)
            {
                return false;
            }
            at += length;
        }
        return false;
    }

    @Test
    void shouldReportDataWhoseTemplateIsNotInTheExportAsInvalid() throws IOException
    {
        JournaledInputs.journal(dir, SEGMENT, inputs(NETFLOW_V9, ListenerType.NETFLOW_UDP, 1, 1));
        final Run r = run("buffer", "export", dir.toString(), "--stream", "netflow-udp");
        assertEquals(0, r.exit(), r.stderr());
        final List<JsonNode> records = r.lines();
        assertEquals(1, records.size(), r.stdout());
        assertEquals("invalid", records.get(0).path("kind").asText());
        assertEquals("template not received", records.get(0).path("reason").asText());
        assertEquals("netflow-udp", records.get(0).path("listener").asText());
    }

    @Test
    void shouldExportEntriesThatAreNotJournaledInputsAsInvalidRecords() throws IOException
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("syslog-udp").segmentLength(SEGMENT).build());
            final byte[] foreign = "not an entry".getBytes(StandardCharsets.US_ASCII);
            journal.append(7, BASE_MS, foreign, 0, foreign.length);
            final byte[] badVersion = new byte[JournalEntryDescriptor.HEADER_LENGTH + 2];
            badVersion[0] = 9;
            journal.append(1, BASE_MS + 1, badVersion, 0, badVersion.length);
            journal.commitBatch(true);
        }
        final Run r = run("buffer", "export", dir.toString());
        assertEquals(0, r.exit(), r.stderr());
        final List<JsonNode> records = r.lines();
        assertEquals(2, records.size(), r.stdout());
        assertEquals("invalid", records.get(0).path("kind").asText());
        assertEquals(JournalEntryDecoder.UNKNOWN_ENTRY_TYPE, records.get(0).path("reason").asText());
        assertEquals("6e6f7420616e20656e747279", records.get(0).path("hex").asText());
        assertEquals("syslog-udp", records.get(0).path("listener").asText());
        assertEquals("2026-12-01T10:00:00Z", records.get(0).path("receivedAt").asText());
        assertTrue(records.get(0).path("protocol").isNull());
        assertEquals(JournalEntryDecoder.UNREADABLE_ENTRY, records.get(1).path("reason").asText());
        assertEquals(34, records.get(1).path("length").asInt());
    }

    private void journalSyslogAt(final long... epochMs) throws IOException
    {
        final List<Datagram> datagrams = Captures.udp(SYSLOG);
        final List<Input> in = new ArrayList<>();
        for (int i = 0; i < epochMs.length; i++)
        {
            in.add(new Input(ListenerType.SYSLOG_UDP, datagrams.get(i).source(), epochMs[i] * 1_000_000L,
                datagrams.get(i).payload()));
        }
        JournaledInputs.journal(dir, SEGMENT, in);
    }

    private static List<String> receivedAt(final Run r) throws IOException
    {
        return r.lines().stream().map(n -> n.path("receivedAt").asText()).toList();
    }

    @Test
    void shouldFilterAnExportByFromAndTo() throws IOException
    {
        journalSyslogAt(BASE_MS, BASE_MS + 60_000, BASE_MS + 120_000, BASE_MS + 180_000);
        final Run r = run("buffer", "export", dir.toString(), "--from", "2026-12-01T10:01:00Z", "--to",
            "2026-12-01T11:02:00+01:00");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of("2026-12-01T10:01:00Z", "2026-12-01T10:02:00Z"), receivedAt(r));
        assertEquals(List.of("2026-12-01T10:03:00Z"), receivedAt(run("buffer", "export", dir.toString(), "--from",
            "2026-12-01T10:02:00.001Z")));
        assertEquals(List.of("2026-12-01T10:00:00Z"), receivedAt(run("buffer", "export", dir.toString(), "--to",
            "2026-12-01T10:00:59.999Z")));
        assertEquals(List.of(), receivedAt(run("buffer", "export", dir.toString(), "--from", "2026-12-01T10:03:01Z")));
    }

    @Test
    void shouldFilterAnExportByRelativeTime() throws IOException
    {
        final long now = System.currentTimeMillis();
        journalSyslogAt(now - 3 * 3_600_000L, now - 3_600_000L, now - 60_000L);
        final Run r = run("buffer", "export", dir.toString(), "--from", "-2h", "--to", "-30m");
        assertEquals(0, r.exit(), r.stderr());
        assertEquals(List.of(Instant.ofEpochMilli(now - 3_600_000L).toString()), receivedAt(r));
        assertEquals(2, run("buffer", "export", dir.toString(), "--from", "-PT2H").lines().size());
    }

    @Test
    void shouldExportRawEntries() throws IOException
    {
        final List<Input> in = inputs(SYSLOG, ListenerType.SYSLOG_UDP, 0, 3);
        JournaledInputs.journal(dir, SEGMENT, in);
        final Run r = run("buffer", "export", dir.toString(), "--raw", "--stream", "syslog-udp");
        assertEquals(0, r.exit(), r.stderr());
        final List<JsonNode> lines = r.lines();
        assertEquals(3, lines.size());
        for (int i = 0; i < 3; i++)
        {
            final JsonNode n = lines.get(i);
            assertEquals("syslog-udp", n.path("stream").asText());
            assertEquals(i, n.path("sequence").asLong());
            assertEquals(1, n.path("type").asInt());
            assertEquals(Instant.ofEpochMilli(in.get(i).receivedAtNanos() / 1_000_000L).toString(),
                n.path("timestamp").asText());
            final byte[] entry = Base64.getDecoder().decode(n.path("payload").asText());
            assertEquals(ListenerType.SYSLOG_UDP.ordinal(), entry[JournalEntryDescriptor.LISTENER_OFFSET]);
            assertArrayEquals(in.get(i).payload(), Arrays.copyOfRange(entry, JournalEntryDescriptor.HEADER_LENGTH,
                entry.length));
        }
    }

    @Test
    void shouldRejectBadUsageWithExitTwo() throws IOException
    {
        writeLibraryBuffer();
        assertEquals(2, run("buffer").exit());
        assertEquals(2, run("buffer", "inspect").exit());
        assertEquals(2, run("buffer", "frobnicate", dir.toString()).exit());
        final Run missing = run("buffer", "verify", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.stderr().contains("cannot read directory"), missing.stderr());
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        final Run notBuffer = run("buffer", "export", empty.toString());
        assertEquals(2, notBuffer.exit());
        assertTrue(notBuffer.stderr().contains("is not a buffer directory"), notBuffer.stderr());
        final Run unknown = run("buffer", "inspect", dir.toString(), "--stream", "syslog");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.stderr().contains("unknown stream 'syslog'"), unknown.stderr());
        assertTrue(unknown.stderr().contains("(streams: flows, idle)"), unknown.stderr());
        assertEquals(2, run("buffer", "verify", dir.toString(), "--stream", "syslog").exit());
        assertEquals(2, run("buffer", "export", dir.toString(), "--stream", "syslog").exit());
        final Run badTime = run("buffer", "export", dir.toString(), "--from", "yesterday");
        assertEquals(2, badTime.exit());
        assertTrue(badTime.stderr().contains("--from: 'yesterday' is not a time"), badTime.stderr());
        final Run reversed = run("buffer", "export", dir.toString(), "--from", "-1h", "--to", "-2h");
        assertEquals(2, reversed.exit());
        assertTrue(reversed.stderr().contains("is after --to"), reversed.stderr());
        assertEquals("", reversed.stdout());
    }

    @Test
    void shouldParseInstantsOffsetsAndDurationsBeforeNow()
    {
        final Instant now = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), TimeArgument.parse("--from", "-2h", now));
        assertEquals(Instant.parse("2026-12-01T11:30:00Z"), TimeArgument.parse("--from", "-30m", now));
        assertEquals(Instant.parse("2026-11-24T12:00:00Z"), TimeArgument.parse("--from", "-7d", now));
        assertEquals(Instant.parse("2026-12-01T11:59:59.500Z"), TimeArgument.parse("--from", "-500ms", now));
        assertEquals(Instant.parse("2026-12-01T10:30:00Z"), TimeArgument.parse("--from", "-PT1H30M", now));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), TimeArgument.parse("--to", "2026-12-01T11:00:00+01:00", now));
        assertEquals(Instant.parse("2026-12-01T10:00:00.250Z"), TimeArgument.parse("--to", "2026-12-01T10:00:00.250Z", now));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> TimeArgument.parse("--to", "2h", now));
        assertTrue(ex.getMessage().startsWith("--to: '2h' is not a time (expected: "), ex.getMessage());
    }
}
