package io.nocraven.buffer.journal;

import io.nocraven.buffer.fs.DoubleSlotFile;
import io.nocraven.buffer.metrics.StreamCounters;

import java.io.IOException;

/**
 * The stream checkpoint ({@code stream.checkpoint}): value 0 is the base sequence below which sealed segments are
 * trusted at open, value 1 the next sequence. A failed write is counted, not thrown: the previous slot stays valid,
 * so recovery merely verifies a few more segments. Written by the writer thread (open, close, inline seals) and by
 * the background flusher (its seals), hence synchronised.
 */
final class StreamCheckpoint
{
    private final DoubleSlotFile file;
    private final StreamCounters counters;

    StreamCheckpoint(final DoubleSlotFile file, final StreamCounters counters)
    {
        this.file = file;
        this.counters = counters;
    }

    long verifiedBelow()
    {
        return file.value(0);
    }

    long nextSequence()
    {
        return file.value(1);
    }

    synchronized void write(final long verifiedBelow, final long nextSequence)
    {
        try
        {
            file.write(verifiedBelow, nextSequence);
        }
        catch (final IOException ex)
        {
            counters.onIoError();
        }
    }

    synchronized void close()
    {
        try
        {
            file.close();
        }
        catch (final IOException ex)
        {
            counters.onIoError();
        }
    }
}
