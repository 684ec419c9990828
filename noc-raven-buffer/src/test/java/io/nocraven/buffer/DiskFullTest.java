package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.AppendStatus;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskFullTest
{
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path dir;

    private static StreamConfig config(final OverflowPolicy policy)
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).overflowPolicy(policy).compression(Compression.NONE)
            .build();
    }

    @Test
    void shouldEvictOldestWhenTheDiskIsFullUnderDropOldest() throws Exception
    {
        final FaultyFileLayer files = new FaultyFileLayer(dir, 5L * SEGMENT);
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0).withFiles(files)))
        {
            final StreamJournal journal = buffer.stream(config(OverflowPolicy.DROP_OLDEST));
            Records.appendAll(journal, 0, 3000);
            assertTrue(files.used() <= 5L * SEGMENT);
            final long evicted = journal.counters().drops(DropReason.DISK_EVICTED);
            assertTrue(evicted > 0);
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(3000 - evicted, records.size());
                records.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
        }
    }

    @Test
    void shouldRejectNewestAndKeepEverythingStoredWhenTheDiskIsFull() throws Exception
    {
        final FaultyFileLayer files = new FaultyFileLayer(dir, 1L << 40);
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0).withFiles(files)))
        {
            final StreamJournal journal = buffer.stream(config(OverflowPolicy.DROP_NEWEST));
            journal.openReader("c");
            Records.appendAll(journal, 0, 200);
            files.failAllPreallocation(true);
            long rejected = 0;
            long id = 200;
            for (; id < 2000; id++)
            {
                if (Records.append(journal, id) == AppendStatus.DROPPED)
                {
                    rejected++;
                }
            }
            assertTrue(rejected > 0);
            assertEquals(rejected, journal.counters().drops(DropReason.DISK_REJECTED));
            files.failAllPreallocation(false);
            assertTrue(Records.append(journal, id) >= 0, "writing resumes when space returns");
            journal.commitBatch(true);
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(2001 - rejected, records.size());
            }
        }
    }

    @Test
    void shouldKeepTheHeadroomFree() throws Exception
    {
        final FaultyFileLayer files = new FaultyFileLayer(dir, 20L * SEGMENT);
        final BufferConfig config = BufferConfig.of(dir).withMinFreeBytes(10L * SEGMENT).withFiles(files);
        try (DurableBuffer buffer = DurableBuffer.open(config))
        {
            final StreamJournal journal = buffer.stream(config(OverflowPolicy.DROP_OLDEST));
            Records.appendAll(journal, 0, 5000);
            assertTrue(files.usableSpace(dir) >= 10L * SEGMENT - 4096, "headroom kept: " + files.usableSpace(dir));
            assertTrue(journal.counters().drops(DropReason.DISK_EVICTED) > 0);
            assertEquals(0, journal.counters().drops(DropReason.DISK_REJECTED));
        }
    }
}
