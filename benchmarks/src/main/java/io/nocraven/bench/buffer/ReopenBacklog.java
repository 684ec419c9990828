package io.nocraven.bench.buffer;

import io.nocraven.buffer.BufferConfig;
import io.nocraven.buffer.Compression;
import io.nocraven.buffer.Durability;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.fs.DoubleSlotFile;
import io.nocraven.buffer.journal.StreamDirectoryDescriptor;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.recovery.RecoveryReport;
import io.nocraven.buffer.segment.RecordDescriptor;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentHeader;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.BASE_SEQUENCE_OFFSET;
import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.HEADER_CRC_OFFSET;
import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.INDEX_ENTRY_LENGTH;
import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.INDEX_OFFSET_OFFSET;
import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.FRAME_COUNT_OFFSET;

/**
 * Builds the backlog {@link ReopenBenchmark} reopens: {@code streams} streams of 64 MiB segments, each stream made
 * of {@code realSegments} segments written through the real append path, then cheap <em>clones</em> up to the
 * wanted number of segments, then a nearly full active segment written through the real append path again.
 * <p>
 * Clones are valid segments that recovery and readers treat exactly like written ones (they are checked the same
 * way: header CRC and base against the name at open; a reader checks a compressed segment's seek index and every
 * record it delivers):
 * <ul>
 *   <li>raw ({@code .seg}): the first records of a real segment (one 4 KiB page), an end-of-segment record, a
 *   sealed header with the clone's base sequence, and a hole up to the 64 MiB capacity (a sparse file). So a raw
 *   clone counts 64 MiB towards the backlog (file length, which is what the limits and the catalog count) but
 *   holds only a few records; that is fine for measuring open, which reads one header per sealed segment whatever
 *   it holds, and it is why the real segments are there too;</li>
 *   <li>compressed ({@code .zst}): a byte copy of a real compressed segment (all of its records, in zstd frames)
 *   with the base sequence in its header and the first sequence of each seek-index entry rebased, and both CRCs
 *   recomputed. Records store their sequence as a delta from the base, so every record of a clone verifies. These
 *   clones hold as many records as real segments (a 100 GiB backlog is about 10^8 records); the payload is a
 *   compressible text so that a clone costs well under 1 MiB of real disk.</li>
 * </ul>
 * The stream checkpoint is then written as the writer would have after sealing the last clone, so every sealed
 * segment is below it (trusted at open), and the active segment after it is scanned record by record at open.
 */
final class ReopenBacklog
{
    /** Segment length (the default). */
    static final int SEGMENT = StreamConfig.DEFAULT_SEGMENT_LENGTH;
    /** Payload bytes per record. */
    static final int PAYLOAD = 1000;
    /** Record frame length in a segment (header + payload, 8-byte aligned). */
    static final int FRAME = (RecordDescriptor.HEADER_LENGTH + PAYLOAD + 7) & -8;
    /** Records in a full segment (room for the end-of-segment record kept). */
    static final int PER_SEGMENT = (SEGMENT - SegmentDescriptor.HEADER_LENGTH - RecordDescriptor.HEADER_LENGTH) / FRAME;
    /** Records copied into a raw clone: those fitting the first 4 KiB page with the end-of-segment record. */
    static final int RAW_CLONE_RECORDS = (4096 - SegmentDescriptor.HEADER_LENGTH - RecordDescriptor.HEADER_LENGTH) / FRAME;

    private ReopenBacklog()
    {
    }

    /**
     * The settings of stream {@code index} (no quota, no age limit, page-cache durability).
     *
     * @param index   stream number.
     * @param storage compression of sealed segments.
     * @return the settings.
     */
    static StreamConfig stream(final int index, final Compression storage)
    {
        return StreamConfig.builder("stream-" + index).segmentLength(SEGMENT).durability(Durability.PAGE_CACHE)
            .compression(storage).build();
    }

    /**
     * Build the backlog of one stream.
     *
     * @param dir          buffer directory.
     * @param index        stream number.
     * @param storage      {@link Compression#NONE} for raw sealed segments, or a codec.
     * @param segments     sealed segments wanted (real + clones).
     * @param realSegments sealed segments written through the append path (at most {@code segments}).
     * @return bytes really written to the disk (not counting holes).
     * @throws IOException on failure, or when the result does not recover cleanly.
     */
    static long build(final Path dir, final int index, final Compression storage, final int segments,
        final int realSegments) throws IOException
    {
        final StreamConfig config = stream(index, storage);
        final Path streamDir = dir.resolve(DurableBuffer.STREAMS_DIRECTORY).resolve(config.name());
        final byte[] payload = BenchBuffers.payload(PAYLOAD);
        final long now = System.currentTimeMillis();
        final long realRecords = (long)realSegments * PER_SEGMENT;
        final Path template;
        long written = (long)realSegments * SEGMENT;
        try (DurableBuffer buffer = open(dir))
        {
            final StreamJournal journal = buffer.stream(config);
            append(journal, payload, now, realRecords);
            journal.sealActiveSegment();
            if (storage != Compression.NONE)
            {
                written = 0;
                for (final SegmentEntry entry : journal.catalog().snapshot())
                {
                    // the background compressor may have taken it first: either way it must end up compressed
                    if (!buffer.compressor().compress(journal, entry) && entry.storage() == Compression.NONE)
                    {
                        throw new IOException("could not compress " + entry.path());
                    }
                    written += entry.bytesOnDisk();
                }
            }
            template = journal.catalog().first().path();
        }
        long base = realRecords;
        for (int i = realSegments; i < segments; i++)
        {
            final Path clone = streamDir.resolve(SegmentDescriptor.baseName(base) + storage.suffix());
            written += storage == Compression.NONE ? rawClone(template, clone, base) : compressedClone(template, clone, base);
            base += storage == Compression.NONE ? RAW_CLONE_RECORDS : PER_SEGMENT;
        }
        try (DoubleSlotFile checkpoint = DoubleSlotFile.open(DefaultFileLayer.INSTANCE,
            streamDir.resolve(StreamDirectoryDescriptor.CHECKPOINT_FILE), false))
        {
            checkpoint.write(base, base);
        }
        try (DurableBuffer buffer = open(dir))
        {
            final StreamJournal journal = buffer.stream(config);
            final RecoveryReport report = journal.recoveryReport();
            if (!report.isClean() || report.segmentsTrusted() != segments || journal.catalog().size() != segments)
            {
                throw new IOException("the built backlog did not recover as written: " + report);
            }
            append(journal, payload, now, PER_SEGMENT - 1);
            written += SEGMENT;
        }
        return written;
    }

