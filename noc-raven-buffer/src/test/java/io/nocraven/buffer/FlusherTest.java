package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The background flusher of {@link Durability#PERIODIC} streams: the writer returns while a force is held, the
 * durable watermark only moves once the bytes are forced, a roll hands the seal to the flusher in the documented
 * order, retention waits for a seal instead of touching an unsealed segment, close drains, failures are retried.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlusherTest
{
    private static final int SEGMENT = 16 * 1024;

    @TempDir
    Path dir;

    private final HeldFileLayer files = new HeldFileLayer();

    private BufferConfig bufferConfig()
    {
        return BufferConfig.of(dir).withMinFreeBytes(0).withFiles(files);
    }

    private static StreamConfig config()
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).durability(Durability.PERIODIC)
            .compression(Compression.NONE).build();
    }

    private static void append(final StreamJournal journal, final long from, final long to)
    {
        for (long id = from; id < to; id++)
        {
            assertTrue(Records.append(journal, id) >= 0, "append " + id);
        }
    }

    private static long count(final List<String> events, final String prefix)
    {
        return events.stream().filter(e -> e.startsWith(prefix)).count();
    }

    @Test
    void shouldReturnFromCommitWhileTheForceIsHeldAndAdvanceTheWatermarkOnlyAfterIt() throws Exception
    {
        files.holdWhen(e -> e.startsWith("force"));
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(config());
            append(journal, 0, 10);
            journal.commitBatch(true);
            assertEquals("force 0 0 64", files.awaitBlocked(), "the new segment's header force comes first");
            assertEquals(-1, journal.durableSequence());
            append(journal, 10, 20);
            journal.commitBatch(true);
            append(journal, 20, 30);
            journal.commitBatch(true);
            assertEquals(29, journal.writtenSequence(), "the writer went on while the flusher was held");
            assertEquals(-1, journal.durableSequence(), "nothing is durable before it is forced");
            files.release();
            journal.awaitFlushed();
            assertEquals(29, journal.durableSequence());
            List<String> events = files.events();
            assertEquals(List.of("force 0 0 64", "sync"), events.subList(0, 2), events.toString());
            assertEquals(1, count(events, "force 0 64 "), "three requests made while held were coalesced: " + events);

            files.holdWhen(e -> e.startsWith("force 0 ") && !e.startsWith("force 0 0 "));
            append(journal, 30, 40);
            journal.commitBatch(true);
            assertTrue(files.awaitBlocked().startsWith("force 0 "));
            append(journal, 40, 45);
            journal.commitBatch(true);
            assertEquals(29, journal.durableSequence(), "held: the watermark stays");
            files.release();
            journal.awaitFlushed();
            assertEquals(44, journal.durableSequence());
            events = files.events();
            final String[] first = events.get(2).split(" ");
            final String[] second = events.get(3).split(" ");
            assertEquals(Integer.parseInt(first[2]) + Integer.parseInt(first[3]), Integer.parseInt(second[2]),
                "each force starts where the previous one ended: " + events);
        }
    }

    @Test
    void shouldSealARolledSegmentInTheBackgroundInOrder() throws Exception
    {
        files.holdWhen(e -> e.startsWith("force"));
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(config());
            long id = 0;
            while (journal.catalog().size() < 2)
            {
                append(journal, id, id + 10);
                id += 10;
                journal.commitBatch(true);
            }
            append(journal, id, id + 10);
            id += 10;
            journal.commitBatch(true);
            final SegmentEntry rolled = journal.catalog().first();
            assertFalse(rolled.isSealed(), "held: the rolled segment is not sealed yet");
            assertEquals(-1, journal.durableSequence());
            assertFalse(SegmentHeader.read(files, rolled.path()).isSealed(), "nor is its header");
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(id, records.size(), "readers cross the roll at once");
                records.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
            files.release();
            journal.awaitFlushed();
            assertTrue(rolled.isSealed());
            assertTrue(SegmentHeader.read(files, rolled.path()).isSealed());
            assertEquals(id - 1, journal.durableSequence());
            final List<String> events = files.events();
            final int lastOfOld = lastIndex(events, "force 0 ");
            assertEquals("force 0 0 64", events.get(lastOfOld), "the sealed header is forced last: " + events);
            assertTrue(events.get(lastOfOld - 1).startsWith("force 0 ") && !events.get(lastOfOld - 1).startsWith(
                "force 0 0 "), "after the records: " + events);
            final int newHeader = events.indexOf("force 1 0 64");
            assertTrue(newHeader > lastOfOld, "the new segment's header after the old seal: " + events);
            assertEquals("sync", events.get(newHeader + 1), events.toString());
            assertTrue(events.subList(0, newHeader).stream().noneMatch(e -> e.startsWith("force 1 ")),
                "no record of the new segment forced before its header and directory: " + events);
        }
    }

    private static int lastIndex(final List<String> events, final String prefix)
    {
        for (int i = events.size() - 1; i >= 0; i--)
        {
            if (events.get(i).startsWith(prefix))
            {
                return i;
            }
        }
        return -1;
    }

    @Test
    void shouldNotEvictARolledSegmentBeforeTheFlusherSealedIt() throws Exception
    {
        files.holdWhen(e -> e.startsWith("force 0 ") && !e.startsWith("force 0 0 64"));
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig().withTotalCapBytes(SEGMENT + SEGMENT / 2)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .durability(Durability.PERIODIC).overflowPolicy(OverflowPolicy.DROP_OLDEST)
                .compression(Compression.NONE).build());
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final Thread writer = new Thread(() ->
            {
                try
                {
                    append(journal, 0, 200);
                    journal.commitBatch(true);
                }
                catch (final Throwable ex)
                {
                    failure.set(ex);
                }
            });
            writer.start();
            files.awaitBlocked();
            writer.join(300);
            assertTrue(writer.isAlive(), "the roll waits for the seal of the segment it must evict");
            final SegmentEntry rolled = journal.catalog().first();
            assertFalse(rolled.isSealed());
            assertTrue(Files.exists(rolled.path()), "not deleted while unsealed");
            assertEquals(0, journal.counters().drops(DropReason.TOTAL_CAP_EVICTED));
            files.release();
            writer.join(10_000);
            assertFalse(writer.isAlive());
            assertNull(failure.get());
            final long evicted = journal.counters().drops(DropReason.TOTAL_CAP_EVICTED);
            assertTrue(evicted > 0);
            assertFalse(Files.exists(rolled.path()), "evicted once sealed");
            try (StreamReader reader = journal.openReaderAt(0))
            {
                final List<Records.Read> records = Records.readAll(reader);
                assertEquals(200 - evicted, records.size());
                records.forEach(r -> assertTrue(r.matches(r.sequence())));
            }
        }
    }

    @Test
    void shouldDrainAtClose() throws Exception
    {
        files.holdWhen(e -> e.startsWith("force"));
        final DurableBuffer buffer = DurableBuffer.open(bufferConfig());
        final StreamJournal journal = buffer.stream(config());
        append(journal, 0, 150);
        assertEquals(2, journal.catalog().size(), "one roll, its seal queued behind the held header force");
        journal.commitBatch(true);
        files.awaitBlocked();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread closer = new Thread(() ->
        {
            try
            {
                buffer.close();
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        });
        closer.start();
        closer.join(300);
        assertTrue(closer.isAlive(), "close waits for the flusher");
        files.release();
        closer.join(10_000);
        assertFalse(closer.isAlive());
        assertNull(failure.get());
        assertEquals(149, journal.durableSequence());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
            .noneMatch(t -> t.getName().equals("noc-raven-buffer-flusher") && t.isAlive()), "flusher stopped");
        try (DurableBuffer reopened = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal again = reopened.stream(config());
            assertTrue(again.recoveryReport().isClean(), again.recoveryReport().toString());
            assertEquals(149, again.durableSequence());
            assertTrue(again.catalog().first().isSealed());
            try (StreamReader reader = again.openReaderAt(0))
            {
                assertEquals(150, Records.readAll(reader).size());
            }
        }
    }

    @Test
    void shouldRetryAFailedForceAndHoldTheWatermarkUntilItSucceeds() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(config());
            append(journal, 0, 10);
            journal.commitBatch(true);
            journal.awaitFlushed();
            assertEquals(9, journal.durableSequence());
            files.failNext(2);
            append(journal, 10, 20);
            journal.commitBatch(true);
            Thread.sleep(50);
            assertEquals(9, journal.durableSequence(), "a failed force does not advance the watermark");
            journal.awaitFlushed();
            assertEquals(19, journal.durableSequence(), "retried until it succeeded");
            assertEquals(2, journal.counters().ioErrors());
            append(journal, 20, 300);
            journal.commitBatch(true);
            journal.awaitFlushed();
            assertEquals(299, journal.durableSequence(), "the flusher carries on, across rolls");
            assertEquals(2, journal.counters().ioErrors());
        }
    }

    @Test
    void shouldKeepForcingInlineInGroupCommitMode() throws Exception
    {
        files.holdWhen(e -> e.startsWith("force") && !Thread.currentThread().getName().equals("main") &&
            Thread.currentThread().getName().startsWith("noc-raven-buffer-flusher"));
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig()))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .durability(Durability.GROUP_COMMIT).compression(Compression.NONE).build());
            append(journal, 0, 300);
            journal.commitBatch(true);
            assertEquals(299, journal.durableSequence(), "durable when commitBatch returns");
            assertTrue(journal.catalog().first().isSealed(), "sealed inline");
        }
    }
}
