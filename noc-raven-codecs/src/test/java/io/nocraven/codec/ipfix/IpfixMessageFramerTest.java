package io.nocraven.codec.ipfix;

import io.nocraven.codec.StreamFramer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * IPFIX over TCP: messages split and joined across reads, garbage skipped with progress, a truncated tail reported.
 */
class IpfixMessageFramerTest
{
    private final List<byte[]> frames = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final StreamFramer.FrameHandler handler = new StreamFramer.FrameHandler()
    {
        @Override
        public void onFrame(final byte[] buf, final int offset, final int length)
        {
            frames.add(Arrays.copyOfRange(buf, offset, offset + length));
        }

        @Override
        public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset, final int length)
        {
            errors.add(reason + "@" + streamOffset + "+" + length);
        }
    };

    private static byte[] message(final int sequence)
    {
        return new IpfixBytes().set(2, "0100 0001 0004 0001").set(256, "06").message(1_710_496_800L, sequence, 1);
    }

    @Test
    void shouldFrameMessagesSplitAcrossReadsByteByByte()
    {
        final IpfixMessageFramer framer = new IpfixMessageFramer();
        final byte[] a = message(0);
        final byte[] b = message(1);
        final byte[] stream = new byte[a.length + b.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);
        for (int i = 0; i < stream.length; i++)
        {
            framer.onBytes(stream, i, 1, handler);
        }
        framer.onEnd(handler);

        assertEquals(2, frames.size());
        assertArrayEquals(a, frames.get(0));
        assertArrayEquals(b, frames.get(1));
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldBeWhatTheFactoryGivesForIpfixAndFeedTheDecoder()
    {
        final StreamFramer framer = io.nocraven.codec.Decoders.createFramer(io.nocraven.codec.ProtocolFamily.IPFIX,
            io.nocraven.codec.CodecOptions.defaults());
        final io.nocraven.codec.DatagramDecoder decoder = io.nocraven.codec.Decoders.create(io.nocraven.codec.ProtocolFamily.IPFIX,
            io.nocraven.codec.CodecOptions.defaults());
        final io.nocraven.core.record.CountingRecordWriter records = new io.nocraven.core.record.CountingRecordWriter();
        final io.nocraven.core.record.RecordContext tcp = new io.nocraven.core.record.RecordContext()
            .set(new byte[] {127, 0, 0, 1}, 0, 4, 50000, "tcp/4739", 0);
        final byte[] a = message(0);
        final byte[] b = new IpfixBytes().set(256, "11 06").message(1_710_496_800L, 1, 1);
        final byte[] stream = new byte[a.length + b.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);
        framer.onBytes(stream, 0, 7, handler);
        framer.onBytes(stream, 7, stream.length - 7, handler);
        for (final byte[] frame : frames)
        {
            decoder.decode(tcp, frame, 0, frame.length, records);
        }

        assertEquals(IpfixMessageFramer.class, framer.getClass());
        assertEquals(IpfixDecoder.class, decoder.getClass());
        assertEquals(3, records.count(io.nocraven.core.record.RecordKind.FLOW));
        assertEquals(0, ((IpfixDecoder)decoder).flowCounters().sequenceGaps());
    }

    @Test
    void shouldSkipGarbageAndReportATruncatedTail()
    {
        final IpfixMessageFramer framer = new IpfixMessageFramer();
        final byte[] a = message(0);
        final byte[] garbage = IpfixBytes.hex("deadbeef000a0003");
        final byte[] stream = new byte[garbage.length + a.length + 5];
        System.arraycopy(garbage, 0, stream, 0, garbage.length);
        System.arraycopy(a, 0, stream, garbage.length, a.length);
        System.arraycopy(a, 0, stream, garbage.length + a.length, 5);
        framer.onBytes(stream, 0, stream.length, handler);
        framer.onEnd(handler);

        assertEquals(1, frames.size());
        assertArrayEquals(a, frames.get(0));
        assertEquals(List.of("bad message header@0+8", "truncated message@" + (8 + a.length) + "+5"), errors);
    }
}
