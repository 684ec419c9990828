package io.nocraven.buffer;

import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.fs.DoubleSlotFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoubleSlotFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAlternateSlotsAndKeepTheNewestGeneration() throws Exception
    {
        final Path path = dir.resolve("c");
        try (DoubleSlotFile file = DoubleSlotFile.open(DefaultFileLayer.INSTANCE, path, false))
        {
            assertFalse(file.isValid());
            file.write(10, 11);
            file.write(20, 21);
            file.write(30, 31);
        }
        assertEquals(128, Files.size(path));
        try (DoubleSlotFile file = DoubleSlotFile.open(DefaultFileLayer.INSTANCE, path, true))
        {
            assertTrue(file.isValid());
            assertEquals(3, file.generation());
            assertEquals(30, file.value(0));
            assertEquals(31, file.value(1));
        }
    }

    @Test
    void shouldFallBackToThePreviousSlotWhenTheNewestIsTorn() throws Exception
    {
        final Path path = dir.resolve("c");
        try (DoubleSlotFile file = DoubleSlotFile.open(DefaultFileLayer.INSTANCE, path, false))
        {
            file.write(1);
            file.write(2);
        }
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw"))
        {
            raf.seek(0 + 20);
            raf.write(0x5A);
        }
        try (DoubleSlotFile file = DoubleSlotFile.open(DefaultFileLayer.INSTANCE, path, false))
        {
            assertEquals(1, file.generation());
            assertEquals(1, file.value(0));
            file.write(3);
            assertEquals(3, file.value(0));
        }
        try (DoubleSlotFile file = DoubleSlotFile.open(DefaultFileLayer.INSTANCE, path, true))
        {
            assertEquals(2, file.generation());
            assertEquals(3, file.value(0));
        }
    }
}
