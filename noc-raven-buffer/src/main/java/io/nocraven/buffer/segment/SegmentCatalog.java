package io.nocraven.buffer.segment;

import io.nocraven.buffer.Compression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered list of a stream's segments. Mutations (roll, eviction, quarantine, compression swap) are rare and
 * synchronised; lookups copy nothing but take the same lock, which is uncontended in practice.
 */
public final class SegmentCatalog
{
    private final ArrayList<SegmentEntry> entries = new ArrayList<>();

    /**
     * Append a segment (its base must be above every other).
     *
     * @param entry the segment.
     */
    public synchronized void add(final SegmentEntry entry)
    {
        entries.add(entry);
    }

    /**
     * Remove a segment.
     *
     * @param entry the segment.
     * @return true when it was present.
     */
    public synchronized boolean remove(final SegmentEntry entry)
    {
        return entries.remove(entry);
    }

    /**
     * Point a still-present segment at its compressed file, atomically with respect to eviction.
     *
     * @param entry   the segment.
     * @param path    compressed file.
     * @param storage its compression.
     * @param bytes   its length.
     * @return false when the segment was removed meanwhile (the caller deletes the compressed file).
     */
    public synchronized boolean replaceStorage(
        final SegmentEntry entry, final Path path, final Compression storage,
        final long bytes)
    {
        if (!entries.contains(entry))
        {
            return false;
        }
        entry.storedAs(path, storage, bytes);
        return true;
    }

    /**
     * Whether a segment is still part of the stream.
     *
     * @param entry the segment.
     * @return true when present.
     */
    public synchronized boolean contains(final SegmentEntry entry)
    {
        return entries.contains(entry);
    }

    /** @return oldest segment or null. */
    public synchronized SegmentEntry first()
    {
        return entries.isEmpty() ? null : entries.get(0);
    }

    /**
     * The base sequence of the oldest segment.
     *
     * @param whenEmpty value to return when there is no segment.
     * @return the oldest retained sequence, or {@code whenEmpty}.
     */
    public synchronized long firstSequenceOr(final long whenEmpty)
    {
        return entries.isEmpty() ? whenEmpty : entries.get(0).baseSequence();
    }

    /** @return newest segment or null. */
    public synchronized SegmentEntry last()
    {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1);
    }

    /** @return number of segments. */
    public synchronized int size()
    {
        return entries.size();
    }

    /**
     * The segment holding {@code sequence}, or else the first segment after it (a gap), or null.
     *
     * @param sequence a sequence.
     * @return the segment.
     */
    public synchronized SegmentEntry find(final long sequence)
    {
        for (int i = 0, n = entries.size(); i < n; i++)
        {
            final SegmentEntry entry = entries.get(i);
            final boolean isLast = i == n - 1;
            if (sequence < entry.endSequence() || (isLast && !entry.isSealed()) || sequence < entry.baseSequence())
            {
                return entry;
            }
        }
        return null;
    }

    /**
     * The first segment whose max timestamp is at or after {@code timestampMs} (the active one always qualifies).
     *
     * @param timestampMs epoch ms.
     * @return the segment or null.
     */
    public synchronized SegmentEntry findTime(final long timestampMs)
    {
        for (int i = 0, n = entries.size(); i < n; i++)
        {
            final SegmentEntry entry = entries.get(i);
            if (entry.maxTimestamp() >= timestampMs || (i == n - 1 && !entry.isSealed()))
            {
                return entry;
            }
        }
        return null;
    }

    /** @return a copy of the entries, oldest first. */
    public synchronized List<SegmentEntry> snapshot()
    {
        return new ArrayList<>(entries);
    }

    /** @return total bytes on disk. */
    public synchronized long bytesOnDisk()
    {
        long total = 0;
        for (final SegmentEntry entry : entries)
        {
            total += entry.bytesOnDisk();
        }
        return total;
    }
}
