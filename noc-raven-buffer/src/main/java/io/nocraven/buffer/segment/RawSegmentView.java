package io.nocraven.buffer.segment;

import io.nocraven.buffer.fs.FileLayer;
import org.agrona.IoUtil;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only mapping of an uncompressed segment owned by one reader, so that the writer unmapping or the
 * compressor deleting the file never invalidates memory the reader is using.
 */
public final class RawSegmentView implements SegmentView
{
    private final MappedByteBuffer mapped;
    private final RecordScanner scanner = new RecordScanner();
    private int offset = SegmentDescriptor.HEADER_LENGTH;
    private long position;

    /**
     * Map a segment file read-only.
     *
     * @param files        file layer.
     * @param path         the file.
     * @param baseSequence its base sequence.
     * @throws CorruptSegmentException when its length cannot be a segment (damage).
     * @throws IOException              when it cannot be opened (deleted meanwhile, for example).
     */
    public RawSegmentView(final FileLayer files, final Path path, final long baseSequence) throws IOException
    {
        try (FileChannel channel = files.open(path, StandardOpenOption.READ))
        {
            final long size = channel.size();
            if (size < SegmentDescriptor.HEADER_LENGTH || size > Integer.MAX_VALUE)
            {
                throw new CorruptSegmentException("segment file length " + size + " out of range: " + path);
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        scanner.wrap(mapped, mapped.capacity(), baseSequence);
        position = baseSequence;
    }

    /** {@inheritDoc} */
    @Override
    public int seek(final long sequence)
    {
        int status = peek();
        while (position < sequence && RecordScanner.RECORD == status)
        {
            advance();
            status = peek();
        }
        return status;
    }

    /** {@inheritDoc} */
    @Override
    public int peek()
    {
        return scanner.next(offset, position);
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

    /** {@inheritDoc} */
    @Override
    public RecordScanner scanner()
    {
        return scanner;
    }

    /** @return byte offset of the current position. */
    public int offset()
    {
        return offset;
    }

    /** {@inheritDoc} */
    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
