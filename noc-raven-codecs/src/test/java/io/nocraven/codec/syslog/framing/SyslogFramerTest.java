package io.nocraven.codec.syslog.framing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6587 framing, including the progress invariants Vector's octet-counting decoder tests for. */
class SyslogFramerTest
{
    @Test
    void shouldDetectOctetCountingFromTheFirstByteAndJoinFramesAcrossCalls()
    {
        final SyslogFramer framer = new SyslogFramer(30);
        assertEquals(List.of("frame:abcdefghijklm3 nopqrstuvwxyz"), FrameLog.run(framer, "28 abcdefghijklm", "3 nopqrstuvwxyz"));
        assertEquals("octet-counting", framer.method());
    }

    @Test
    void shouldMovePastAnInvalidLengthAndResumeAtTheNextLength()
    {
        assertEquals(List.of("error:invalid frame length@0:232>1 zork\n", "frame:hello"),
            FrameLog.run(new SyslogFramer(16), "232>1 zork\n", "5 hello"));
        assertEquals(List.of("frame:ab", "error:invalid frame length@4: - - -"), FrameLog.run(new SyslogFramer(16), "2 ab - - -"));
        assertEquals(List.of("error:invalid frame length@0:16<1>1"), FrameLog.run(new SyslogFramer(), "16<1>1"));
        assertEquals(List.of("frame:a", "error:invalid frame length@3:01 x"), FrameLog.run(new SyslogFramer(), "1", " a01 x"));
    }

    @Test
    void shouldPassBytesThatAreNotUtf8ToTheDecoderAndContinue()
    {
        final FrameLog log = new FrameLog();
        final SyslogFramer framer = new SyslogFramer(16);
        framer.onBytes(new byte[] {'4', ' ', (byte)0xf0, 0x28, (byte)0x8c, (byte)0xbc, '2', ' ', 'o', 'k'}, 0, 10, log);
        framer.onEnd(log);
        assertEquals(List.of("frame:\u00f0(\u008c\u00bc", "frame:ok"), log.events);
    }

    @Test
    void shouldMovePastAnExceededFrameLength()
    {
        assertEquals(List.of("error:invalid frame length@0:32thisshouldbelongerthanthemaxframesize\n", "frame:valid"),
            FrameLog.run(new SyslogFramer(16), "32thisshouldbelongerthanthemaxframesize\n5 valid"));
    }

    @Test
    void shouldRejectAnExceededFrameLengthAndKeepFramingAfterIt()
    {
        final List<String> expected = List.of("error:frame too long@0:26 abcdefghijklmnopqrstuvwxyz", "frame:here");
        assertEquals(expected, FrameLog.run(new SyslogFramer(16), "26 abcdefghijklmnopqrstuvwxyz4 here"));
        assertEquals(expected, FrameLog.run(new SyslogFramer(16), "26 abc", "defghijklmnopqrstuvwxyz4 here"));
        assertEquals(expected, FrameLog.run(new SyslogFramer(16), "2", "6 abcdefghijklmnopqrstuvwx", "yz4", " here"));
    }

    @Test
    void shouldReportTruncatedFramesAtTheEnd()
    {
        assertEquals(List.of("frame:<1>", "error:truncated frame@5:16 <1>1"), FrameLog.run(new SyslogFramer(), "3 <1>16 <1>1"));
        assertEquals(List.of("error:truncated frame@0:12"), FrameLog.run(new SyslogFramer(), "12"));
    }

    @Test
    void shouldSkipLineEndsBetweenOctetCountedFrames()
    {
        assertEquals(List.of("frame:abc", "frame:de"), FrameLog.run(new SyslogFramer(), "3 abc\r\n2 de\n"));
    }

    @Test
    void shouldSplitNonTransparentFramesOnLfCrLfAndNul()
    {
        final SyslogFramer framer = new SyslogFramer();
        assertEquals(List.of("frame:<1>a", "frame:<2>b", "frame:<3>c", "frame:<4>d"), FrameLog.run(framer,
            "<1>a\n<2>b\r\n\n<3>c\u0000<4", ">d"));
        assertEquals("non-transparent", framer.method());
    }

    @Test
    void shouldSkipAnOversizedNonTransparentFrameUpToItsTrailer()
    {
        assertEquals(List.of("frame:<1>a", "error:frame too long@5:<2>0123456789", "frame:<3>ok"),
            FrameLog.run(new SyslogFramer(8), "<1>a\n<2>01234", "56789\n<3>ok"));
    }

    @Test
    void shouldGiveTheSameEventsForAnyChunkingAndNeverKeepBytesAfterTheEnd()
    {
        final Random random = new Random(6587);
        final String alphabet = "0123456789 <>-\n\r\u0000ab";
        for (int round = 0; round < 2000; round++)
        {
            final StringBuilder sb = new StringBuilder();
            final int n = random.nextInt(80);
            for (int i = 0; i < n; i++)
            {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            final String input = sb.toString();
            final int max = 1 + random.nextInt(20);
            final List<String> whole = FrameLog.run(new SyslogFramer(max), input);
            final byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
            final SyslogFramer framer = new SyslogFramer(max);
            final FrameLog log = new FrameLog();
            for (int i = 0; i < bytes.length;)
            {
                final int len = Math.min(bytes.length - i, 1 + random.nextInt(7));
                framer.onBytes(bytes, i, len, log);
                i += len;
            }
            framer.onEnd(log);
            assertEquals(whole, log.events, input);
            final int before = log.events.size();
            framer.onEnd(log);
            assertEquals(before, log.events.size(), "nothing held after the end: " + input);
            int covered = 0;
            for (final String e : whole)
            {
                covered += e.startsWith("frame:") ? e.length() - 6 : e.substring(e.indexOf(':', 6) + 1).length();
            }
            assertTrue(covered <= bytes.length, input);
        }
    }

    @Test
    void shouldRejectAMaximumBelowOne()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SyslogFramer(0));
        assertEquals("maxFrameLength: 0 (expected: at least 1)", e.getMessage());
    }
}
