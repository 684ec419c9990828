package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.AppendStatus;
import io.nocraven.buffer.journal.StreamJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The head of every new segment is written by the segment-start listener, before the record that needed room. */
class SegmentStartListenerTest
{
    private static final int SEGMENT = 16 * 1024;
    private static final int HEAD_TYPE = 2;
    private static final int DATA_TYPE = 1;

    @TempDir
    Path dir;

    @Test
    void shouldStartEverySegmentWithTheListenersRecordsAndKeepRoomForThePendingOne() throws Exception
    {
        final List<Long> bases = new ArrayList<>();
        final List<Long> refused = new ArrayList<>();
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("s").segmentLength(SEGMENT)
                .maxRecordLength(4096).compression(Compression.NONE).build());
            journal.segmentStartListener((j, base, budget) ->
            {
                bases.add(base);
                long r;
                do
                {
                    r = j.append(HEAD_TYPE, 1, new byte[4096], 0, 4096);
                }
                while (r >= 0);
                refused.add(r);
            });
            final byte[] data = new byte[4000];
            for (int i = 0; i < 20; i++)
            {
                assertTrue(journal.append(DATA_TYPE, 1, data, 0, data.length) >= 0, "record " + i);
            }
            journal.commitBatch(true);
            final List<long[]> records = new ArrayList<>();
            try (StreamReader reader = journal.openReaderAt(0))
            {
                reader.poll((sequence, timestamp, type, b, offset, length) -> records.add(new long[] {sequence, type}),
                    1000);
            }
            assertTrue(bases.size() > 2, "segments started: " + bases);
            int dataRecords = 0;
            long segmentBase = -1;
            boolean inHead = false;
            for (final long[] r : records)
            {
                if (bases.contains(r[0]))
                {
                    segmentBase = r[0];
                    inHead = true;
                    assertEquals(HEAD_TYPE, r[1], "the segment starting at " + r[0] + " starts with its head");
                }
                else if (r[1] == HEAD_TYPE)
                {
                    assertTrue(inHead, "head record " + r[0] + " directly after the head of segment " + segmentBase);
                }
                if (r[1] == DATA_TYPE)
                {
                    inHead = false;
                    dataRecords++;
                }
            }
            assertEquals(20, dataRecords, "every pending record fitted after the head");
            for (final long r : refused)
            {
                assertEquals(AppendStatus.TOO_LARGE, r, "the head stops at its budget");
            }
        }
    }
}
