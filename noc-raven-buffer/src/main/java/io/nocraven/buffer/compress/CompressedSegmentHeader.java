package io.nocraven.buffer.compress;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.CorruptSegmentException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.*;

/**
 * The 64-byte header of a compressed segment, read and checked on its own (magic, version, CRC, and that the index
 * it points to ends exactly at the end of the file): everything the catalog needs about a compressed segment, for
 * the price of one small read at open. The seek index is checked when a reader opens the segment
 * ({@link CompressedSegmentIndex}).
 */
public final class CompressedSegmentHeader
{
    private final Compression codec;
    private final long baseSequence;
    private final int recordCount;
    private final int frameCount;
    private final long firstTimestamp;
    private final long maxTimestamp;
    private final int uncompressedLength;
    private final int capacity;
    private final long indexOffset;

    private CompressedSegmentHeader(final ByteBuffer header)
    {
        codec = header.getShort(CODEC_OFFSET) == CODEC_GZIP ? Compression.GZIP : Compression.ZSTD;
        baseSequence = header.getLong(BASE_SEQUENCE_OFFSET);
        recordCount = header.getInt(RECORD_COUNT_OFFSET);
        frameCount = header.getInt(FRAME_COUNT_OFFSET);
        firstTimestamp = header.getLong(FIRST_TIMESTAMP_OFFSET);
        maxTimestamp = header.getLong(MAX_TIMESTAMP_OFFSET);
        uncompressedLength = header.getInt(UNCOMPRESSED_LENGTH_OFFSET);
        capacity = header.getInt(CAPACITY_OFFSET);
        indexOffset = header.getLong(INDEX_OFFSET_OFFSET);
    }

    /**
     * Read and check the header of a compressed segment.
     *
     * @param files file layer.
     * @param path  the file.
     * @return the header.
     * @throws CorruptSegmentException when it fails a check (damage).
     * @throws IOException              when the file cannot be read, or was written by a newer format version (not
     *                                  damage: opening refuses rather than quarantining data it cannot understand).
     */
    public static CompressedSegmentHeader read(final FileLayer files, final Path path) throws IOException
    {
        try (FileChannel channel = files.open(path, StandardOpenOption.READ))
        {
            return read(channel, path);
        }
    }

    static CompressedSegmentHeader read(final FileChannel channel, final Path path) throws IOException
    {
        final long size = channel.size();
        final ByteBuffer header = CompressedSegmentIndex.readFully(channel, 0, HEADER_LENGTH, size, path);
        if (header.getInt(MAGIC_OFFSET) == MAGIC && header.getShort(VERSION_OFFSET) > VERSION)
        {
            throw new IOException(path + ": compressed segment format version " + header.getShort(VERSION_OFFSET) +
                " is newer than this build reads (expected: <= " + VERSION + "); a downgrade is not supported");
        }
        if (header.getInt(MAGIC_OFFSET) != MAGIC || header.getShort(VERSION_OFFSET) != VERSION ||
            CompressedSegmentIndex.crc(header, HEADER_CRC_OFFSET) != header.getInt(HEADER_CRC_OFFSET))
        {
            throw new CorruptSegmentException("compressed segment header invalid: " + path);
        }
        final CompressedSegmentHeader result = new CompressedSegmentHeader(header);
        final long expectedSize = result.indexOffset + (long)result.frameCount * INDEX_ENTRY_LENGTH + 4;
        if (result.frameCount < 0 || result.frameCount > MAX_FRAMES || result.indexOffset < HEADER_LENGTH ||
            expectedSize != size)
        {
            throw new CorruptSegmentException("compressed segment index bounds invalid: " + path + " frames=" +
                result.frameCount + " index offset=" + result.indexOffset + " file length=" + size);
        }
        return result;
    }

    /** @return the codec. */
    public Compression codec()
    {
        return codec;
    }

    /** @return base sequence. */
    public long baseSequence()
    {
        return baseSequence;
    }

    /** @return records. */
    public int recordCount()
    {
        return recordCount;
    }

    /** @return number of frames. */
    public int frameCount()
    {
        return frameCount;
    }

    /** @return first timestamp. */
    public long firstTimestamp()
    {
        return firstTimestamp;
    }

    /** @return max timestamp. */
    public long maxTimestamp()
    {
        return maxTimestamp;
    }

    /** @return uncompressed bytes of the original segment (up to its end marker). */
    public int uncompressedLength()
    {
        return uncompressedLength;
    }

    /** @return capacity of the original segment. */
    public int capacity()
    {
        return capacity;
    }

    /** @return offset of the seek index in the file. */
    public long indexOffset()
    {
        return indexOffset;
    }
}
