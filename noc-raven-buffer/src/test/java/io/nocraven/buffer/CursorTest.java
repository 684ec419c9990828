package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.ConsumerLag;
import io.nocraven.buffer.metrics.StreamStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CursorTest
{
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path dir;

    private static StreamConfig config()
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).compression(Compression.NONE).build();
    }

    private DurableBuffer open() throws Exception
    {
        return DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0));
    }

    @Test
    void shouldResumeEachConsumerAfterItsLastAcknowledgementAcrossRestarts() throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config());
            Records.appendAll(journal, 0, 500);
            try (StreamReader fast = journal.openReader("fast"); StreamReader slow = journal.openReader("slow"))
            {
                assertEquals(300, fast.poll((s, t, ty, b, o, l) -> { }, 300));
                fast.ackDelivered();
                assertEquals(50, slow.poll((s, t, ty, b, o, l) -> { }, 50));
                slow.ackDelivered();
                assertEquals(10, slow.poll((s, t, ty, b, o, l) -> { }, 10), "read but not acknowledged");
            }
        }
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config());
            try (StreamReader fast = journal.openReader("fast"); StreamReader slow = journal.openReader("slow"))
            {
                final List<Records.Read> fastRecords = Records.readAll(fast);
                assertEquals(300, fastRecords.get(0).sequence());
                assertEquals(200, fastRecords.size());
                final List<Records.Read> slowRecords = Records.readAll(slow);
                assertEquals(50, slowRecords.get(0).sequence(), "at-least-once: the unacknowledged 10 come again");
                assertEquals(450, slowRecords.size());
                slowRecords.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
            final StreamStats stats = buffer.stats().get(0);
            final List<ConsumerLag> lags = new ArrayList<>(stats.consumers());
            lags.sort((a, b) -> a.consumer().compareTo(b.consumer()));
            assertEquals("fast", lags.get(0).consumer());
            assertEquals(200, lags.get(0).lagRecords());
            assertEquals(450, lags.get(1).lagRecords());
            assertEquals(0.45, lags.get(1).lagSeconds(), 1e-9, "newest 499 ms minus acked 49 ms");
        }
    }

    @Test
    void shouldReadFromATimeAndReplayATimeRange() throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config());
            Records.appendAll(journal, 0, 1000);
            assertTrue(journal.catalog().size() > 5);
            try (StreamReader reader = journal.openReaderAt(0))
            {
                reader.seekTime(Records.BASE_TIME + 640);
                assertEquals(640, reader.nextSequence());
                final List<Records.Read> range = new ArrayList<>();
                reader.poll((s, t, ty, b, o, l) ->
                {
                    final byte[] copy = new byte[l];
                    b.getBytes(o, copy);
                    range.add(new Records.Read(s, t, ty, copy));
                }, Integer.MAX_VALUE, Records.BASE_TIME + 700);
                assertEquals(61, range.size());
                assertEquals(700, range.get(60).sequence());
                range.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
            try (StreamReader reader = journal.openReaderAt(0))
            {
                reader.seekTime(Records.BASE_TIME - 5);
                assertEquals(0, reader.nextSequence());
                reader.seekTime(Records.BASE_TIME + 5000);
                assertEquals(1000, reader.nextSequence(), "after the newest record: the end");
            }
        }
    }

    @Test
    void shouldRewindACursorForReplay() throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(config());
            Records.appendAll(journal, 0, 100);
            try (StreamReader reader = journal.openReader("c"))
            {
                Records.readAll(reader);
                reader.ackDelivered();
                assertEquals(99, reader.cursor().ackedSequence());
                reader.cursor().rewind(10);
            }
            try (StreamReader reader = journal.openReader("c"))
            {
                assertEquals(90, Records.readAll(reader).size());
            }
        }
    }
}
