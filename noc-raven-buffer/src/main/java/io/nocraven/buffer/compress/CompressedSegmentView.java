package io.nocraven.buffer.compress;

import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a compressed segment frame by frame: the seek index finds the frame holding a sequence (or a time), only
 * that frame is read and decompressed, and the verifying scanner walks its records. A damaged frame reads as
 * {@link RecordScanner#INVALID}.
 */
public final class CompressedSegmentView implements SegmentView
{
    private final FileChannel channel;
    private final CompressedSegmentIndex index;
    private final RecordScanner scanner = new RecordScanner();
    private byte[] compressed = new byte[0];
    private byte[] frame = new byte[0];
    private int frameIndex = -1;
    private int frameLength;
    private int offset;
    private long position;
    private boolean damaged;

    /**
     * Open a compressed segment.
     *
     * @param files file layer.
     * @param path  the file.
     * @throws IOException when it cannot be opened or its index is invalid.
     */
    public CompressedSegmentView(final FileLayer files, final Path path) throws IOException
    {
        this.index = CompressedSegmentIndex.read(files, path);
        this.channel = files.open(path, StandardOpenOption.READ);
        this.position = index.baseSequence();
        load(0);
    }

    /** @return the segment's index. */
    public CompressedSegmentIndex index()
    {
        return index;
    }

    private void load(final int frameToLoad)
    {
        frameIndex = frameToLoad;
        offset = 0;
        frameLength = 0;
        if (frameToLoad >= index.frameCount() || damaged)
        {
            return;
        }
        try
        {
            final int length = index.compressedLength(frameToLoad);
            if (compressed.length < length)
            {
                compressed = new byte[length];
            }
            final ByteBuffer target = ByteBuffer.wrap(compressed, 0, length);
            while (target.hasRemaining())
            {
                if (channel.read(target, index.frameOffset(frameToLoad) + target.position()) < 0)
                {
                    throw new IOException("compressed segment truncated");
                }
            }
            final int uncompressed = index.uncompressedLength(frameToLoad);
            if (frame.length < uncompressed)
            {
                frame = new byte[uncompressed];
            }
            FrameCodec.decompress(index.codec(), compressed, length, frame, uncompressed);
            frameLength = uncompressed;
            scanner.wrap(ByteBuffer.wrap(frame), uncompressed, index.baseSequence());
            position = index.firstSequence(frameToLoad);
        }
        catch (final IOException ex)
        {
            damaged = true;
        }
    }

    /** {@inheritDoc} */
    @Override
    public int seek(final long sequence)
    {
        int target = 0;
        while (target + 1 < index.frameCount() && index.firstSequence(target + 1) <= sequence)
        {
            target++;
        }
        if (target != frameIndex)
        {
            load(target);
        }
        int status = peek();
        while (position < sequence && RecordScanner.RECORD == status)
        {
            advance();
            status = peek();
        }
        return status;
    }

    /**
     * Skip to the first frame that may hold a timestamp at or after {@code timestampMs}.
     *
     * @param timestampMs epoch ms.
     */
    public void seekFrameByTime(final long timestampMs)
    {
        int target = 0;
        while (target + 1 < index.frameCount() && index.maxTimestamp(target) < timestampMs)
        {
            target++;
        }
        if (target != frameIndex)
        {
            load(target);
        }
    }

    /** {@inheritDoc} */
    @Override
    public int peek()
    {
        if (damaged)
        {
            return RecordScanner.INVALID;
        }
        if (offset >= frameLength)
        {
            if (frameIndex + 1 >= index.frameCount())
            {
                return position == index.baseSequence() + index.recordCount() ?
                    RecordScanner.END_OF_SEGMENT : RecordScanner.INVALID;
            }
            load(frameIndex + 1);
            return peek();
        }
        final int status = scanner.next(offset, position);
        return RecordScanner.RECORD == status ? status : RecordScanner.INVALID;
    }

    /** {@inheritDoc} */
    @Override
    public void advance()
    {
        offset = scanner.nextOffset();
        position++;
    }

    /** {@inheritDoc} */
    @Override
    public long position()
    {
        return position;
    }

    /** @return index of the frame being read (equal to the frame count past the last one). */
    public int frameIndex()
    {
        return frameIndex;
    }

    /** @return offset of the current position in the decompressed frame. */
    public int frameOffset()
    {
        return offset;
    }

    /** {@inheritDoc} */
    @Override
    public RecordScanner scanner()
    {
        return scanner;
    }

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
