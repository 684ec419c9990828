package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamDirectoryDescriptor;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.recovery.RecoveryReport;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecoveryTest
{
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path dir;

    private StreamConfig config()
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).compression(Compression.NONE).build();
    }

    private Path streamDir()
    {
        return dir.resolve("streams").resolve("s");
    }

    private void write(final long count) throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            Records.appendAll(buffer.stream(config()), 0, count);
        }
    }

    private Path lastSegment() throws Exception
    {
        try (var files = Files.list(streamDir()))
        {
            return files.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private long tailOffset(final Path segment) throws Exception
    {
        final byte[] bytes = Files.readAllBytes(segment);
        int offset = SegmentDescriptor.HEADER_LENGTH;
        while (true)
        {
            final int length = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(offset);
            if (length == 0)
            {
                return offset;
            }
            offset += (length + 7) & -8;
        }
    }

    private List<Records.Read> reopenAndRead(final RecoveryReport[] report) throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config());
            report[0] = journal.recoveryReport();
            try (StreamReader reader = journal.openReaderAt(0))
            {
                return Records.readAll(reader);
            }
        }
    }

    @Test
    void shouldOpenCleanlyAfterAnOrderlyClose() throws Exception
    {
        write(300);
        final RecoveryReport[] report = new RecoveryReport[1];
        final List<Records.Read> records = reopenAndRead(report);
        assertTrue(report[0].isClean(), report[0].toString());
        assertEquals(300, records.size());
        for (int i = 0; i < 300; i++)
        {
            assertEquals(i, records.get(i).sequence());
            assertTrue(records.get(i).matches(i));
        }
    }

    @Test
    void shouldTruncateATornTailRecord() throws Exception
    {
        write(50);
        final Path segment = lastSegment();
        final long tail = tailOffset(segment);
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw"))
        {
            // a torn write: the length landed, the payload did not (CRC cannot match)
            raf.seek(tail);
            raf.write(new byte[] {(byte)100, 0, 0, 0, 1, 2, 3, 4});
        }
        final RecoveryReport[] report = new RecoveryReport[1];
        final List<Records.Read> records = reopenAndRead(report);
        assertEquals(50, records.size());
        assertEquals(1, report[0].actions().size(), report[0].toString());
        assertTrue(report[0].truncatedBytes() > 0);
        assertEquals(0, report[0].segmentsQuarantined());
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config());
            assertTrue(journal.recoveryReport().isClean(), "the tail was zeroed");
            assertEquals(50, Records.append(journal, 50), "appends continue after the last valid record");
        }
    }

    @Test
    void shouldTruncateGarbageAfterTheRealEnd() throws Exception
    {
        write(40);
        final Path segment = lastSegment();
        final long tail = tailOffset(segment);
        try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw"))
        {
            raf.seek(tail + 8);
            final byte[] garbage = new byte[500];
            new java.util.Random(7).nextBytes(garbage);
            raf.write(garbage);
        }
        final RecoveryReport[] report = new RecoveryReport[1];
        final List<Records.Read> records = reopenAndRead(report);
        assertEquals(40, records.size());
        assertEquals(508, report[0].truncatedBytes(), report[0].toString());
    }

    @Test
    void shouldTreatTheZeroFilledPreallocationAsTheEnd() throws Exception
    {
        write(10);
        final RecoveryReport[] report = new RecoveryReport[1];
        final List<Records.Read> records = reopenAndRead(report);
        assertEquals(10, records.size());
        assertEquals(0, report[0].truncatedBytes());
        assertEquals(1, report[0].segmentsVerified());
    }

    @Test
    void shouldQuarantineACorruptSealedSegmentAndCarryOn() throws Exception
    {
        write(600);
        final Path second;
        try (var files = Files.list(streamDir()))
        {
            second = files.filter(p -> p.toString().endsWith(".seg")).sorted().skip(1).findFirst().orElseThrow();
        }
        final long base = SegmentDescriptor.parseBaseSequence(second.getFileName().toString());
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final SegmentEntry entry = buffer.stream(config()).catalog().find(base);
            assertTrue(entry.isSealed());
        }
        // the checkpoint says sealed segments are trusted: damage the checkpoint so recovery verifies everything
        Files.delete(streamDir().resolve(StreamDirectoryDescriptor.CHECKPOINT_FILE));
        try (RandomAccessFile raf = new RandomAccessFile(second.toFile(), "rw"))
        {
            raf.seek(SegmentDescriptor.HEADER_LENGTH + 1000);
            raf.write(0xFF);
        }
        final RecoveryReport[] report = new RecoveryReport[1];
        final List<Records.Read> records = reopenAndRead(report);
        assertEquals(1, report[0].segmentsQuarantined(), report[0].toString());
        assertTrue(Files.exists(second.resolveSibling(second.getFileName() + ".corrupt")));
        assertFalse(Files.exists(second));
        final long lost = report[0].recordsLost();
        assertTrue(lost > 0);
        assertEquals(600 - lost, records.size());
        for (final Records.Read read : records)
        {
            assertTrue(read.matches(read.sequence()));
            assertFalse(read.sequence() >= base && read.sequence() < base + lost);
        }
    }

    @Test
    void shouldTellAReaderWhenItFindsACorruptTrustedSegment() throws Exception
    {
        write(600);
        final Path first;
        try (var files = Files.list(streamDir()))
        {
            first = files.filter(p -> p.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        try (RandomAccessFile raf = new RandomAccessFile(first.toFile(), "rw"))
        {
            raf.seek(SegmentDescriptor.HEADER_LENGTH + 2000);
            raf.write(0xFF);
        }
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config());
            assertTrue(journal.recoveryReport().isClean(), "trusted below the checkpoint: not read at open");
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                final long firstSegmentCount = 600 - records.size() + records.stream().filter(r -> r.sequence() < 100).count();
                assertTrue(reader.missedRecords() > 0);
                assertEquals(600, records.size() + reader.missedRecords());
                assertTrue(firstSegmentCount > 0);
            }
            assertEquals(1, journal.counters().segmentsQuarantined());
            assertTrue(journal.counters().drops(DropReason.CORRUPT) > 0);
            assertTrue(Files.exists(first.resolveSibling(first.getFileName() + ".corrupt")));
        }
    }

    @Test
    void shouldRemoveASegmentWhoseCreationWasInterrupted() throws Exception
    {
        write(20);
        Files.write(streamDir().resolve(SegmentDescriptor.baseName(20) + ".seg"), new byte[SEGMENT]);
        final RecoveryReport[] report = new RecoveryReport[1];
        final List<Records.Read> records = reopenAndRead(report);
        assertEquals(20, records.size());
        assertFalse(Files.exists(streamDir().resolve(SegmentDescriptor.baseName(20) + ".seg")));
    }

    @Test
    void shouldOpenABacklogFromSegmentHeadersAndVerifyOnlyTheActiveSegment() throws Exception
    {
        write(2000);
        final List<Path> sealed;
        try (var files = Files.list(streamDir()))
        {
            sealed = files.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
        final long activeBase = SegmentDescriptor.parseBaseSequence(sealed.get(sealed.size() - 1).getFileName().toString());
        assertTrue(sealed.size() > 10, "segments: " + sealed.size());
        for (final Path segment : sealed.subList(0, sealed.size() - 1))
        {
            try (RandomAccessFile raf = new RandomAccessFile(segment.toFile(), "rw"))
            {
                // damage every record region below the checkpoint: open must not notice, it reads headers only
                raf.seek(SegmentDescriptor.HEADER_LENGTH + 100);
                raf.write(0xFF);
            }
        }
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final RecoveryReport report = buffer.stream(config()).recoveryReport();
            assertTrue(report.isClean(), report.toString());
            assertEquals(sealed.size() - 1, report.segmentsTrusted());
            assertEquals(1, report.segmentsVerified(), "only the active segment is scanned");
            assertEquals(2000 - activeBase, report.recordsVerified());
        }
    }

    @Test
    void shouldQuarantineATrustedSegmentWhoseRecordsReadAsZeros() throws Exception
    {
        write(600);
        final Path first;
        try (var files = Files.list(streamDir()))
        {
            first = files.filter(p -> p.toString().endsWith(".seg")).sorted().findFirst().orElseThrow();
        }
        final long firstCount;
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            firstCount = buffer.stream(config()).catalog().first().recordCount();
        }
        try (RandomAccessFile raf = new RandomAccessFile(first.toFile(), "rw"))
        {
            // what a power loss in page-cache mode can leave: the sealed header reached the device, the records not
            raf.seek(SegmentDescriptor.HEADER_LENGTH);
            raf.write(new byte[SEGMENT - SegmentDescriptor.HEADER_LENGTH]);
        }
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config());
            assertTrue(journal.recoveryReport().isClean(), "trusted below the checkpoint: not read at open");
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(firstCount, reader.missedRecords(), "the reader skips the segment instead of waiting on it");
                assertEquals(600 - firstCount, records.size());
                for (final Records.Read read : records)
                {
                    assertTrue(read.matches(read.sequence()));
                }
            }
            assertEquals(1, journal.counters().segmentsQuarantined());
            assertEquals(firstCount, journal.counters().drops(DropReason.CORRUPT));
            assertTrue(Files.exists(first.resolveSibling(first.getFileName() + ".corrupt")));
        }
    }
}
