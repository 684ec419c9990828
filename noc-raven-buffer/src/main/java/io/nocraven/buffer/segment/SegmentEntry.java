package io.nocraven.buffer.segment;

import io.nocraven.buffer.Compression;

import java.nio.file.Path;

/**
 * What a stream knows about one of its segments without reading it: kept in memory for every segment (a few dozen
 * bytes each, so heap use does not grow with the backlog's bytes). Mutable fields are written by the stream's writer
 * or compressor under the catalog's lock and are volatile for lock-free readers.
 */
public final class SegmentEntry
{
    private final long baseSequence;
    private final int capacity;
    private volatile Path path;
    private volatile Compression storage;
    private volatile boolean sealed;
    private volatile int recordCount;
    private volatile long firstTimestamp;
    private volatile long maxTimestamp;
    private volatile long bytesOnDisk;
    private volatile int endOffset;

    /**
     * Describe a segment.
     *
     * @param baseSequence first sequence.
     * @param capacity     uncompressed file length.
     * @param path         current file.
     * @param storage      how it is stored.
     * @param bytesOnDisk  file length on disk.
     */
    public SegmentEntry(
        final long baseSequence, final int capacity, final Path path, final Compression storage, final long bytesOnDisk)
    {
        this.baseSequence = baseSequence;
        this.capacity = capacity;
        this.path = path;
        this.storage = storage;
        this.bytesOnDisk = bytesOnDisk;
    }

    /**
     * Record the sealed summary.
     *
     * @param count     records.
     * @param first     first timestamp.
     * @param max       max timestamp.
     * @param endOffset offset after the end-of-segment record.
     */
    public void seal(final int count, final long first, final long max, final int endOffset)
    {
        this.recordCount = count;
        this.firstTimestamp = first;
        this.maxTimestamp = max;
        this.endOffset = endOffset;
        this.sealed = true;
    }

    /**
     * Update the live summary of the active segment.
     *
     * @param count records so far.
     * @param first first timestamp.
     * @param max   max timestamp so far.
     */
    public void update(final int count, final long first, final long max)
    {
        this.firstTimestamp = first;
        this.maxTimestamp = max;
        this.recordCount = count;
    }

    /**
     * Point the entry at its compressed file.
     *
     * @param newPath    the compressed file.
     * @param newStorage its compression.
     * @param newBytes   its length.
     */
    public void storedAs(final Path newPath, final Compression newStorage, final long newBytes)
    {
        this.path = newPath;
        this.storage = newStorage;
        this.bytesOnDisk = newBytes;
    }

    /** @return first sequence. */
    public long baseSequence()
    {
        return baseSequence;
    }

    /** @return sequence after the last record. */
    public long endSequence()
    {
        return baseSequence + recordCount;
    }

    /** @return uncompressed capacity. */
    public int capacity()
    {
        return capacity;
    }

    /** @return current file. */
    public Path path()
    {
        return path;
    }

    /** @return storage. */
    public Compression storage()
    {
        return storage;
    }

    /** @return true when sealed. */
    public boolean isSealed()
    {
        return sealed;
    }

    /** @return records. */
    public int recordCount()
    {
        return recordCount;
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

    /** @return bytes on disk. */
    public long bytesOnDisk()
    {
        return bytesOnDisk;
    }

    /** @return end offset of a sealed segment. */
    public int endOffset()
    {
        return endOffset;
    }
}
