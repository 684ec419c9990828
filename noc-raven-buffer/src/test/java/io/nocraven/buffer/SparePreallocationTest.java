package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamDirectoryDescriptor;
import io.nocraven.buffer.journal.StreamJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparePreallocationTest
{
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path dir;

    private Path spare()
    {
        return dir.resolve("streams/s").resolve(StreamDirectoryDescriptor.SPARE_FILE);
    }

    private static boolean awaitExists(final Path path) throws InterruptedException
    {
        for (int i = 0; i < 500 && !Files.exists(path); i++)
        {
            Thread.sleep(10);
        }
        return Files.exists(path);
    }

    @Test
    void shouldAdoptTheBackgroundSpareWhenRollingAndDeleteALeftoverAtOpen() throws Exception
    {
        final StreamConfig config = StreamConfig.builder("s").segmentLength(SEGMENT).compression(Compression.NONE)
            .build();
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config);
            Records.append(journal, 0);
            assertTrue(awaitExists(spare()), "a spare is prepared after the first segment");
            assertEquals(SEGMENT, Files.size(spare()));
            final Object spareInode = Files.getAttribute(spare(), "unix:ino");
            long id = 1;
            while (journal.catalog().size() < 2)
            {
                Records.append(journal, id++);
            }
            assertEquals(spareInode, Files.getAttribute(journal.catalog().last().path(), "unix:ino"),
                "the second segment is the renamed spare");
            assertTrue(awaitExists(spare()), "a new spare is prepared");
            assertEquals(2, journal.catalog().size());
            Records.appendAll(journal, id, id + 2000);
            try (StreamReader reader = journal.openReaderAt(0))
            {
                assertEquals(id + 2000, Records.readAll(reader).size());
            }
        }
        assertFalse(Files.exists(spare()), "close deletes the spare");
        Files.write(spare(), new byte[100]);
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0).withTotalCapBytes(1)))
        {
            final StreamJournal journal = buffer.stream(config);
            assertTrue(journal.recoveryReport().actions().toString().contains(StreamDirectoryDescriptor.SPARE_FILE));
            Thread.sleep(100);
            assertFalse(Files.exists(spare()), "no spare beyond the total cap");
        }
    }
}
