package io.nocraven.codec.syslog;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.nocraven.codec.StreamFramer;
import io.nocraven.codec.syslog.framing.SyslogFramer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer fuzz tests for the syslog decoder and framer. In the normal build they run in regression mode over the
 * seeds in {@code src/test/resources/io/nocraven/codec/syslog/SyslogFuzzTestInputs/<method>/} (fixture and corpus
 * messages, dialect lines, framed streams); the long run is described in {@code docs/fuzzing.md}.
 */
class SyslogFuzzTest
{
    @FuzzTest(maxDuration = "30s")
    void decode(final byte[] data)
    {
        final SyslogDecoder lenient = new SyslogDecoder(SyslogTestSupport.LENIENT);
        final SyslogDecoder strict = new SyslogDecoder(SyslogTestSupport.STRICT);
        SyslogRobustnessTest.check(lenient, data, 0, data.length);
        SyslogRobustnessTest.check(strict, data, 0, data.length);
    }

    @FuzzTest(maxDuration = "30s")
    void frame(final byte[] data)
    {
        final int max = data.length == 0 ? 1 : 1 + (data[0] & 0x3F);
        final SyslogFramer framer = new SyslogFramer(max);
        final long[] seen = new long[2];
        final StreamFramer.FrameHandler handler = new StreamFramer.FrameHandler()
        {
            @Override
            public void onFrame(final byte[] buf, final int offset, final int length)
            {
                assertTrue(length >= 1 && length <= max, "frame length " + length);
                seen[0] += length;
            }

            @Override
            public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset, final int length)
            {
                assertTrue(streamOffset >= 0 && streamOffset < data.length, "error offset " + streamOffset);
                seen[1]++;
            }
        };
        final int step = data.length == 0 ? 1 : 1 + (data[data.length - 1] & 7);
        for (int i = 0; i < data.length; i += step)
        {
            framer.onBytes(data, i, Math.min(step, data.length - i), handler);
        }
        framer.onEnd(handler);
        assertTrue(seen[0] <= data.length);
        final long before = seen[1];
        framer.onEnd(handler);
        assertEquals(before, seen[1]);
    }
}
