package io.nocraven.buffer.recovery;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.compress.CompressedSegmentDescriptor;
import io.nocraven.buffer.compress.CompressedSegmentHeader;
import io.nocraven.buffer.compress.CompressedSegmentIndex;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.segment.CorruptSegmentException;
import io.nocraven.buffer.segment.SegmentAppender;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentHeader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Brings a stream directory to a consistent state on open, following the rules of {@code docs/buffer-format.md}:
 * <ol>
 *   <li>leftover {@code .tmp} files of an interrupted compression are deleted; when a segment exists both raw and
 *   compressed, the compressed copy wins if its index checks, else it is deleted;</li>
 *   <li>sealed segments below the checkpoint, and compressed segments, are trusted from their header CRC (so
 *   opening a large backlog costs one 64-byte header read per segment); every later raw segment is verified
 *   record by record; records of trusted segments, and the seek index of compressed ones, are checked when a reader
 *   reaches them, which quarantines the segment on damage;</li>
 *   <li>a damaged segment that is not the last is quarantined (renamed {@code .corrupt}, its records counted
 *   lost); the last one is truncated at its first invalid record and everything after is zeroed;</li>
 *   <li>a segment before the last one whose header is not sealed and that has no end marker was rolled and the
 *   crash came before the background flusher sealed it: it is truncated like the last one and then sealed (end
 *   marker, sealed header, forced); at most two unsealed segments exist at the tail (the writer waits for the
 *   previous seal before it rolls again), but any number is handled;</li>
 *   <li>nothing here throws for data damage; only I/O failures of the directory itself propagate.</li>
 * </ol>
 * Not thread safe; runs once, before the stream is used.
 */
public final class StreamRecovery
{
    private final FileLayer files;
    private final Path directory;
    private final RecoveryReport report;
    private final List<SegmentEntry> entries = new ArrayList<>();
    private final TailScanner tailScanner;
    private SegmentEntry active;
    private int activePosition;
    private long nextSequence;

    /**
     * Prepare a recovery.
     *
     * @param files     file layer.
     * @param directory stream directory.
     * @param stream    stream name.
     */
    public StreamRecovery(final FileLayer files, final Path directory, final String stream)
    {
        this.files = files;
        this.directory = directory;
        this.report = new RecoveryReport(stream);
        this.tailScanner = new TailScanner(files, report);
    }

    /**
     * Run the recovery.
     *
     * @param verifiedBelow   segments with a base below this are trusted (from the stream checkpoint).
     * @param checkpointNext  next sequence recorded by the checkpoint (keeps sequences monotonic when every
     *                        segment is gone).
     * @return this.
     * @throws IOException when the directory cannot be listed or a file cannot be renamed or deleted.
     */
    public StreamRecovery run(final long verifiedBelow, final long checkpointNext) throws IOException
    {
        final long start = System.nanoTime();
        final TreeMap<Long, Path> segments = collect();
        removeInterruptedCreation(segments);
        long expectedNext = -1;
        for (final Path path : segments.values())
        {
            final boolean isLast = path.equals(segments.lastEntry().getValue());
            final SegmentEntry entry = recoverOne(path, isLast, verifiedBelow);
            if (entry == null)
            {
                continue;
            }
            if (expectedNext > entry.baseSequence())
            {
                quarantine(path, "base sequence " + entry.baseSequence() + " overlaps the previous segment",
                    entry.recordCount());
                if (entry == active)
                {
                    active = null;
                }
                continue;
            }
            if (expectedNext >= 0 && expectedNext < entry.baseSequence())
            {
                report.note("gap of " + (entry.baseSequence() - expectedNext) + " records before " + path.getFileName());
            }
            entries.add(entry);
            expectedNext = entry.endSequence();
        }
        nextSequence = Math.max(Math.max(expectedNext, 0), checkpointNext);
        report.elapsed(System.nanoTime() - start);
        return this;
    }

    private void removeInterruptedCreation(final TreeMap<Long, Path> segments) throws IOException
    {
        while (!segments.isEmpty())
        {
            final Path last = segments.lastEntry().getValue();
            if (!last.getFileName().toString().endsWith(SegmentDescriptor.SEGMENT_SUFFIX))
            {
                return;
            }
            final long size = files.size(last);
            if (SegmentHeader.read(files, last) != null || size > SegmentDescriptor.HEADER_LENGTH && !tailScanner.isAllZero(last))
            {
                return;
            }
            files.delete(last);
            segments.pollLastEntry();
            report.note("removed " + last.getFileName() + " (segment creation interrupted before its header was written)");
        }
    }

