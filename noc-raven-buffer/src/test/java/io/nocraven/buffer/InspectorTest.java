package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.inspect.BufferInspector;
import io.nocraven.buffer.inspect.CursorSummary;
import io.nocraven.buffer.inspect.ExportSummary;
import io.nocraven.buffer.inspect.SegmentSummary;
import io.nocraven.buffer.inspect.VerifyReport;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorTest
{
    private static final int SEGMENT = 1024 * 1024;

    @TempDir
    Path dir;

    private void write() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("syslog").segmentLength(SEGMENT)
                .compressionFrameLength(StreamConfig.MIN_FRAME_LENGTH).build());
            Records.appendAll(journal, 0, 20_000);
            // Rolled segments are sealed by the buffer's flusher thread; only sealed ones can be compressed.
            journal.awaitFlushed();
            for (final SegmentEntry entry : journal.catalog().snapshot())
            {
                buffer.compressor().compress(journal, entry);
            }
            try (StreamReader reader = journal.openReader("kafka"))
            {
                reader.poll((s, t, ty, b, o, l) -> { }, 123);
                reader.ackDelivered();
            }
            buffer.stream(StreamConfig.builder("netflow").segmentLength(SEGMENT).build());
        }
    }

    @Test
    void shouldListStreamsSegmentsAndCursorsWithoutWriting() throws Exception
    {
        write();
        final long before = Files.getLastModifiedTime(dir.resolve("streams/syslog/stream.checkpoint")).toMillis();
        final BufferInspector inspector = BufferInspector.open(dir);
        assertEquals(List.of("netflow", "syslog"), inspector.streams());
        final List<SegmentSummary> segments = inspector.segments("syslog");
        assertEquals(3, segments.size(), segments.toString());
        assertEquals("compressed", segments.get(0).state());
        assertEquals(Compression.ZSTD, segments.get(0).storage());
        assertEquals("compressed", segments.get(1).state());
        assertEquals("active", segments.get(2).state());
        assertEquals(20_000, segments.stream().mapToLong(SegmentSummary::recordCount).sum());
        assertEquals(segments.get(0).recordCount(), segments.get(1).baseSequence());
        assertTrue(segments.get(0).bytesOnDisk() < segments.get(0).uncompressed() / 2);
        assertEquals(Records.BASE_TIME, segments.get(0).firstTimestamp());
        assertEquals(Records.BASE_TIME + 19_999, segments.get(2).maxTimestamp());
        assertEquals(List.of(new CursorSummary("kafka", 122, Records.BASE_TIME + 122, 2)), inspector.cursors("syslog"));
        final VerifyReport report = inspector.verify("syslog");
        assertTrue(report.ok(), report.toString());
        assertEquals(20_000, report.validRecords());
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("streams/syslog/stream.checkpoint")).toMillis());
    }

    @Test
    void shouldExportATimeRangeAcrossCompressedAndActiveSegments() throws Exception
    {
        write();
        final List<Long> sequences = new ArrayList<>();
        final ExportSummary summary = BufferInspector.open(dir).export("syslog", 0, Records.BASE_TIME + 10_000,
            Records.BASE_TIME + 14_999, (seq, ts, type, b, o, l) ->
            {
                final byte[] copy = new byte[l];
                b.getBytes(o, copy);
                assertArrayEquals(Records.payload(seq), copy);
                sequences.add(seq);
            });
        assertEquals(5_000, summary.delivered());
        assertEquals(0, summary.missedRecords());
        assertEquals(10_000, sequences.get(0));
        assertEquals(14_999, sequences.get(4_999));
    }

    @Test
    void shouldReportDamageWithoutRepairingIt() throws Exception
    {
        write();
        final Path active = dir.resolve("streams/syslog").resolve(SegmentDescriptor.baseName(
            BufferInspector.open(dir).segments("syslog").get(2).baseSequence()) + ".seg");
        assertTrue(Files.exists(active));
        try (RandomAccessFile raf = new RandomAccessFile(active.toFile(), "rw"))
        {
            raf.seek(SegmentDescriptor.HEADER_LENGTH + 100);
            raf.write(raf.read() ^ 1);
        }
        final byte[] damaged = Files.readAllBytes(active);
        final VerifyReport report = BufferInspector.open(dir).verify("syslog");
        assertFalse(report.ok());
        assertTrue(report.segments().get(0).ok());
        assertTrue(report.segments().get(1).ok());
        assertFalse(report.segments().get(2).ok());
        assertTrue(report.segments().get(2).detail().startsWith("invalid record"), report.segments().get(2).detail());
        assertArrayEquals(damaged, Files.readAllBytes(active), "the inspector never writes");
    }

    @Test
    void shouldSeeTheWriterLockOnlyWhileTheBufferIsOpen() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            buffer.stream(StreamConfig.builder("syslog").segmentLength(SEGMENT).build());
            assertTrue(BufferInspector.open(dir).inUse());
        }
        assertFalse(BufferInspector.open(dir).inUse());
        assertFalse(BufferInspector.open(dir.resolve("missing")).inUse());
    }

    @Test
    void shouldReadTheCheckpointNextSequence() throws Exception
    {
        write();
        final BufferInspector inspector = BufferInspector.open(dir);
        assertEquals(20_000, inspector.checkpointNextSequence("syslog"));
        assertEquals(0, inspector.checkpointNextSequence("netflow"));
        assertEquals(-1, inspector.checkpointNextSequence("missing"));
    }

    @Test
    void shouldNameTheFrameOfADamagedCompressedSegment() throws Exception
    {
        write();
        final SegmentSummary first = BufferInspector.open(dir).segments("syslog").get(0);
        final Path zst = dir.resolve("streams/syslog").resolve(first.fileName());
        try (RandomAccessFile raf = new RandomAccessFile(zst.toFile(), "rw"))
        {
            raf.seek(SegmentDescriptor.HEADER_LENGTH + 40);
            raf.write(raf.read() ^ 0x10);
        }
        final VerifyReport report = BufferInspector.open(dir).verify("syslog");
        assertFalse(report.segments().get(0).ok());
        assertTrue(report.segments().get(0).detail().contains("frame 0 (file offset 64"), report.segments().get(0).detail());
        assertTrue(report.segments().get(1).ok());
    }

    @Test
    void shouldFilterAnExportByTimeEvenWhenTimestampsAreOutOfOrder() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT).build());
            final long[] times = {100, 105, 101, 110, 99, 120};
            for (final long t : times)
            {
                journal.append(1, t, new byte[] {(byte)t}, 0, 1);
            }
            journal.commitBatch(true);
        }
        final List<Long> stamps = new ArrayList<>();
        BufferInspector.open(dir).export("s", 0, 101, 110, (seq, ts, type, b, o, l) -> stamps.add(ts));
        assertEquals(List.of(105L, 101L, 110L), stamps);
    }
}
