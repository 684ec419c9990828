package io.nocraven.buffer.compress;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentEntry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static io.nocraven.buffer.compress.CompressedSegmentDescriptor.*;

/**
 * Writes one {@link CompressedSegmentDescriptor} file: whole records are gathered into frames of about the target
 * length, each frame compressed on its own, then the index and finally the header are written and forced.
 */
final class CompressedSegmentWriter implements AutoCloseable
{
    private final FileLayer files;
    private final Path path;
    private final FileChannel channel;
    private final Compression codec;
    private final SegmentEntry entry;
    private final int frameTarget;
    private byte[] frame;
    /** Reused for every frame's compressed bytes. */
    private byte[] scratch = new byte[0];
    private ByteBuffer index = ByteBuffer.allocate(64 * INDEX_ENTRY_LENGTH + 4).order(ByteOrder.LITTLE_ENDIAN);
    private int frameLength;
    private int frameCount;
    private long frameFirstSequence = -1;
    private long frameMaxTimestamp = Long.MIN_VALUE;
    private long filePosition = HEADER_LENGTH;
    private boolean abandoned = true;

    CompressedSegmentWriter(
        final FileLayer files, final Path path, final Compression codec, final SegmentEntry entry, final int frameTarget)
        throws IOException
    {
        this.files = files;
        this.path = path;
        this.codec = codec;
        this.entry = entry;
        this.frameTarget = frameTarget;
        this.frame = new byte[frameTarget];
        this.channel = files.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    }

    void add(final RecordScanner record) throws IOException
    {
        final int length = record.nextOffset() - record.offset();
        if (frameLength > 0 && frameLength + length > frameTarget)
        {
            flushFrame();
        }
        if (length > frame.length)
        {
            frame = Arrays.copyOf(frame, length);
        }
        if (frameLength == 0)
        {
            frameFirstSequence = record.sequence();
            frameMaxTimestamp = Long.MIN_VALUE;
        }
        record.buffer().getBytes(record.offset(), frame, frameLength, length);
        frameLength += length;
        frameMaxTimestamp = Math.max(frameMaxTimestamp, record.timestamp());
    }

    private void flushFrame() throws IOException
    {
        final int needed = FrameCodec.scratchLength(codec, frameLength);
        if (scratch.length < needed)
        {
            scratch = new byte[needed];
        }
        final int compressedLength = FrameCodec.compress(codec, frame, frameLength, scratch);
        writeFully(ByteBuffer.wrap(scratch, 0, compressedLength), filePosition);
        if (index.remaining() < INDEX_ENTRY_LENGTH + 4)
        {
            final ByteBuffer bigger = ByteBuffer.allocate(index.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN);
            index.flip();
            bigger.put(index);
            index = bigger;
        }
        index.putLong(frameFirstSequence).putLong(filePosition).putInt(compressedLength).putInt(frameLength)
            .putLong(frameMaxTimestamp);
        filePosition += compressedLength;
        frameCount++;
        frameLength = 0;
    }

    long finish() throws IOException
    {
        if (frameLength > 0)
        {
            flushFrame();
        }
        final int indexLength = index.position();
        index.putInt(CompressedSegmentIndex.crc(index, indexLength));
        index.flip();
        final long indexOffset = filePosition;
        writeFully(index, indexOffset);
        final ByteBuffer header = ByteBuffer.allocate(HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC_OFFSET, MAGIC);
        header.putShort(VERSION_OFFSET, VERSION);
        header.putShort(CODEC_OFFSET, codec == Compression.GZIP ? CODEC_GZIP : CODEC_ZSTD);
        header.putLong(BASE_SEQUENCE_OFFSET, entry.baseSequence());
        header.putInt(RECORD_COUNT_OFFSET, entry.recordCount());
        header.putInt(FRAME_COUNT_OFFSET, frameCount);
        header.putLong(FIRST_TIMESTAMP_OFFSET, entry.firstTimestamp());
        header.putLong(MAX_TIMESTAMP_OFFSET, entry.maxTimestamp());
        header.putInt(UNCOMPRESSED_LENGTH_OFFSET, entry.endOffset());
        header.putInt(CAPACITY_OFFSET, entry.capacity());
        header.putLong(INDEX_OFFSET_OFFSET, indexOffset);
        header.putInt(HEADER_CRC_OFFSET, CompressedSegmentIndex.crc(header, HEADER_CRC_OFFSET));
        writeFully(header, 0);
        channel.force(true);
        abandoned = false;
        return indexOffset + index.limit();
    }

    void abandon()
    {
        abandoned = true;
    }

    private void writeFully(final ByteBuffer buffer, final long position) throws IOException
    {
        long at = position;
        while (buffer.hasRemaining())
        {
            at += channel.write(buffer, at);
        }
    }

    /** {@inheritDoc} */
    @Override
    public void close() throws IOException
    {
        channel.close();
        if (abandoned)
        {
            files.delete(path);
        }
    }
}
