package io.nocraven.codec.syslog.framing;

import io.nocraven.codec.StreamFramer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what a framer emits as text: {@code frame:<bytes>} and {@code error:<reason>@<offset>:<bytes>}. */
final class FrameLog implements StreamFramer.FrameHandler
{
    final List<String> events = new ArrayList<>();

    @Override
    public void onFrame(final byte[] buf, final int offset, final int length)
    {
        events.add("frame:" + new String(buf, offset, length, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset, final int length)
    {
        events.add("error:" + reason + "@" + streamOffset + ":" + new String(buf, offset, length, StandardCharsets.ISO_8859_1));
    }

    /** Feeds {@code chunks} (ISO-8859-1 text) then ends the stream. */
    static List<String> run(final SyslogFramer framer, final String... chunks)
    {
        final FrameLog log = new FrameLog();
        for (final String c : chunks)
        {
            final byte[] b = c.getBytes(StandardCharsets.ISO_8859_1);
            framer.onBytes(b, 0, b.length, log);
        }
        framer.onEnd(log);
        return log.events;
    }
}
