package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.recovery.RecoveryReport;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import io.nocraven.buffer.segment.SegmentHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash at each step of the background seal. The writer fills one segment and rolls; the flusher is held at one
 * device call of its sequence, and the buffer directory is copied then: what a process crash (SIGKILL keeps the page
 * cache) leaves at that point. Two copies are further damaged the way a power loss can: the rolled segment's
 * unforced tail missing, or the new segment's unforced header missing. Every copy must open without quarantine,
 * keep every record that was durable when it was taken, stay in sequence and accept appends.
 * <p>
 * The flusher's device calls with no periodic force before the roll (one per line, numbered as in
 * {@link HeldFileLayer#holdAtCall(int)}):
 * <ol>
 *   <li>{@code force 0 0 64}: the first segment's header (its creation);</li>
 *   <li>{@code sync}: its directory;</li>
 *   <li>{@code force 0 64 N}: after the roll, the rolled segment's records and end marker;</li>
 *   <li>{@code force 0 0 64}: its sealed header (then: unmap, catalog entry sealed, checkpoint, compressor);</li>
 *   <li>{@code force 1 0 64}: the new segment's header;</li>
 *   <li>{@code sync}: its directory.</li>
 * </ol>
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlusherCrashTest
{
    private static final int SEGMENT = 16 * 1024;
    private static final int RECORDS = 150;
    private static final List<String> STEPS =
        List.of("force 0 0 64", "sync", "force 0 64 ", "force 0 0 64", "force 1 0 64", "sync");

    @TempDir
    Path live;

    @TempDir
    Path crashed;

    private static StreamConfig config()
    {
        return StreamConfig.builder("s").segmentLength(SEGMENT).durability(Durability.PERIODIC)
            .compression(Compression.NONE).build();
    }

    private static Path streamDir(final Path root)
    {
        return root.resolve(DurableBuffer.STREAMS_DIRECTORY).resolve("s");
    }

    /** What a crash at one step left, and what the stream had declared durable then. */
    private record Crash(Path root, long durable, long rolledEnd, Path rolled, Path created)
    {
    }

    private Crash crashAt(final int step) throws Exception
    {
        final HeldFileLayer files = new HeldFileLayer();
        files.holdAtCall(step);
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(live).withMinFreeBytes(0).withFiles(files)))
        {
            final StreamJournal journal = buffer.stream(config());
            for (long id = 0; id < RECORDS; id++)
            {
                assertTrue(Records.append(journal, id) >= 0);
            }
            journal.commitBatch(false);
            assertEquals(2, journal.catalog().size(), "one roll");
            final String blocked = files.awaitBlocked();
            assertTrue(blocked.startsWith(STEPS.get(step - 1)), "step " + step + " is " + blocked);
            final SegmentEntry rolled = journal.catalog().first();
            final Crash crash = new Crash(crashed, journal.durableSequence(), rolled.endSequence(), rolled.path(),
                journal.catalog().last().path());
            copy(live, crashed);
            files.release();
            return new Crash(crashed, crash.durable(), crash.rolledEnd(),
                crashed.resolve(live.relativize(crash.rolled())), crashed.resolve(live.relativize(crash.created())));
        }
    }

    private static void copy(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> walk = Files.walk(from))
        {
            for (final Path path : walk.toList())
            {
                final Path target = to.resolve(from.relativize(path));
                if (Files.isDirectory(path))
                {
                    Files.createDirectories(target);
                }
                else if (!path.getFileName().toString().endsWith(".tmp"))
                {
                    Files.copy(path, target);
                }
            }
        }
    }

    /**
     * Open the crashed copy: no quarantine, the rolled segment sealed (in the catalog and on disk), the records
     * present from 0 in sequence except for a gap the damage explains, and appends go on.
     *
     * @return the sequences read.
     */
    private List<Records.Read> recover(final Crash crash) throws Exception
    {
        final List<Records.Read> records;
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(crash.root()).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config());
            final RecoveryReport report = journal.recoveryReport();
            assertEquals(0, report.segmentsQuarantined(), report.toString());
            assertTrue(journal.catalog().first().isSealed(), report.toString());
            assertTrue(SegmentHeader.read(DefaultFileLayer.INSTANCE, crash.rolled()).isSealed(), report.toString());
            try (StreamReader reader = journal.openReaderAt(0))
            {
                records = Records.readAll(reader);
            }
            records.forEach(r -> assertTrue(r.matches(r.sequence()), "record " + r.sequence()));
            for (int i = 1; i < records.size(); i++)
            {
                assertTrue(records.get(i).sequence() > records.get(i - 1).sequence());
            }
            for (long sequence = 0; sequence <= crash.durable(); sequence++)
            {
                assertEquals(sequence, records.get((int)sequence).sequence(), "durable sequence " + sequence + " kept");
            }
            final long next = journal.writtenSequence() + 1;
            assertEquals(next, Records.append(journal, next), "appends go on after the last record");
            journal.commitBatch(true);
        }
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(crash.root()).withMinFreeBytes(0)))
        {
            final RecoveryReport report = buffer.stream(config()).recoveryReport();
            assertTrue(report.isClean(), "a second open finds nothing to repair: " + report);
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void shouldRecoverEverythingAfterAProcessCrashAtEachStep(final int step) throws Exception
    {
        final Crash crash = crashAt(step);
        assertTrue(crash.durable() < (step <= 3 ? 0 : crash.rolledEnd()),
            "nothing declared durable ahead of the flusher: " + crash.durable());
        final List<Records.Read> records = recover(crash);
        assertEquals(RECORDS, records.size(), "the page cache kept everything");
        assertEquals(RECORDS - 1, records.get(RECORDS - 1).sequence());
    }

    @Test
    void shouldSealTheSurvivingPrefixWhenThePowerFailedBeforeTheRolledSegmentWasForced() throws Exception
    {
        final Crash crash = crashAt(3);
        assertEquals(-1, crash.durable());
        final long keep = crash.rolledEnd() / 2;
        final long cut = recordOffset(crash.rolled(), keep);
        try (RandomAccessFile raf = new RandomAccessFile(crash.rolled().toFile(), "rw"))
        {
            // the pages holding the later half of the records and the end marker never reached the device
            raf.seek(cut);
            raf.write(new byte[(int)(SEGMENT - cut)]);
        }
        final List<Records.Read> records = recover(crash);
        assertEquals(keep + RECORDS - crash.rolledEnd(), records.size());
        assertEquals(keep - 1, records.get((int)keep - 1).sequence());
        assertEquals(crash.rolledEnd(), records.get((int)keep).sequence(), "the new segment follows the gap");
    }

    @Test
    void shouldDropANewSegmentWhoseHeaderNeverReachedTheDevice() throws Exception
    {
        final Crash crash = crashAt(5);
        assertEquals(crash.rolledEnd() - 1, crash.durable(), "the rolled segment was sealed and declared durable");
        Files.write(crash.created(), new byte[SEGMENT]);
        final List<Records.Read> records = recover(crash);
        assertEquals(crash.rolledEnd(), records.size(), "what was durable is there, the unforced segment is gone");
        assertFalse(Files.exists(crash.created().resolveSibling(crash.created().getFileName() + ".corrupt")));
    }

    private static long recordOffset(final Path segment, final long index) throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
        int offset = SegmentDescriptor.HEADER_LENGTH;
        for (long i = 0; i < index; i++)
        {
            offset += (bytes.getInt(offset) + 7) & -8;
        }
        return offset;
    }
}
