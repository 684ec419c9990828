package io.nocraven.core.capture;

import io.nocraven.testing.Captures;
import io.nocraven.testing.Fixtures;
import io.nocraven.testing.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.nocraven.core.capture.Packets.ipv4;
import static io.nocraven.core.capture.Packets.pcap;
import static io.nocraven.core.capture.Packets.read;
import static io.nocraven.core.capture.Packets.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpStreamReassemblerTest
{
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int FIN = 0x01;
    private static final int RST = 0x04;
    private static final int PSH_ACK = 0x18;

    private static byte[] seg(final int seq, final int flags, final String data)
    {
        return ipv4("10.0.0.1", "10.0.0.2", 6, tcp(40000, 601, seq, flags, data.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] back(final int seq, final int flags, final String data)
    {
        return ipv4("10.0.0.2", "10.0.0.1", 6, tcp(601, 40000, seq, flags, data.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String stream(final Packets.Recorded r)
    {
        return r.tcpBytes.toString(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {"logger_rfc5424_tcp_octet", "logger_tcp_lf"})
    void shouldGiveEachStreamAsTsharkFollowShowsIt(final String name)
    {
        final List<Captures.TcpStream> streams = Captures.tcpStreams("/fixtures/syslog/" + name + ".pcap");
        final String[] expected = Fixtures.text("/fixtures/capture/" + name + ".tcp.tsv").split("\n");
        assertEquals(2 * expected.length, streams.size(), "both directions of every connection");
        for (int i = 0; i < expected.length; i++)
        {
            final String[] columns = expected[i].split("\t", -1);
            final Captures.TcpStream out = streams.get(2 * i);
            final Captures.TcpStream in = streams.get(2 * i + 1);
            assertEquals(columns[0], out.source().getAddress().getHostAddress() + ":" + out.source().getPort());
            assertEquals(columns[1], out.destination().getAddress().getHostAddress() + ":" + out.destination().getPort());
            assertEquals(columns[2], Hex.format(out.bytes()), "client bytes of connection " + i);
            assertEquals(columns[3], Hex.format(in.bytes()), "server bytes of connection " + i);
        }
    }

    @Test
    void shouldStartTheOctetCountedStreamWithTheRfc6587CountAndKeepMessagesInOrder()
    {
        final Captures.TcpStream first = Captures.tcpStreams("/fixtures/syslog/logger_rfc5424_tcp_octet.pcap").get(0);
        final String text = new String(first.bytes(), StandardCharsets.UTF_8);
        final int space = text.indexOf(' ');
        assertEquals(first.bytes().length - space - 1, Integer.parseInt(text.substring(0, space)), "octet count of the only frame");
        assertTrue(text.startsWith("133 <8>1 2026-11-26T09:58:32.911633+00:00 vm tcpapp1 - T1 "), text);
    }

    @Test
    void shouldDeliverOutOfOrderSegmentsInSequenceAndDropRetransmissions()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW,
            seg(1000, SYN, ""), back(5000, SYN | ACK, ""),
            seg(1001, PSH_ACK, "hello "),
            seg(1013, PSH_ACK, "there "),
            seg(1007, PSH_ACK, "world "),
            seg(1001, PSH_ACK, "hello "),
            seg(1010, PSH_ACK, "ld there again"),
            seg(1027, FIN | ACK, ""),
            seg(1027, FIN | ACK, "")));
        assertEquals("hello world there again", stream(r));
        assertEquals(List.of("tcp 10.0.0.1:40000 > 10.0.0.2:601 hello ", "tcp 10.0.0.1:40000 > 10.0.0.2:601 world ",
            "tcp 10.0.0.1:40000 > 10.0.0.2:601 there ", "tcp 10.0.0.1:40000 > 10.0.0.2:601 again",
            "end 10.0.0.1:40000 > 10.0.0.2:601", "end 10.0.0.2:601 > 10.0.0.1:40000"), r.events);
        assertEquals(1, r.stats.tcpOutOfOrderSegments());
        assertEquals(6 + 9, r.stats.tcpRetransmittedBytes());
        assertEquals(9, r.stats.tcpSegments());
        assertEquals(2, r.stats.tcpStreamsEnded());
    }

    @Test
    void shouldStartAtTheFirstSegmentWhenTheCaptureBeginsMidStreamAndHandleSequenceWrap()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, seg(-4, PSH_ACK, "abcd"), seg(4, PSH_ACK, "ijkl"), seg(0, PSH_ACK, "efgh")));
        assertEquals("abcdefghijkl", stream(r));
        assertEquals(List.of("tcp 10.0.0.1:40000 > 10.0.0.2:601 abcd", "tcp 10.0.0.1:40000 > 10.0.0.2:601 efgh",
            "tcp 10.0.0.1:40000 > 10.0.0.2:601 ijkl", "end 10.0.0.1:40000 > 10.0.0.2:601"), r.events, "ended at end of capture");
    }

    @Test
    void shouldEndOnAnEarlyFinOnlyAfterTheGapIsFilled()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, seg(1, PSH_ACK, "ab"), seg(5, FIN | ACK, "ef"), seg(3, PSH_ACK, "cd")));
        assertEquals("abcdef", stream(r));
        assertEquals("end 10.0.0.1:40000 > 10.0.0.2:601", r.events.get(r.events.size() - 1));
        assertEquals(1, r.stats.tcpStreamsEnded());
    }

    @Test
    void shouldEndAtOnceOnResetDroppingBufferedSegmentsAndStartANewConnectionOnSyn()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, seg(1, PSH_ACK, "ab"), seg(9, PSH_ACK, "zz"), seg(3, RST, ""),
            seg(3, PSH_ACK, "late"), seg(100, SYN, ""), seg(101, PSH_ACK, "new")));
        assertEquals("abnew", stream(r));
        assertEquals(List.of("tcp 10.0.0.1:40000 > 10.0.0.2:601 ab", "end 10.0.0.1:40000 > 10.0.0.2:601",
            "tcp 10.0.0.1:40000 > 10.0.0.2:601 new", "end 10.0.0.1:40000 > 10.0.0.2:601"), r.events);
        assertEquals(1, r.stats.tcpDroppedSegments());
        assertEquals(4, r.stats.tcpRetransmittedBytes(), "bytes after the reset");
    }

    @Test
    void shouldIgnoreARetransmittedSynAndRestartOnASynWithANewInitialSequenceNumber()
    {
        final Packets.Recorded r = read(pcap(LinkType.RAW, seg(10, SYN, ""), seg(10, SYN, ""), seg(11, PSH_ACK, "one"),
            seg(5000, SYN, ""), seg(5001, PSH_ACK, "two")));
        assertEquals(List.of("tcp 10.0.0.1:40000 > 10.0.0.2:601 one", "end 10.0.0.1:40000 > 10.0.0.2:601",
            "tcp 10.0.0.1:40000 > 10.0.0.2:601 two", "end 10.0.0.1:40000 > 10.0.0.2:601"), r.events);
    }

    @Test
    void shouldBoundTheOutOfOrderBuffer()
    {
        final byte[][] frames = new byte[TcpStreamReassembler.MAX_PENDING_SEGMENTS + 3][];
        frames[0] = seg(0, PSH_ACK, "a");
        for (int i = 1; i < frames.length; i++)
        {
            frames[i] = seg(1 + 2 * i, PSH_ACK, "x");
        }
        final Packets.Recorded r = read(pcap(LinkType.RAW, frames));
        assertEquals("a", stream(r));
        assertEquals(TcpStreamReassembler.MAX_PENDING_SEGMENTS, r.stats.tcpOutOfOrderSegments());
        assertEquals(2 + TcpStreamReassembler.MAX_PENDING_SEGMENTS, r.stats.tcpDroppedSegments(), "2 over the bound, the rest at the end");
    }
}
