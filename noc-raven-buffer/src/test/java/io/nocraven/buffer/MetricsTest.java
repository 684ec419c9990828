package io.nocraven.buffer;

import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.StreamStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest
{
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path dir;

    @Test
    void shouldSnapshotCountsSizesTimesDropsAndQuotaTime() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .quotaBytes(8L * SEGMENT).compression(Compression.NONE).build());
            journal.openReader("c");
            long payloadBytes = 0;
            for (long id = 0; id < 3000; id++)
            {
                payloadBytes += Records.payload(id).length;
                Records.append(journal, id);
            }
            journal.commitBatch(true);
            journal.awaitFlushed();
            final StreamStats stats = buffer.stats().get(0);
            assertEquals("s", stats.stream());
            assertEquals(3000, stats.recordsIn());
            assertEquals(payloadBytes, stats.bytesIn());
            assertEquals(journal.catalog().size(), stats.segments());
            assertEquals((long)stats.segments() * SEGMENT, stats.bytesOnDisk());
            assertEquals(3000 - stats.drops().get("quota_evicted"), stats.recordsOnDisk());
            assertEquals(Records.BASE_TIME + 2999, stats.newestTimestamp());
            assertEquals(Records.BASE_TIME + journal.oldestSequence(), stats.oldestTimestamp());
            assertEquals(2999, stats.writtenSequence());
            assertEquals(2999, stats.durableSequence());
            assertEquals(1, stats.consumers().size());
            assertEquals(3000, stats.consumers().get(0).lagRecords());
            assertEquals(journal.oldestSequence(), stats.consumers().get(0).missedRecords());
            assertTrue(stats.ingestBytesPerSec() > 0);
            assertTrue(stats.quotaSecondsLeft() >= 0);
            assertEquals(1.0, stats.compressionRatio());
        }
    }
}
