package io.nocraven.codec.syslog;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.syslog.framing.SyslogFramer;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordKind;
import io.nocraven.testing.ForwardingRecordWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nocraven.codec.StreamFramer;
import java.util.ArrayList;
import java.util.List;

/** The factory the CLI and the appliance use gives the syslog decoder and framer, honouring the options. */
class SyslogDecodersTest
{
    @Test
    void shouldCreateTheSyslogDecoderAndFramer()
    {
        assertInstanceOf(SyslogDecoder.class, Decoders.create(ProtocolFamily.SYSLOG, CodecOptions.defaults()));
        assertInstanceOf(SyslogFramer.class, Decoders.createFramer(ProtocolFamily.SYSLOG, CodecOptions.defaults()));
    }

    @Test
    void shouldHonourTheSyslogMode()
    {
        final byte[] iso = "<28>2019-12-02T16:49:23+02:00 host app[23410]: Test".getBytes(StandardCharsets.US_ASCII);
        final CountingRecordWriter out = new CountingRecordWriter();
        final CodecOptions strict = CodecOptions.builder().syslogMode(CodecOptions.SyslogMode.STRICT).build();
        Decoders.create(ProtocolFamily.SYSLOG, strict)
            .decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), iso, 0, iso.length, out);
        Decoders.create(ProtocolFamily.SYSLOG, CodecOptions.defaults())
            .decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), iso, 0, iso.length, out);
        assertEquals(1, out.count(RecordKind.INVALID));
        assertEquals(1, out.count(RecordKind.SYSLOG));
    }

    @Test
    void shouldHonourTheMaximumFrameLengthAndCarryOn()
    {
        final StreamFramer framer = Decoders.createFramer(ProtocolFamily.SYSLOG,
            CodecOptions.builder().maxFrameBytes(500).build());
        final String small = "<13>1 - h a - - - fits";
        final String big = "<13>1 - h a - - - " + "x".repeat(600);
        final byte[] wire = ((small.length()) + " " + small + big.length() + " " + big + small.length() + " " + small)
            .getBytes(StandardCharsets.US_ASCII);
        final List<String> frames = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        framer.onBytes(wire, 0, wire.length, new StreamFramer.FrameHandler()
        {
            @Override
            public void onFrame(final byte[] buf, final int offset, final int length)
            {
                frames.add(new String(buf, offset, length, StandardCharsets.US_ASCII));
            }

            @Override
            public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset,
                final int length)
            {
                errors.add(reason);
            }
        });
        assertEquals(List.of(small, small), frames);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("500") || errors.get(0).contains("long"), errors.get(0));
    }

    @Test
    void shouldRefuseAMaximumFrameBelowTheRfc5424Minimum()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> CodecOptions.builder().maxFrameBytes(100));
        assertEquals("maxFrameBytes: 100 (expected at least 480, the size RFC 5424 requires every receiver to accept)",
            e.getMessage());
    }

    @Test
    void shouldSkipMembersOfValidRecordsForAWriterThatOnlyCountsButWriteInvalidRecordsWhole()
    {
        final List<String> calls = new ArrayList<>();
        final CountingRecordWriter counting = new CountingRecordWriter();
        final io.nocraven.core.record.RecordWriter membersOff = new SkippingWriter(counting, calls);
        final SyslogDecoder decoder = new SyslogDecoder(CodecOptions.builder()
            .syslogMode(CodecOptions.SyslogMode.STRICT).build());
        final byte[] valid = "<34>1 2003-10-11T22:14:15.003Z host su - ID47 [a@1 b=\"c\"] hi"
            .getBytes(StandardCharsets.US_ASCII);
        final byte[] invalid = "<999>not syslog".getBytes(StandardCharsets.US_ASCII);
        decoder.decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), valid, 0, valid.length, membersOff);
        assertEquals(List.of("begin:SYSLOG", "end"), calls);
        assertEquals(0, counting.values());
        calls.clear();
        decoder.decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), invalid, 0, invalid.length, membersOff);
        assertEquals("begin:INVALID", calls.get(0));
        assertTrue(calls.contains("name:reason"), calls.toString());
        assertEquals(1, counting.count(RecordKind.SYSLOG));
        assertEquals(1, counting.count(RecordKind.INVALID));
    }

    /** Counts through a CountingRecordWriter, records the calls, and asks for no members of valid records. */
    private static final class SkippingWriter extends ForwardingRecordWriter
    {
        private final List<String> calls;

        SkippingWriter(final CountingRecordWriter counting, final List<String> calls)
        {
            super(counting);
            this.calls = calls;
        }

        @Override
        public boolean wantsMembers()
        {
            return false;
        }

        @Override
        public void beginRecord(final RecordKind kind, final io.nocraven.core.record.Protocol protocol,
            final io.nocraven.core.record.RecordContext context)
        {
            calls.add("begin:" + kind);
            super.beginRecord(kind, protocol, context);
        }

        @Override
        public void endRecord()
        {
            calls.add("end");
            super.endRecord();
        }

        @Override
        public io.nocraven.core.record.RecordWriter name(final String name)
        {
            calls.add("name:" + name);
            return super.name(name);
        }
    }
}
