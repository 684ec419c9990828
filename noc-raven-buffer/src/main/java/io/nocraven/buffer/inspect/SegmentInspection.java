package io.nocraven.buffer.inspect;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.compress.CompressedSegmentIndex;
import io.nocraven.buffer.compress.CompressedSegmentView;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.RawSegmentView;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentHeader;
import io.nocraven.buffer.segment.SegmentView;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one segment file without changing it: summary, full verification, and a catalog entry for reading.
 */
final class SegmentInspection
{
    private final FileLayer files;

    SegmentInspection(final FileLayer files)
    {
        this.files = files;
    }

    SegmentSummary summarise(final Path path) throws IOException
    {
        final String name = path.getFileName().toString();
        final long base = SegmentDescriptor.parseBaseSequence(name);
        final long size = files.size(path);
        if (name.endsWith(SegmentDescriptor.QUARANTINE_SUFFIX))
        {
            return new SegmentSummary(name, base, null, "quarantined", 0, size, 0, 0, 0);
        }
        final SegmentEntry entry = entry(path);
        if (entry == null)
        {
            return new SegmentSummary(name, base, null, "invalid", 0, size, 0, 0, 0);
        }
        final String state = entry.storage() != Compression.NONE ? "compressed" : entry.isSealed() ? "sealed" : "active";
        return new SegmentSummary(name, base, entry.storage(), state, entry.recordCount(), size, entry.endOffset(),
            entry.firstTimestamp(), entry.maxTimestamp());
    }

    SegmentEntry entry(final Path path) throws IOException
    {
        final String name = path.getFileName().toString();
        final long base = SegmentDescriptor.parseBaseSequence(name);
        final Compression storage = Compression.ofFileName(name);
        if (storage == null)
        {
            return null;
        }
        final long size = files.size(path);
        if (storage != Compression.NONE)
        {
            if (!BufferInspector.isCompressedIndexValid(files, path))
            {
                return null;
            }
            final CompressedSegmentIndex index = CompressedSegmentIndex.read(files, path);
            final SegmentEntry entry = new SegmentEntry(base, index.capacity(), path, storage, size);
            entry.seal(index.recordCount(), index.firstTimestamp(), index.maxTimestamp(), index.uncompressedLength());
            return entry;
        }
        final SegmentHeader header = SegmentHeader.read(files, path);
        if (header == null || header.baseSequence() != base)
        {
            return null;
        }
        final SegmentEntry entry = new SegmentEntry(base, header.capacity(), path, Compression.NONE, size);
        if (header.isSealed())
        {
            entry.seal(header.recordCount(), header.firstTimestamp(), header.maxTimestamp(), header.endOffset());
            return entry;
        }
        try (RawSegmentView view = new RawSegmentView(files, path, base))
        {
            long first = 0;
            long max = 0;
            int count = 0;
            while (RecordScanner.RECORD == view.peek())
            {
                first = count == 0 ? view.scanner().timestamp() : first;
                max = Math.max(max, view.scanner().timestamp());
                count++;
                view.advance();
            }
            entry.update(count, first, max);
        }
        return entry;
    }

    /**
     * Verify every record of one segment file.
     *
     * @param path       the file.
     * @param isLast     true for the stream's newest segment (the active one may end without an end marker).
     * @param writerLive true when a writer holds the buffer: bytes after the last committed record of the newest
     *                   segment may be a record being written, so they are not reported as damage.
     */
    SegmentVerification verify(final Path path, final boolean isLast, final boolean writerLive) throws IOException
    {
        final String name = path.getFileName().toString();
        if (name.endsWith(SegmentDescriptor.QUARANTINE_SUFFIX))
        {
            return new SegmentVerification(name, 0, false, "quarantined (isolated by the writer, not read)");
        }
        final SegmentEntry entry = entry(path);
        if (entry == null)
        {
            return new SegmentVerification(name, 0, false, Compression.ofFileName(name) == Compression.NONE ?
                "segment header invalid (magic, CRC or base sequence in bytes 0-63)" :
                invalidIndexDetail(path));
        }
        try (SegmentView view = entry.storage() == Compression.NONE ?
            new RawSegmentView(files, path, entry.baseSequence()) : new CompressedSegmentView(files, path))
        {
            long valid = 0;
            int status = view.peek();
            while (RecordScanner.RECORD == status)
            {
                valid++;
                view.advance();
                status = view.peek();
            }
            if (RecordScanner.END_OF_SEGMENT == status)
            {
                if (entry.isSealed() && valid != entry.recordCount())
                {
                    return new SegmentVerification(name, valid, false, "header says " + entry.recordCount() +
                        " records, found " + valid);
                }
                return new SegmentVerification(name, valid, true, "");
            }
            if (RecordScanner.END_OF_DATA == status && view instanceof RawSegmentView)
            {
                final RawSegmentView raw = (RawSegmentView)view;
                final int stale = firstNonZero(raw.scanner().buffer(), raw.offset());
                if (stale < 0 || (isLast && writerLive))
                {
                    return new SegmentVerification(name, valid, isLast, isLast ? "" : "no end marker (not the last segment)");
                }
                return new SegmentVerification(name, valid, false, "non-zero bytes after the last record at offset " + stale);
            }
            if (view instanceof RawSegmentView)
            {
                return new SegmentVerification(name, valid, false, "invalid record (CRC, length or sequence) at sequence " +
                    view.position() + ", offset " + ((RawSegmentView)view).offset());
            }
            final CompressedSegmentView compressed = (CompressedSegmentView)view;
            final int frame = compressed.frameIndex();
            return new SegmentVerification(name, valid, false, "invalid record or frame at sequence " + view.position() +
                (frame < compressed.index().frameCount() ? ", frame " + frame + " (file offset " +
                compressed.index().frameOffset(frame) + ", uncompressed offset " + compressed.frameOffset() + ")" :
                " (after the last frame: the index promises more records)"));
        }
    }

    private String invalidIndexDetail(final Path path)
    {
        try
        {
            CompressedSegmentIndex.read(files, path);
            return "compressed header or index invalid";
        }
        catch (final IOException ex)
        {
            return ex.getMessage();
        }
    }

    private static int firstNonZero(final UnsafeBuffer buffer, final int from)
    {
        for (int i = from; i < buffer.capacity(); i++)
        {
            if (buffer.getByte(i) != 0)
            {
                return i;
            }
        }
        return -1;
    }

}
