package io.nocraven.codec.syslog;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.syslog.framing.SyslogFramer;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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
}
