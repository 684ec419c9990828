package io.nocraven.buffer;

import io.nocraven.buffer.compress.CompressedSegmentDescriptor;
import io.nocraven.buffer.compress.CompressedSegmentIndex;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.metrics.StreamStats;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompressionTest
{
    private static final int SEGMENT = 1024 * 1024;
    private static final int RECORDS = 30_000;

    @TempDir
    Path dir;

    private static StreamConfig config(final Compression compression)
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).compression(compression)
            .compressionFrameLength(StreamConfig.MIN_FRAME_LENGTH).build();
    }

    private DurableBuffer open() throws Exception
    {
        return DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0));
    }

    private static void compressSealed(final DurableBuffer buffer, final StreamJournal journal)
    {
        journal.awaitFlushed();
        for (final SegmentEntry entry : journal.catalog().snapshot())
        {
            if (entry.isSealed())
            {
                buffer.compressor().compress(journal, entry);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "GZIP"})
    void shouldReadTransparentlyAcrossCompressedAndRawSegments(final Compression compression) throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            Records.appendAll(journal, 0, RECORDS);
            compressSealed(buffer, journal);
            final List<SegmentEntry> entries = journal.catalog().snapshot();
            assertTrue(entries.size() >= 4);
            for (final SegmentEntry entry : entries.subList(0, entries.size() - 1))
            {
                assertEquals(compression, entry.storage());
                assertTrue(entry.path().toString().endsWith(compression.suffix()));
                final CompressedSegmentIndex index = CompressedSegmentIndex.read(DefaultFileLayer.INSTANCE, entry.path());
                assertTrue(index.frameCount() >= 3, "independent frames: " + index.frameCount());
            }
            assertEquals(Compression.NONE, entries.get(entries.size() - 1).storage(), "the active segment stays raw");
            assertAllRecords(journal);
            final StreamStats stats = buffer.stats().get(0);
            assertTrue(stats.compressionRatio() > 2.0, "ratio " + stats.compressionRatio());
        }
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            assertTrue(journal.recoveryReport().isClean());
            assertAllRecords(journal);
        }
    }

    private static void assertAllRecords(final StreamJournal journal)
    {
        try (StreamReader reader = journal.openReaderAt(0))
        {
            final List<Records.Read> records = Records.readAll(reader);
            assertEquals(RECORDS, records.size());
            for (int i = 0; i < RECORDS; i++)
            {
                assertEquals(i, records.get(i).sequence());
                assertTrue(records.get(i).matches(i));
            }
        }
        try (StreamReader reader = journal.openReaderAt(12_345))
        {
            final List<Records.Read> records = Records.readAll(reader);
            assertEquals(12_345, records.get(0).sequence(), "seek by sequence into a compressed frame");
            assertEquals(RECORDS - 12_345, records.size());
        }
        try (StreamReader reader = journal.openReaderAt(0))
        {
            reader.seekTime(Records.BASE_TIME + 7_777);
            assertEquals(7_777, reader.nextSequence(), "seek by time through the frame index");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "GZIP"})
    void shouldQuarantineADamagedCompressedSegmentWhenReadAndCarryOn(final Compression compression) throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            Records.appendAll(journal, 0, RECORDS);
            compressSealed(buffer, journal);
            final SegmentEntry first = journal.catalog().first();
            try (RandomAccessFile raf = new RandomAccessFile(first.path().toFile(), "rw"))
            {
                raf.seek(200);
                raf.write(raf.read() ^ 0x55);
            }
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(RECORDS, records.size() + reader.missedRecords());
                assertTrue(reader.missedRecords() > 0);
                records.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
            assertEquals(1, journal.counters().segmentsQuarantined());
            assertFalse(Files.exists(first.path()));
            assertTrue(Files.exists(first.path().resolveSibling(first.path().getFileName() + ".corrupt")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "GZIP"})
    void shouldQuarantineACompressedSegmentWhoseIndexIsDamagedAfterOpen(final Compression compression) throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            Records.appendAll(journal, 0, RECORDS);
            compressSealed(buffer, journal);
        }
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            assertTrue(journal.recoveryReport().isClean(), journal.recoveryReport().toString());
            final SegmentEntry first = journal.catalog().first();
            assertEquals(compression, first.storage());
            final int records = first.recordCount();
            try (RandomAccessFile raf = new RandomAccessFile(first.path().toFile(), "rw"))
            {
                // the last byte of the file is the index CRC: the index no longer checks
                raf.seek(raf.length() - 1);
                final int last = raf.read();
                raf.seek(raf.length() - 1);
                raf.write(last ^ 0x55);
            }
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> read = Records.readAll(reader);
                assertEquals(records, reader.missedRecords(), "the whole segment is skipped, the reader is not stuck");
                assertEquals(RECORDS - records, read.size());
                assertEquals(records, read.get(0).sequence());
                read.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
            assertEquals(1, journal.counters().segmentsQuarantined());
            assertEquals(records, journal.counters().drops(DropReason.CORRUPT));
            assertTrue(Files.exists(first.path().resolveSibling(first.path().getFileName() + ".corrupt")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "GZIP"})
    void shouldQuarantineACompressedSegmentNamedForAnotherBase(final Compression compression) throws Exception
    {
        final Path renamed;
        final SegmentEntry second;
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            Records.appendAll(journal, 0, RECORDS);
            compressSealed(buffer, journal);
            second = journal.catalog().snapshot().get(1);
            renamed = second.path().resolveSibling(SegmentDescriptor.baseName(second.baseSequence() + 1) + compression.suffix());
        }
        Files.move(second.path(), renamed);
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            assertEquals(1, journal.recoveryReport().segmentsQuarantined(), journal.recoveryReport().toString());
            assertTrue(Files.exists(renamed.resolveSibling(renamed.getFileName() + ".corrupt")));
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> read = Records.readAll(reader);
                assertEquals(second.recordCount(), reader.missedRecords());
                read.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "GZIP"})
    void shouldOpenCompressedSegmentsFromTheirHeaderAndCheckTheIndexWhenRead(final Compression compression) throws Exception
    {
        final SegmentEntry first;
        final SegmentEntry second;
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            Records.appendAll(journal, 0, RECORDS);
            compressSealed(buffer, journal);
            first = journal.catalog().first();
            second = journal.catalog().snapshot().get(1);
        }
        try (RandomAccessFile raf = new RandomAccessFile(first.path().toFile(), "rw"))
        {
            raf.seek(raf.length() - 1);
            final int last = raf.read();
            raf.seek(raf.length() - 1);
            raf.write(last ^ 0x55);
        }
        try (RandomAccessFile raf = new RandomAccessFile(second.path().toFile(), "rw"))
        {
            raf.setLength(raf.length() - 1);
        }
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            final var report = journal.recoveryReport();
            assertEquals(1, report.segmentsQuarantined(), "a truncated file fails the header's bounds: " + report);
            assertTrue(Files.exists(second.path().resolveSibling(second.path().getFileName() + ".corrupt")));
            assertEquals(first.baseSequence(), journal.catalog().first().baseSequence(),
                "the index is not read at open: " + report);
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> read = Records.readAll(reader);
                assertEquals(first.recordCount() + second.recordCount(), reader.missedRecords());
                assertEquals(RECORDS - first.recordCount() - second.recordCount(), read.size());
                read.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
            assertEquals(1, journal.counters().segmentsQuarantined(), "quarantined by the reader");
            assertTrue(Files.exists(first.path().resolveSibling(first.path().getFileName() + ".corrupt")));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "GZIP"})
    void shouldRefuseToOpenACompressedSegmentOfANewerFormatVersion(final Compression compression) throws Exception
    {
        final Path path;
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config(compression));
            Records.appendAll(journal, 0, RECORDS);
            compressSealed(buffer, journal);
            path = journal.catalog().first().path();
        }
        final byte[] header = new byte[CompressedSegmentDescriptor.HEADER_LENGTH];
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw"))
        {
            raf.readFully(header);
            final ByteBuffer view = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            view.putShort(CompressedSegmentDescriptor.VERSION_OFFSET, (short)(CompressedSegmentDescriptor.VERSION + 1));
            final CRC32C crc = new CRC32C();
            crc.update(header, 0, CompressedSegmentDescriptor.HEADER_CRC_OFFSET);
            view.putInt(CompressedSegmentDescriptor.HEADER_CRC_OFFSET, (int)crc.getValue());
            raf.seek(0);
            raf.write(header);
        }
        try (DurableBuffer buffer = open())
        {
            final IOException error = assertThrows(IOException.class, () -> buffer.stream(config(compression)));
            assertTrue(error.getMessage().contains("version 2"), error.getMessage());
        }
        assertTrue(Files.exists(path), "a newer version is not damage: the file is left alone");
    }
}