    private static DurableBuffer open(final Path dir) throws IOException
    {
        return DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0));
    }

    private static void append(final StreamJournal journal, final byte[] payload, final long now, final long count)
        throws IOException
    {
        for (long i = 0; i < count; i++)
        {
            if (journal.append(1, now, payload, 0, payload.length) < 0)
            {
                throw new IOException("append refused at record " + i + " of " + journal.config().name());
            }
            if ((i & 255) == 255)
            {
                journal.commitBatch(false);
            }
        }
        journal.commitBatch(true);
    }

    private static long rawClone(final Path template, final Path clone, final long base) throws IOException
    {
        final int recordsEnd = SegmentDescriptor.HEADER_LENGTH + RAW_CLONE_RECORDS * FRAME;
        final int end = recordsEnd + RecordDescriptor.HEADER_LENGTH;
        final ByteBuffer image = ByteBuffer.allocate(end).order(ByteOrder.LITTLE_ENDIAN);
        try (RandomAccessFile in = new RandomAccessFile(template.toFile(), "r"))
        {
            in.readFully(image.array(), 0, recordsEnd);
        }
        long first = 0;
        long max = 0;
        for (int i = 0; i < RAW_CLONE_RECORDS; i++)
        {
            final long timestamp = image.getLong(SegmentDescriptor.HEADER_LENGTH + i * FRAME + RecordDescriptor.TIMESTAMP_OFFSET);
            first = 0 == i ? timestamp : first;
            max = Math.max(max, timestamp);
        }
        image.putInt(recordsEnd + RecordDescriptor.LENGTH_OFFSET, RecordDescriptor.HEADER_LENGTH);
        image.putInt(recordsEnd + RecordDescriptor.SEQUENCE_DELTA_OFFSET, RAW_CLONE_RECORDS);
        image.putShort(recordsEnd + RecordDescriptor.TYPE_OFFSET, RecordDescriptor.END_OF_SEGMENT_TYPE);
        image.putShort(recordsEnd + RecordDescriptor.FLAGS_OFFSET, (short)0);
        image.putLong(recordsEnd + RecordDescriptor.TIMESTAMP_OFFSET, max);
        image.putInt(recordsEnd + RecordDescriptor.CRC_OFFSET,
            crc(image, recordsEnd + RecordDescriptor.CRC_START, end));
        final SegmentHeader header = new SegmentHeader().wrap(image);
        header.initialise(base, System.currentTimeMillis(), SEGMENT);
        header.seal(end, RAW_CLONE_RECORDS, first, max);
        try (RandomAccessFile out = new RandomAccessFile(clone.toFile(), "rw"))
        {
            out.write(image.array(), 0, end);
            out.setLength(SEGMENT);
        }
        return end;
    }

    private static long compressedClone(final Path template, final Path clone, final long base) throws IOException
    {
        final ByteBuffer image = ByteBuffer.wrap(Files.readAllBytes(template)).order(ByteOrder.LITTLE_ENDIAN);
        final long oldBase = image.getLong(BASE_SEQUENCE_OFFSET);
        image.putLong(BASE_SEQUENCE_OFFSET, base);
        image.putInt(HEADER_CRC_OFFSET, crc(image, 0, HEADER_CRC_OFFSET));
        final int indexOffset = (int)image.getLong(INDEX_OFFSET_OFFSET);
        final int frames = image.getInt(FRAME_COUNT_OFFSET);
        for (int i = 0; i < frames; i++)
        {
            final int at = indexOffset + i * INDEX_ENTRY_LENGTH;
            image.putLong(at, image.getLong(at) - oldBase + base);
        }
        final int indexEnd = indexOffset + frames * INDEX_ENTRY_LENGTH;
        image.putInt(indexEnd, crc(image, indexOffset, indexEnd));
        Files.write(clone, image.array());
        return image.capacity();
    }

    private static int crc(final ByteBuffer image, final int from, final int to)
    {
        final CRC32C crc = new CRC32C();
        crc.update(image.array(), from, to - from);
        return (int)crc.getValue();
    }

    /**
     * Files of a built buffer (for dropping them from the page cache).
     *
     * @param dir buffer directory.
     * @return every regular file under it.
     * @throws IOException when it cannot be walked.
     */
    static List<Path> files(final Path dir) throws IOException
    {
        try (var walk = Files.walk(dir))
        {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
