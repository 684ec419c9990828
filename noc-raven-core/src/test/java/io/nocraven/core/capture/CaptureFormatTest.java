package io.nocraven.core.capture;

import io.nocraven.testing.Captures;
import io.nocraven.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static io.nocraven.core.capture.Packets.T0;
import static io.nocraven.core.capture.Packets.endpoint;
import static io.nocraven.core.capture.Packets.read;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaptureFormatTest
{
    private static final byte[] PACKET = PcapWriter.udpPacket(endpoint("192.0.2.1", 5000), endpoint("192.0.2.2", 514), new byte[] {1, 2, 3},
        0, 3);

    @Test
    void shouldReadTheEditcapPcapngConversionsAsTheOriginalPcaps()
    {
        assertSameDatagrams("/fixtures/netflow/softflowd_v9.pcap", "/fixtures/capture/softflowd_v9.pcapng");
        assertEquals(Captures.tcpStreams("/fixtures/syslog/logger_rfc5424_tcp_octet.pcap").toString(),
            Captures.tcpStreams("/fixtures/capture/logger_rfc5424_tcp_octet.pcapng").toString());
        assertArrayEquals(Captures.tcpStreams("/fixtures/syslog/logger_rfc5424_tcp_octet.pcap").get(2).bytes(),
            Captures.tcpStreams("/fixtures/capture/logger_rfc5424_tcp_octet.pcapng").get(2).bytes());
    }

    @Test
    void shouldReadTheEditcapNanosecondConversionAsTheOriginalPcap()
    {
        assertSameDatagrams("/fixtures/syslog/logger_rfc5424_udp.pcap", "/fixtures/capture/logger_rfc5424_udp.nsec.pcap");
    }

    @Test
    void shouldKeepNanosecondsOfANanosecondPcapAndWriteMicrosecondsTruncated() throws IOException
    {
        final long ts = 1_700_000_000_123_456_789L;
        for (final boolean nanos : new boolean[] {true, false})
        {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PcapWriter writer = new PcapWriter(out, LinkType.RAW, nanos))
            {
                writer.writeFrame(ts, PACKET, 0, PACKET.length);
            }
            assertEquals(nanos ? ts : ts - 789, (long)read(out.toByteArray()).udpTimes.get(0));
        }
    }

    @Test
    void shouldReadBigEndianClassicPcap()
    {
        final byte[] little = Packets.pcap(LinkType.RAW, PACKET, PACKET);
        final byte[] big = little.clone();
        swap(big, 0, 4);
        swap(big, 4, 2);
        swap(big, 6, 2);
        for (int at = 8; at < 24; at += 4)
        {
            swap(big, at, 4);
        }
        for (int at = 24; at < big.length; at += 16 + PACKET.length)
        {
            for (int k = 0; k < 16; k += 4)
            {
                swap(big, at + k, 4);
            }
        }
        final Packets.Recorded r = read(big);
        assertEquals(List.of("udp 192.0.2.1:5000 > 192.0.2.2:514 3", "udp 192.0.2.1:5000 > 192.0.2.2:514 3"), r.events);
        assertEquals(List.of(T0, T0 + 1000), r.udpTimes);
    }

    @Test
    void shouldReadPcapngInBothByteOrdersWithSeveralSectionsInterfacesAndPacketBlocks()
    {
        final byte[] ethernet = Packets.concat(new byte[12], Packets.bytes(0x08, 0x00), PACKET);
        final byte[] capture = new PcapngBuilder()
            .section(ByteOrder.LITTLE_ENDIAN)
            .iface(LinkType.RAW, 0, -1, 0)
            .other(4, 16)
            .iface(LinkType.ETHERNET, 0, 9, 0)
            .epb(0, 1_700_000_000_000_001L, PACKET)
            .epb(1, 1_700_000_000_000_000_002L, ethernet)
            .other(5, 24)
            .other(0xBAD, 8)
            .section(ByteOrder.BIG_ENDIAN)
            .iface(LinkType.RAW, 64, 0x80 | 20, 10)
            .epb(0, (1_700_000_000L << 20) | (1 << 19), PACKET)
            .spb(PACKET.length, PACKET)
            .opb(0, 3L << 20, PACKET)
            .build();
        final Packets.Recorded r = read(capture);
        assertEquals(5, r.events.size(), r.events.toString());
        assertEquals(List.of(1_700_000_000_000_001_000L, 1_700_000_000_000_000_002L, 1_700_000_010_500_000_000L, 0L, 13_000_000_000L),
            r.udpTimes);
        assertEquals(5, r.stats.frames());
    }

    @Test
    void shouldCutSimplePacketsAtTheInterfaceSnapLength()
    {
        final byte[] capture = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW, 24, -1, 0)
            .spb(PACKET.length, PACKET).build();
        final Packets.Recorded r = read(capture);
        assertEquals(List.of(), r.events);
        assertEquals(1, r.stats.truncatedFrames());
    }

    @Test
    void shouldConvertPcapngTimestampResolutions()
    {
        assertEquals(1_000_000_000L, PcapngFormat.toNanos(1_000_000L, 6, 0));
        assertEquals(1_000_000_000L, PcapngFormat.toNanos(1_000_000_000L, 9, 0));
        assertEquals(1_000_000_000L, PcapngFormat.toNanos(1_000L, 3, 0));
        assertEquals(1_000_000_000L, PcapngFormat.toNanos(1L, 0, 0));
        assertEquals(1_000_000_000L, PcapngFormat.toNanos(1_000_000_000_000L, 12, 0));
        assertEquals(1_500_000_000L, PcapngFormat.toNanos(3L, 0x81, 0));
        assertEquals(2_000_000_000L + 999_999_999L, PcapngFormat.toNanos((2L << 30) | ((1L << 30) - 1), 0x80 | 30, 0));
        assertEquals(1_700_000_000_250_000_000L, PcapngFormat.toNanos((1_700_000_000L << 32) | (1L << 30), 0x80 | 32, 0));
        assertEquals(3_000_000_000L, PcapngFormat.toNanos(1_000_000L, 6, 2));
        assertEquals(-1_000_000_000L, PcapngFormat.toNanos(0L, 6, -1));
    }

    @Test
    void shouldDeliverEveryPacketBeforeATruncatedRecordThenNameTheFileAndOffset(@TempDir final Path dir) throws IOException
    {
        final byte[] whole = Fixtures.bytes("/fixtures/netflow/softflowd_v5.pcap");
        // tshark -r softflowd_v5.pcap: 14 frames; record i starts after the 24-byte header and the records before it.
        int offset = 24;
        for (int i = 0; i < 5; i++)
        {
            offset += 16 + ByteBuffer.wrap(whole, offset + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        final Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(whole, offset + 16 + 40));
        final Packets.Recorded r = new Packets.Recorded();
        final CaptureFormatException ex = assertThrows(CaptureFormatException.class, () -> CaptureReader.read(cut, r));
        assertEquals(offset, ex.offset());
        assertEquals(cut, ex.file());
        assertTrue(ex.getMessage().startsWith(cut + ": offset " + offset + ": truncated packet record: 56 of "), ex.getMessage());
        assertEquals(5, r.udpPayloads.size());
        assertArrayEquals(Captures.udpPayloads("/fixtures/netflow/softflowd_v5.pcap").get(4), r.udpPayloads.get(4));

        Files.write(cut, Arrays.copyOf(whole, offset + 10));
        final CaptureFormatException header = assertThrows(CaptureFormatException.class,
            () -> CaptureReader.read(cut, new Packets.Recorded()));
        assertEquals(cut + ": offset " + offset + ": truncated packet record header: 10 of 16 bytes", header.getMessage());
    }

    @Test
    void shouldNameTheBlockOfATruncatedOrInconsistentPcapng()
    {
        final byte[] whole = Fixtures.bytes("/fixtures/capture/softflowd_v9.pcapng");
        final CaptureFormatException cut = assertThrows(CaptureFormatException.class,
            () -> CaptureReader.read(Arrays.copyOf(whole, whole.length - 3), Path.of("v9.pcapng"), new Packets.Recorded()));
        assertTrue(cut.getMessage().matches("v9\\.pcapng: offset \\d+: truncated block: \\d+ of \\d+ bytes"), cut.getMessage());

        final byte[] badTrailer = new PcapngBuilder().section(ByteOrder.LITTLE_ENDIAN).iface(LinkType.RAW, 0, -1, 0).epb(0, 0, PACKET)
            .build();
        badTrailer[badTrailer.length - 4]++;
        final CaptureFormatException trailer = assertThrows(CaptureFormatException.class,
            () -> CaptureReader.read(badTrailer, Path.of("t.pcapng"), new Packets.Recorded()));
        assertEquals(badTrailer.length - 4, trailer.offset());

        final byte[] noInterface = new PcapngBuilder().section(ByteOrder.BIG_ENDIAN).epb(0, 0, PACKET).build();
        final CaptureFormatException iface = assertThrows(CaptureFormatException.class,
            () -> CaptureReader.read(noInterface, Path.of("i.pcapng"), new Packets.Recorded()));
        assertEquals("i.pcapng: offset 28: packet of interface 0 (expected: below 0, the interfaces described so far in this section)",
            iface.getMessage());
    }

    @Test
    void shouldRejectAFileThatIsNotACaptureAndTellCapturesApart(@TempDir final Path dir) throws IOException
    {
        final Path garbage = dir.resolve("notes.txt");
        Files.writeString(garbage, "hello, this is not a capture");
        final CaptureFormatException ex = assertThrows(CaptureFormatException.class,
            () -> CaptureReader.read(garbage, new Packets.Recorded()));
        assertEquals(garbage + ": offset 0: not a capture file: magic 0x68656c6c (expected: pcap a1b2c3d4 or a1b23c4d in either byte order,"
            + " or pcapng 0a0d0d0a)", ex.getMessage());
        final Path empty = dir.resolve("empty");
        Files.write(empty, new byte[0]);
        assertThrows(CaptureFormatException.class, () -> CaptureReader.read(empty, new Packets.Recorded()));
        final CaptureFormatException shortHeader = assertThrows(CaptureFormatException.class,
            () -> CaptureReader.read(Arrays.copyOf(Packets.pcap(LinkType.RAW), 20), Path.of("h.pcap"), new Packets.Recorded()));
        assertEquals("h.pcap: offset 0: truncated pcap file header: 20 of 24 bytes", shortHeader.getMessage());

        assertFalse(CaptureReader.isCaptureFile(garbage));
        assertFalse(CaptureReader.isCaptureFile(empty));
        final Path pcap = dir.resolve("a.pcap");
        Files.write(pcap, Packets.pcap(LinkType.RAW, PACKET));
        assertTrue(CaptureReader.isCaptureFile(pcap));
        final Path pcapng = dir.resolve("a.pcapng");
        Files.write(pcapng, Fixtures.bytes("/fixtures/capture/softflowd_v9.pcapng"));
        assertTrue(CaptureReader.isCaptureFile(pcapng));
        assertTrue(CaptureReader.isCapture(Fixtures.bytes("/fixtures/capture/logger_rfc5424_udp.nsec.pcap"), 0, 4));
    }

    private static void assertSameDatagrams(final String expected, final String actual)
    {
        final List<Captures.Datagram> a = Captures.udp(expected);
        final List<Captures.Datagram> b = Captures.udp(actual);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++)
        {
            assertEquals(CaptureReaderFixtureTest.oracleLine(a.get(i)), CaptureReaderFixtureTest.oracleLine(b.get(i)), "datagram " + i);
        }
    }

    private static void swap(final byte[] buf, final int offset, final int length)
    {
        for (int i = 0; i < length / 2; i++)
        {
            final byte t = buf[offset + i];
            buf[offset + i] = buf[offset + length - 1 - i];
            buf[offset + length - 1 - i] = t;
        }
    }
}
