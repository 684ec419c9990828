package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.AppendStatus;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetentionPolicyTest
{
    private static final int SEGMENT = 16 * 1024;
    private static final long QUOTA = 4L * SEGMENT;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(Records.BASE_TIME);

    private BufferConfig bufferConfig()
    {
        return BufferConfig.of(dir).withMinFreeBytes(0).withClock(now::get);
    }

    private static StreamConfig config(final OverflowPolicy policy)
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).quotaBytes(QUOTA).overflowPolicy(policy)
            .compression(Compression.NONE).build();
    }

    @Test
    void shouldEvictOldestSegmentsAndTellTheLaggingConsumer() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(config(OverflowPolicy.DROP_OLDEST));
            final StreamReader reader = journal.openReader("slow");
            Records.appendAll(journal, 0, 2000);
            assertTrue(journal.catalog().bytesOnDisk() <= QUOTA, "quota held: " + journal.catalog().bytesOnDisk());
            final long evicted = journal.counters().drops(DropReason.QUOTA_EVICTED);
            assertTrue(evicted > 0);
            assertEquals(journal.oldestSequence(), evicted, "every evicted record was unread and counted");
            final List<Records.Read> records = Records.readAll(reader);
            assertEquals(evicted, reader.missedRecords());
            assertEquals(2000 - evicted, records.size());
            assertEquals(evicted, records.get(0).sequence());
            reader.close();
        }
    }

    @Test
    void shouldRejectNewRecordsUnderDropNewestUntilConsumersAcknowledge() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(config(OverflowPolicy.DROP_NEWEST));
            final StreamReader reader = journal.openReader("c");
            long stored = 0;
            long rejected = 0;
            for (long id = 0; id < 2000; id++)
            {
                final long result = Records.append(journal, id);
                if (result >= 0)
                {
                    stored++;
                }
                else
                {
                    assertEquals(AppendStatus.DROPPED, result);
                    rejected++;
                }
            }
            assertTrue(rejected > 0);
            assertEquals(rejected, journal.counters().drops(DropReason.QUOTA_REJECTED));
            assertEquals(0, journal.counters().drops(DropReason.QUOTA_EVICTED));
            journal.commitBatch(true);
            final List<Records.Read> records = Records.readAll(reader);
            assertEquals(stored, records.size(), "what was stored is all still there");
            assertEquals(0, reader.missedRecords());
            reader.ackDelivered();
            assertTrue(Records.append(journal, 5000) >= 0, "acknowledged segments are reclaimed without loss");
        }
    }

    @Test
    void shouldBlockUntilAnAcknowledgementFreesASegment() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(config(OverflowPolicy.BLOCK));
            final StreamReader reader = journal.openReader("c");
            long id = 0;
            long result;
            do
            {
                result = Records.append(journal, id++);
            }
            while (result >= 0 && id < 10_000);
            assertEquals(AppendStatus.WOULD_BLOCK, result);
            assertEquals(0, journal.counters().totalDrops(), "blocking drops nothing");
            assertEquals(AppendStatus.WOULD_BLOCK, Records.append(journal, id - 1));
            journal.commitBatch(true);
            reader.poll((s, t, ty, b, o, l) -> { }, 100);
            reader.ackDelivered();
            assertTrue(Records.append(journal, id - 1) >= 0);
            reader.close();
        }
    }

    @Test
    void shouldExpireSegmentsOlderThanTheMaximumAge() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .maxAgeMs(60_000).compression(Compression.NONE).build());
            Records.appendAll(journal, 0, 500);
            final int segments = journal.catalog().size();
            assertTrue(segments > 3);
            now.set(Records.BASE_TIME + 500 + 60_001);
            journal.maintain(now.get());
            assertEquals(1, journal.catalog().size(), "only the active segment stays");
            assertEquals(journal.oldestSequence(), journal.counters().drops(DropReason.EXPIRED));
        }
    }

    @Test
    void shouldHoldTheQuotaAcrossRestarts() throws Exception
    {
        for (int run = 0; run < 4; run++)
        {
            try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
            {
                final StreamJournal journal = buffer.stream(config(OverflowPolicy.DROP_OLDEST));
                final long next = journal.writtenSequence() + 1;
                assertEquals(run * 700L, next, "sequences continue across restarts");
                Records.appendAll(journal, next, next + 700);
                assertTrue(journal.catalog().bytesOnDisk() <= QUOTA);
            }
        }
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal shrunk = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .quotaBytes(2L * SEGMENT).compression(Compression.NONE).build());
            assertTrue(shrunk.catalog().bytesOnDisk() <= 2L * SEGMENT, "a smaller quota applies at open");
            assertEquals(2800, Records.append(shrunk, 2800));
        }
    }

    @Test
    void shouldHoldTheTotalCapAcrossStreams() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig().withTotalCapBytes(6L * SEGMENT)))
        {
            final StreamJournal a = buffer.stream(StreamConfig.builder("a").segmentLength(SEGMENT)
                .compression(Compression.NONE).build());
            final StreamJournal b = buffer.stream(StreamConfig.builder("b").segmentLength(SEGMENT)
                .compression(Compression.NONE).build());
            for (long id = 0; id < 3000; id++)
            {
                assertTrue(Records.append(a, id) >= 0);
                assertTrue(Records.append(b, id) >= 0);
            }
            assertTrue(buffer.budget().totalBytes() <= 6L * SEGMENT, "cap held: " + buffer.budget().totalBytes());
            assertTrue(a.counters().drops(DropReason.TOTAL_CAP_EVICTED) > 0);
            assertTrue(b.counters().drops(DropReason.TOTAL_CAP_EVICTED) > 0);
        }
    }

    @Test
    void shouldCountRecordsLongerThanTheLimit() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .maxRecordLength(100).build());
            assertEquals(AppendStatus.TOO_LARGE, journal.append(1, 0, new byte[101], 0, 101));
            assertEquals(1, journal.counters().drops(DropReason.TOO_LARGE));
            assertEquals(0, journal.append(1, 0, new byte[100], 0, 100));
        }
    }

}
