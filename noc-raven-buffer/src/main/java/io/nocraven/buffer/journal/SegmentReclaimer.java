package io.nocraven.buffer.journal;

import io.nocraven.buffer.cursor.CursorRegistry;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.metrics.StreamCounters;
import io.nocraven.buffer.segment.SegmentCatalog;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Removes segments from a stream: eviction (deleting, counting records no consumer had acknowledged as dropped)
 * and quarantine (renaming to {@code .corrupt}). Safe from any thread: removal from the catalog decides who acts.
 */
final class SegmentReclaimer
{
    private final SegmentCatalog catalog;
    private final CursorRegistry cursors;
    private final StreamCounters counters;
    private final FileLayer files;

    SegmentReclaimer(
        final SegmentCatalog catalog, final CursorRegistry cursors, final StreamCounters counters, final FileLayer files)
    {
        this.catalog = catalog;
        this.cursors = cursors;
        this.counters = counters;
        this.files = files;
    }

    SegmentEntry oldestSealed()
    {
        final SegmentEntry first = catalog.first();
        return first != null && first.isSealed() ? first : null;
    }

    boolean isFullyAcknowledged(final SegmentEntry entry)
    {
        return cursors.minAcked() >= entry.endSequence() - 1;
    }

    void evict(final SegmentEntry entry, final DropReason reason)
    {
        if (!catalog.remove(entry))
        {
            return;
        }
        final long unread = entry.endSequence() - Math.max(entry.baseSequence(), cursors.minAcked() + 1);
        counters.onDrop(reason, Math.max(0, unread));
        deleteQuietly(entry.path());
    }

    void quarantine(final SegmentEntry entry, final long firstUnreadable)
    {
        if (!catalog.remove(entry))
        {
            return;
        }
        counters.onQuarantine();
        counters.onDrop(DropReason.CORRUPT, Math.max(0, entry.endSequence() - firstUnreadable));
        final Path path = entry.path();
        try
        {
            files.move(path, path.resolveSibling(path.getFileName() + SegmentDescriptor.QUARANTINE_SUFFIX));
        }
        catch (final IOException ex)
        {
            deleteQuietly(path);
        }
    }

    private void deleteQuietly(final Path path)
    {
        try
        {
            files.delete(path);
        }
        catch (final IOException ex)
        {
            counters.onIoError();
        }
    }
}
