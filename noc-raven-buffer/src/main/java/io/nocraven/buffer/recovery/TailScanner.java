package io.nocraven.buffer.recovery;

import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentHeader;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Verifies every record of one raw segment and, for the last segment of a stream, repairs its tail: everything
 * from the first invalid record (torn write, garbage, stale bytes) to the end of the file is zeroed so the next
 * append starts on clean ground (the same for a segment a roll left unsealed before the last one, before recovery
 * seals it). A segment that ends with a valid end-of-segment record but an unsealed header (a crash between the two
 * writes) gets its header sealed.
 */
final class TailScanner
{
    /** The segment ends with a valid end-of-segment record. */
    static final int SEALED = 1;
    /** The segment has no end marker: valid records end at {@link #endOffset()}. */
    static final int OPEN = 0;

    private static final int ZERO_CHUNK = 64 * 1024;

    private final FileLayer files;
    private final RecoveryReport report;
    private final RecordScanner scanner = new RecordScanner();
    private int recordCount;
    private long firstTimestamp;
    private long maxTimestamp;
    private int endOffset;

    TailScanner(final FileLayer files, final RecoveryReport report)
    {
        this.files = files;
        this.report = report;
    }

    int scan(final Path path, final long base, final SegmentHeader header, final boolean repairTail) throws IOException
    {
        final String name = path.getFileName().toString();
        try (FileChannel channel = files.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            try
            {
                final int status = verify(mapped, base);
                report.verified(recordCount);
                if (RecordScanner.END_OF_SEGMENT == status)
                {
                    if (!header.isSealed())
                    {
                        new SegmentHeader().wrap(mapped).seal(endOffset, recordCount, firstTimestamp, maxTimestamp);
                        mapped.force(0, SegmentDescriptor.HEADER_LENGTH);
                        report.note("sealed header of " + name + " (end marker present)");
                    }
                    return SEALED;
                }
                if (repairTail)
                {
                    final int lastNonZero = lastNonZero(new UnsafeBuffer(mapped), endOffset);
                    if (lastNonZero >= endOffset)
                    {
                        zero(channel, endOffset, mapped.capacity());
                        channel.force(false);
                        report.truncated(name, endOffset, lastNonZero + 1L - endOffset);
                    }
                }
                return OPEN;
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
    }

    private int verify(final ByteBuffer image, final long base)
    {
        scanner.wrap(image, image.capacity(), base);
        recordCount = 0;
        firstTimestamp = 0;
        maxTimestamp = 0;
        int offset = SegmentDescriptor.HEADER_LENGTH;
        while (true)
        {
            final int status = scanner.next(offset, base + recordCount);
            if (RecordScanner.RECORD != status)
            {
                endOffset = RecordScanner.END_OF_SEGMENT == status ? scanner.nextOffset() : offset;
                return status;
            }
            if (0 == recordCount)
            {
                firstTimestamp = scanner.timestamp();
            }
            maxTimestamp = Math.max(maxTimestamp, scanner.timestamp());
            recordCount++;
            offset = scanner.nextOffset();
        }
    }

    private static int lastNonZero(final UnsafeBuffer buffer, final int from)
    {
        int i = buffer.capacity() & -8;
        for (int b = buffer.capacity() - 1; b >= i; b--)
        {
            if (buffer.getByte(b) != 0)
            {
                return b;
            }
        }
        while (i - 8 >= from && buffer.getLong(i - 8) == 0)
        {
            i -= 8;
        }
        for (int b = i - 1; b >= from; b--)
        {
            if (buffer.getByte(b) != 0)
            {
                return b;
            }
        }
        return from - 1;
    }

    private static void zero(final FileChannel channel, final long from, final long to) throws IOException
    {
        final ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
        long position = from;
        while (position < to)
        {
            zeros.clear().limit((int)Math.min(ZERO_CHUNK, to - position));
            position += channel.write(zeros, position);
        }
    }

    boolean isAllZero(final Path path) throws IOException
    {
        try (FileChannel channel = files.open(path, StandardOpenOption.READ))
        {
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            try
            {
                return lastNonZero(new UnsafeBuffer(mapped), 0) < 0;
            }
            finally
            {
                IoUtil.unmap(mapped);
            }
        }
    }

    int recordCount()
    {
        return recordCount;
    }

    long firstTimestamp()
    {
        return firstTimestamp;
    }

    long maxTimestamp()
    {
        return maxTimestamp;
    }

    int endOffset()
    {
        return endOffset;
    }
}
