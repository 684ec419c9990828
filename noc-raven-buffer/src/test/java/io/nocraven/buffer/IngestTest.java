package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.ingest.StreamIngest;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestTest
{
    @TempDir
    Path dir;

    private DurableBuffer open() throws Exception
    {
        return DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0));
    }

    @Test
    void shouldCompleteEveryFutureWithADurableSequenceUnderGroupCommit() throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(64 * 1024)
                .durability(Durability.GROUP_COMMIT).compression(Compression.NONE).ringSize(256).build());
            final StreamIngest ingest = buffer.ingest("s");
            final List<CompletableFuture<Long>> futures = new ArrayList<>();
            final List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 3; p++)
            {
                final int producer = p;
                final Thread thread = new Thread(() ->
                {
                    for (int i = 0; i < 500; i++)
                    {
                        final byte[] bytes = Records.payload(producer * 1000L + i);
                        final CompletableFuture<Long> future = ingest.publishAsync(1, 5, bytes, 0, bytes.length);
                        synchronized (futures)
                        {
                            futures.add(future);
                        }
                    }
                });
                producers.add(thread);
                thread.start();
            }
            for (final Thread thread : producers)
            {
                thread.join();
            }
            final Set<Long> sequences = new HashSet<>();
            for (final CompletableFuture<Long> future : futures)
            {
                final long sequence = future.get(10, TimeUnit.SECONDS);
                assertTrue(sequence >= 0);
                assertTrue(sequence <= journal.durableSequence());
                sequences.add(sequence);
            }
            assertEquals(1500, sequences.size());
            assertTrue(journal.counters().forces() > 0);
        }
    }

    @Test
    void shouldAdvanceTheDurableTicketOnTheFlushTimerWithoutFurtherTraffic() throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(64 * 1024)
                .durability(Durability.PERIODIC).flushIntervalMs(20).compression(Compression.NONE).build());
            final StreamIngest ingest = buffer.ingest("s");
            long ticket = -1;
            for (int i = 0; i < 10; i++)
            {
                final byte[] bytes = Records.payload(i);
                ticket = i % 2 == 0 ?
                    ingest.publish(i % 7, Records.BASE_TIME + i, bytes, 0, bytes.length) :
                    ingest.publish(i % 7, Records.BASE_TIME + i, new UnsafeBuffer(bytes), 0, bytes.length);
            }
            assertTrue(ingest.awaitDurable(ticket, 5000));
            assertEquals(9, journal.durableSequence());
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(10, records.size());
                records.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
        }
    }

    @Test
    void shouldCountAWriterExceptionAndCarryOn() throws Exception
    {
        try (DurableBuffer buffer = open())
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(64 * 1024)
                .compression(Compression.NONE).build());
            final StreamIngest ingest = buffer.ingest("s");
            final byte[] bytes = Records.payload(0);
            final CompletableFuture<Long> bad = ingest.publishAsync(-5, 0, bytes, 0, bytes.length);
            final CompletableFuture<Long> good = ingest.publishAsync(0, Records.BASE_TIME, bytes, 0, bytes.length);
            assertTrue(bad.handle((v, ex) -> ex instanceof IllegalArgumentException).get(5, TimeUnit.SECONDS));
            assertEquals(0, good.get(5, TimeUnit.SECONDS));
            assertEquals(1, ingest.exceptionHandler().errors());
            assertEquals(1, journal.counters().drops(DropReason.WRITER_ERROR));
            try (StreamReader reader = journal.openReaderAt(0))
            {
                assertEquals(1, Records.readAll(reader).size());
            }
        }
    }
}
