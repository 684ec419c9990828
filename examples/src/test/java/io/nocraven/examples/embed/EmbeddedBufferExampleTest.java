package io.nocraven.examples.embed;

import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.ConsumerLag;
import io.nocraven.buffer.metrics.StreamStats;
import io.nocraven.examples.embed.EmbeddedBufferExample.StoredRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.nocraven.examples.embed.EmbeddedBufferExample.CONSUMER;
import static io.nocraven.examples.embed.EmbeddedBufferExample.STREAM;
import static io.nocraven.examples.embed.EmbeddedBufferExample.bufferConfig;
import static io.nocraven.examples.embed.EmbeddedBufferExample.streamConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedBufferExampleTest
{
    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 2_500;

    @TempDir
    Path directory;

    @Test
    void shouldReadBackEveryRecordInOrderWithItsPayloadAfterReopen() throws Exception
    {
        final ByteArrayOutputStream log = new ByteArrayOutputStream();
        final List<StoredRecord> read = EmbeddedBufferExample.run(directory, PRODUCERS, PER_PRODUCER,
            new PrintStream(log, true, StandardCharsets.UTF_8));

        assertEquals(PRODUCERS * PER_PRODUCER, read.size());
        final int[] nextCounter = new int[PRODUCERS];
        for (int i = 0; i < read.size(); i++)
        {
            final StoredRecord r = read.get(i);
            // Sequences are contiguous from 0: nothing lost, nothing read twice.
            assertEquals(i, r.sequence(), "record " + i);
            // Each producer's records keep the order it published them in, with the exact payload.
            final int producer = r.type();
            assertEquals(EmbeddedBufferExample.payload(producer, nextCounter[producer]), r.payload(), "record " + i);
            nextCounter[producer]++;
        }
        for (int p = 0; p < PRODUCERS; p++)
        {
            assertEquals(PER_PRODUCER, nextCounter[p], "records of producer " + p);
        }

        final String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("run 2: " + CONSUMER + " read and acknowledged 5000 records"), text);
        assertTrue(text.contains("run 3: " + CONSUMER + " resumes after sequence 4999"), text);
        assertTrue(text.contains("run 3: " + CONSUMER + " read and acknowledged 5000 more records"), text);

        // The demo's small segments: the records span several segment files (raw or already compressed).
        try (Stream<Path> files = Files.list(directory.resolve(DurableBuffer.STREAMS_DIRECTORY).resolve(STREAM)))
        {
            final long segments = files.map(f -> f.getFileName().toString())
                .filter(n -> n.endsWith(".seg") || n.endsWith(".zst")).count();
            assertTrue(segments >= 2, "segment files: " + segments);
        }

        // Metrics after a fourth open: everything retained, nothing dropped, the consumer fully caught up.
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            buffer.stream(streamConfig());
            final StreamStats stats = buffer.stats().get(0);
            assertEquals(STREAM, stats.stream());
            assertEquals(PRODUCERS * PER_PRODUCER, stats.recordsOnDisk());
            assertEquals(PRODUCERS * PER_PRODUCER - 1, stats.durableSequence());
            assertTrue(stats.drops().values().stream().allMatch(n -> n == 0), stats.drops().toString());
            final ConsumerLag lag = stats.consumers().get(0);
            assertEquals(CONSUMER, lag.consumer());
            assertEquals(PRODUCERS * PER_PRODUCER - 1, lag.ackedSequence());
            assertEquals(0, lag.lagRecords());
            assertEquals(0, lag.missedRecords());
        }
    }

    @Test
    void shouldKeepEachNamedCursorAcrossReopen() throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            buffer.stream(streamConfig());
            assertEquals(200, EmbeddedBufferExample.produce(buffer.ingest(STREAM), 2, 100));
            final List<StoredRecord> first = EmbeddedBufferExample.readAndAcknowledge(buffer.stream(STREAM), CONSUMER, 50);
            assertEquals(0, first.get(0).sequence());
            assertEquals(49, first.get(49).sequence());
        }

        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            final StreamJournal journal = buffer.stream(streamConfig());
            assertEquals(49, journal.cursors().cursor(CONSUMER, -1).ackedSequence());
            final List<StoredRecord> next = EmbeddedBufferExample.readAndAcknowledge(journal, CONSUMER, 10);
            assertEquals(List.of(50L, 51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L),
                next.stream().map(StoredRecord::sequence).toList());
            // A consumer with another name has its own cursor, starting at the oldest record.
            assertEquals(0, EmbeddedBufferExample.readAndAcknowledge(journal, "auditor", 1).get(0).sequence());
        }

        try (DurableBuffer buffer = DurableBuffer.open(bufferConfig(directory)))
        {
            final StreamJournal journal = buffer.stream(streamConfig());
            assertEquals(59, journal.cursors().cursor(CONSUMER, -1).ackedSequence());
            assertEquals(0, journal.cursors().cursor("auditor", -1).ackedSequence());
            final List<StoredRecord> rest = EmbeddedBufferExample.readAndAcknowledge(journal, CONSUMER, Integer.MAX_VALUE);
            assertEquals(140, rest.size());
            assertEquals(60, rest.get(0).sequence());
            assertEquals(199, rest.get(139).sequence());
        }
    }
}