    private TreeMap<Long, Path> collect() throws IOException
    {
        final TreeMap<Long, Path> raw = new TreeMap<>();
        final TreeMap<Long, Path> compressed = new TreeMap<>();
        for (final Path path : files.list(directory))
        {
            final String name = path.getFileName().toString();
            if (name.endsWith(CompressedSegmentDescriptor.TEMP_SUFFIX))
            {
                files.delete(path);
                report.removedTemp(name);
                continue;
            }
            final long base = SegmentDescriptor.parseBaseSequence(name);
            final Compression storage = Compression.ofFileName(name);
            if (base >= 0 && storage != null)
            {
                (storage == Compression.NONE ? raw : compressed).put(base, path);
            }
        }
        for (final var entry : compressed.entrySet())
        {
            final Path rawPath = raw.get(entry.getKey());
            if (rawPath != null)
            {
                if (isValidCompressed(entry.getValue()))
                {
                    files.delete(rawPath);
                    report.note("removed " + rawPath.getFileName() + " (compressed copy complete)");
                    raw.put(entry.getKey(), entry.getValue());
                }
                else
                {
                    files.delete(entry.getValue());
                    report.removedTemp(entry.getValue().getFileName().toString());
                }
            }
            else
            {
                raw.put(entry.getKey(), entry.getValue());
            }
        }
        return raw;
    }

    private boolean isValidCompressed(final Path path)
    {
        try
        {
            CompressedSegmentIndex.read(files, path);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private SegmentEntry recoverOne(final Path path, final boolean isLast, final long verifiedBelow) throws IOException
    {
        final String name = path.getFileName().toString();
        final long base = SegmentDescriptor.parseBaseSequence(name);
        final Compression storage = Compression.ofFileName(name);
        final long size = files.size(path);
        if (storage != Compression.NONE)
        {
            final CompressedSegmentHeader header;
            try
            {
                header = CompressedSegmentHeader.read(files, path);
            }
            catch (final CorruptSegmentException ex)
            {
                quarantine(path, ex.getMessage(), 0);
                return null;
            }
            if (header.baseSequence() != base)
            {
                quarantine(path, "base sequence " + header.baseSequence() + " in the header does not match the name", 0);
                return null;
            }
            final SegmentEntry entry = new SegmentEntry(base, header.capacity(), path, storage, size);
            entry.seal(header.recordCount(), header.firstTimestamp(), header.maxTimestamp(), header.uncompressedLength());
            report.trusted();
            return entry;
        }
        final SegmentHeader header = SegmentHeader.read(files, path);
        if (header == null || header.baseSequence() != base)
        {
            quarantine(path, "segment header invalid", 0);
            return null;
        }
        final SegmentEntry entry = new SegmentEntry(base, header.capacity(), path, Compression.NONE, size);
        if (header.isSealed() && base < verifiedBelow)
        {
            entry.seal(header.recordCount(), header.firstTimestamp(), header.maxTimestamp(), header.endOffset());
            report.trusted();
            return entry;
        }
        final boolean rolledUnsealed = !isLast && !header.isSealed();
        final int status = tailScanner.scan(path, base, header, isLast || rolledUnsealed);
        if (TailScanner.SEALED == status)
        {
            entry.seal(tailScanner.recordCount(), tailScanner.firstTimestamp(), tailScanner.maxTimestamp(),
                tailScanner.endOffset());
            return entry;
        }
        if (rolledUnsealed)
        {
            return sealRolled(path, entry, header);
        }
        if (!isLast)
        {
            quarantine(path, "sealed segment damaged at offset " + tailScanner.endOffset(),
                Math.max(tailScanner.recordCount(), header.isSealed() ? header.recordCount() : 0));
            return null;
        }
        entry.update(tailScanner.recordCount(), tailScanner.firstTimestamp(), tailScanner.maxTimestamp());
        active = entry;
        activePosition = tailScanner.endOffset();
        return entry;
    }

    /**
     * A segment before the last one whose header was never sealed and that has no end marker: the writer rolled to
     * the next segment and the crash came before the background flusher forced and sealed it (the records a power
     * loss kept end at the first invalid one, and the tail after it was zeroed). Its valid records are kept: write
     * the end marker and the sealed header there, as the flusher would have.
     */
    private SegmentEntry sealRolled(final Path path, final SegmentEntry entry, final SegmentHeader header)
        throws IOException
    {
        final int count = tailScanner.recordCount();
        try (SegmentAppender appender = SegmentAppender.resume(files, path, entry.baseSequence(), header.capacity(),
            tailScanner.endOffset(), count, tailScanner.firstTimestamp(), tailScanner.maxTimestamp()))
        {
            appender.seal(true);
            entry.seal(count, tailScanner.firstTimestamp(), tailScanner.maxTimestamp(), appender.position());
        }
        report.note("sealed " + path.getFileName() + " after " + count +
            " records (rolled, the crash came before its seal)");
        return entry;
    }

    private void quarantine(final Path path, final String reason, final long lost) throws IOException
    {
        final Path target = path.resolveSibling(path.getFileName() + SegmentDescriptor.QUARANTINE_SUFFIX);
        files.move(path, target);
        report.quarantined(path.getFileName().toString(), reason, lost);
    }

    /** @return recovered segments, oldest first (the active one last). */
    public List<SegmentEntry> entries()
    {
        return entries;
    }

    /** @return the unsealed last segment to continue appending to, or null. */
    public SegmentEntry active()
    {
        return active;
    }

    /** @return offset after the last valid record of the active segment. */
    public int activePosition()
    {
        return activePosition;
    }

    /** @return sequence for the next record. */
    public long nextSequence()
    {
        return nextSequence;
    }

    /** @return the report. */
    public RecoveryReport report()
    {
        return report;
    }
}
