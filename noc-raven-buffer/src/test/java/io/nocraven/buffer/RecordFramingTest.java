package io.nocraven.buffer;

import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.segment.RecordDescriptor;
import io.nocraven.buffer.segment.RecordScanner;
import io.nocraven.buffer.segment.SegmentAppender;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordFramingTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheDocumentedRecordLayout() throws Exception
    {
        final Path file = dir.resolve("00000000000000000100.seg");
        final byte[] payload = "hello, raven".getBytes();
        try (SegmentAppender appender = SegmentAppender.create(DefaultFileLayer.INSTANCE, file, 100, 4096, 42, true))
        {
            assertEquals(100, appender.append(3, 1234567L, payload, 0, payload.length));
            assertEquals(101, appender.append(4, 1234568L, payload, 0, 5));
            appender.force();
        }
        final ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(4096, bytes.capacity());
        assertEquals(SegmentDescriptor.MAGIC, bytes.getInt(0));
        assertEquals('R', bytes.get(0));
        assertEquals('N', bytes.get(3));
        assertEquals(1, bytes.getShort(4));
        assertEquals(100, bytes.getLong(8));
        assertEquals(42, bytes.getLong(16));
        final int at = SegmentDescriptor.HEADER_LENGTH;
        assertEquals(24 + payload.length, bytes.getInt(at));
        assertEquals(0, bytes.getInt(at + 8));
        assertEquals(3, bytes.getShort(at + 12));
        assertEquals(0, bytes.getShort(at + 14));
        assertEquals(1234567L, bytes.getLong(at + 16));
        final byte[] stored = new byte[payload.length];
        bytes.get(at + 24, stored);
        assertArrayEquals(payload, stored);
        final CRC32C crc = new CRC32C();
        crc.update(bytes.array(), at + 8, 16 + payload.length);
        assertEquals((int)crc.getValue(), bytes.getInt(at + 4));
        final int second = at + RecordDescriptor.alignedLength(24 + payload.length);
        assertEquals(second % 8, 0);
        assertEquals(29, bytes.getInt(second));
        assertEquals(1, bytes.getInt(second + 8));
        assertEquals(0, bytes.getInt(second + RecordDescriptor.alignedLength(29)));
    }

    @Test
    void shouldScanBackWhatWasWrittenAndStopAtTheZeroLength() throws Exception
    {
        final Path file = dir.resolve("00000000000000000000.seg");
        try (SegmentAppender appender = SegmentAppender.create(DefaultFileLayer.INSTANCE, file, 0, 8192, 1, false))
        {
            for (int i = 0; i < 10; i++)
            {
                final byte[] p = Records.payload(i);
                appender.append(i, 1000 + i, p, 0, p.length);
            }
        }
        final ByteBuffer image = ByteBuffer.wrap(Files.readAllBytes(file));
        final RecordScanner scanner = new RecordScanner().wrap(image, image.capacity(), 0);
        int offset = SegmentDescriptor.HEADER_LENGTH;
        for (int i = 0; i < 10; i++)
        {
            assertEquals(RecordScanner.RECORD, scanner.next(offset, i));
            assertEquals(1000 + i, scanner.timestamp());
            assertEquals(i, scanner.type());
            final byte[] read = new byte[scanner.payloadLength()];
            scanner.buffer().getBytes(scanner.payloadOffset(), read);
            assertArrayEquals(Records.payload(i), read);
            offset = scanner.nextOffset();
        }
        assertEquals(RecordScanner.END_OF_DATA, scanner.next(offset, 10));
        assertEquals(RecordScanner.INVALID, scanner.next(SegmentDescriptor.HEADER_LENGTH, 5), "wrong sequence");
    }

    @Test
    void shouldRejectAFlippedPayloadBitThroughTheCrc() throws Exception
    {
        final Path file = dir.resolve("00000000000000000000.seg");
        try (SegmentAppender appender = SegmentAppender.create(DefaultFileLayer.INSTANCE, file, 0, 4096, 1, true))
        {
            appender.append(1, 5, new byte[100], 0, 100);
        }
        final byte[] bytes = Files.readAllBytes(file);
        bytes[SegmentDescriptor.HEADER_LENGTH + 24 + 50] ^= 0x10;
        final RecordScanner scanner = new RecordScanner().wrap(ByteBuffer.wrap(bytes), bytes.length, 0);
        assertEquals(RecordScanner.INVALID, scanner.next(SegmentDescriptor.HEADER_LENGTH, 0));
    }

    @Test
    void shouldSealWithEndMarkerAndSummary() throws Exception
    {
        final Path file = dir.resolve("00000000000000000007.seg");
        try (SegmentAppender appender = SegmentAppender.create(DefaultFileLayer.INSTANCE, file, 7, 4096, 1, true))
        {
            int appended = 0;
            while (appender.hasRoom(100))
            {
                appender.append(1, 900 + appended, new byte[100], 0, 100);
                appended++;
            }
            assertEquals(31, appended, "(4096 - 64 - 24 end marker) / 128");
            assertFalse(appender.hasRoom(100));
            appender.seal(true);
        }
        final ByteBuffer image = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        final SegmentHeader header = new SegmentHeader().wrap(image);
        assertTrue(header.isValid(4096));
        assertTrue(header.isSealed());
        assertEquals(31, header.recordCount());
        assertEquals(900, header.firstTimestamp());
        assertEquals(930, header.maxTimestamp());
        assertEquals(64 + 31 * 128 + 24, header.endOffset());
        final RecordScanner scanner = new RecordScanner().wrap(image, 4096, 7);
        assertEquals(RecordScanner.END_OF_SEGMENT, scanner.next(64 + 31 * 128, 7 + 31));
    }
}
