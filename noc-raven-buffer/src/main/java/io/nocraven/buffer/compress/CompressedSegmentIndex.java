package io.nocraven.buffer.compress;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.CorruptSegmentException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.*;

/**
 * The header and seek index of a compressed segment, read and checked (CRCs, bounds) from its file.
 */
public final class CompressedSegmentIndex
{
    private final CompressedSegmentHeader header;
    private final long[] firstSequence;
    private final long[] frameOffset;
    private final int[] compressedLength;
    private final int[] uncompressedFrameLength;
    private final long[] frameMaxTimestamp;

    private CompressedSegmentIndex(final CompressedSegmentHeader header, final ByteBuffer index)
    {
        final int frames = header.frameCount();
        this.header = header;
        firstSequence = new long[frames];
        frameOffset = new long[frames];
        compressedLength = new int[frames];
        uncompressedFrameLength = new int[frames];
        frameMaxTimestamp = new long[frames];
        for (int i = 0; i < frames; i++)
        {
            final int at = i * INDEX_ENTRY_LENGTH;
            firstSequence[i] = index.getLong(at);
            frameOffset[i] = index.getLong(at + 8);
            compressedLength[i] = index.getInt(at + 16);
            uncompressedFrameLength[i] = index.getInt(at + 20);
            frameMaxTimestamp[i] = index.getLong(at + 24);
        }
    }

    /**
     * Read and check the header and index of a compressed segment.
     *
     * @param files file layer.
     * @param path  the file.
     * @return the index.
     * @throws CorruptSegmentException when the file is shorter than its header says or fails a check (damage).
     * @throws IOException              when the file cannot be opened or read, or has a newer format version.
     */
    public static CompressedSegmentIndex read(final FileLayer files, final Path path) throws IOException
    {
        try (FileChannel channel = files.open(path, StandardOpenOption.READ))
        {
            final CompressedSegmentHeader header = CompressedSegmentHeader.read(channel, path);
            final int indexLength = header.frameCount() * INDEX_ENTRY_LENGTH;
            final ByteBuffer index = readFully(channel, header.indexOffset(), indexLength + 4, channel.size(), path);
            if (crc(index, indexLength) != index.getInt(indexLength))
            {
                throw new CorruptSegmentException("compressed segment index CRC invalid: " + path);
            }
            final CompressedSegmentIndex result = new CompressedSegmentIndex(header, index);
            result.checkFrames(header.indexOffset(), path);
            return result;
        }
    }

    private void checkFrames(final long indexOffset, final Path path) throws IOException
    {
        for (int i = 0; i < frameOffset.length; i++)
        {
            if (frameOffset[i] < HEADER_LENGTH || compressedLength[i] <= 0 ||
                frameOffset[i] + compressedLength[i] > indexOffset || uncompressedFrameLength[i] <= 0 ||
                uncompressedFrameLength[i] > header.capacity())
            {
                throw new CorruptSegmentException("compressed segment frame " + i + " out of bounds: " + path);
            }
        }
    }

    static ByteBuffer readFully(
        final FileChannel channel, final long position, final int length, final long size, final Path path)
        throws IOException
    {
        if (position + length > size)
        {
            throw new CorruptSegmentException("compressed segment truncated: " + path);
        }
        final ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer, position + buffer.position()) < 0)
            {
                throw new CorruptSegmentException("compressed segment truncated: " + path);
            }
        }
        return buffer.clear();
    }

    static int crc(final ByteBuffer buffer, final int length)
    {
        final CRC32C crc = new CRC32C();
        crc.update(buffer.array(), buffer.arrayOffset(), length);
        return (int)crc.getValue();
    }

    /** @return the codec. */
    public Compression codec()
    {
        return header.codec();
    }

    /** @return base sequence. */
    public long baseSequence()
    {
        return header.baseSequence();
    }

    /** @return records. */
    public int recordCount()
    {
        return header.recordCount();
    }

    /** @return first timestamp. */
    public long firstTimestamp()
    {
        return header.firstTimestamp();
    }

    /** @return max timestamp. */
    public long maxTimestamp()
    {
        return header.maxTimestamp();
    }

    /** @return uncompressed bytes of the original segment (up to its end marker). */
    public int uncompressedLength()
    {
        return header.uncompressedLength();
    }

    /** @return capacity of the original segment. */
    public int capacity()
    {
        return header.capacity();
    }

    /** @return number of frames. */
    public int frameCount()
    {
        return frameOffset.length;
    }

    /** @param frame frame index. @return its first sequence. */
    public long firstSequence(final int frame)
    {
        return firstSequence[frame];
    }

    /** @param frame frame index. @return its offset in the file. */
    public long frameOffset(final int frame)
    {
        return frameOffset[frame];
    }

    /** @param frame frame index. @return its compressed length. */
    public int compressedLength(final int frame)
    {
        return compressedLength[frame];
    }

    /** @param frame frame index. @return its uncompressed length. */
    public int uncompressedLength(final int frame)
    {
        return uncompressedFrameLength[frame];
    }

    /** @param frame frame index. @return the largest timestamp in it. */
    public long maxTimestamp(final int frame)
    {
        return frameMaxTimestamp[frame];
    }
}
