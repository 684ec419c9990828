package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix and every single-bit flip of every fixture and corpus message decodes without an exception, in both
 * modes, to exactly one record (syslog or invalid); prefixes are also checked to give valid JSON; the status matches
 * the record kind.
 */
class SyslogRobustnessTest
{
    static List<byte[]> messages()
    {
        final List<byte[]> all = new ArrayList<>();
        for (final String capture : new String[] {"logger_rfc3164_udp", "logger_rfc5424_udp", "logger_rfc5424_tcp_octet", "logger_tcp_lf",
            "rsyslog_fwd_rfc3164_udp"})
        {
            for (final JsonNode e : SyslogTestSupport.jsonLines("/fixtures/syslog/" + capture + ".expected.jsonl"))
            {
                all.add(e.get("raw").asText().getBytes(StandardCharsets.UTF_8));
            }
        }
        for (final JsonNode c : SyslogTestSupport.jsonLines("/fixtures/corpora/syslog-3164-gosyslog.jsonl"))
        {
            all.add(c.get("input").asText().getBytes(StandardCharsets.UTF_8));
        }
        for (final String line : new String[] {
            "<189>52: router1: *Mar  1 18:46:11.123 UTC: %SYS-5-CONFIG_I: Configured from console",
            "<189>: 2024 Mar  1 18:46:11 UTC: %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up",
            "<166>Mar 15 2024 10:00:01 asa01 : %ASA-6-302014: Teardown TCP connection 123",
            "<189>date=2024-03-15 time=10:00:00 devname=\"FGT\" tz=\"+0100\" msg=\"a \\\"b\\\"\"",
            "<14>Mar 15 10:00:00 PA-VM 1,2024/03/15 10:00:00,0128,TRAFFIC,end,\"a,\"\"b\",c",
            "<181>Mar 15 10:00:00 ise01 CISE_Passed_Authentications 0000012345 2 0 text",
            "<14>1 2003-10-11T22:14:15.003-23:59 h a p m [a x=\"1\\]\" y=\"\\\\\"][b z=\"2\"] \uFEFFmsg"})
        {
            all.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return all;
    }

    @Test
    void shouldDecodeEveryPrefixToExactlyOneRecord()
    {
        for (final CodecOptions options : List.of(SyslogTestSupport.LENIENT, SyslogTestSupport.STRICT))
        {
            final SyslogDecoder decoder = new SyslogDecoder(options);
            for (final byte[] m : messages())
            {
                for (int n = 0; n <= Math.min(m.length, 256); n++)
                {
                    check(decoder, m, 0, n, true);
                }
            }
        }
    }

    @Test
    void shouldDecodeEverySingleBitFlipToExactlyOneRecord()
    {
        for (final CodecOptions options : List.of(SyslogTestSupport.LENIENT, SyslogTestSupport.STRICT))
        {
            final SyslogDecoder decoder = new SyslogDecoder(options);
            for (final byte[] original : messages())
            {
                final byte[] m = original.clone();
                for (int i = 0; i < Math.min(m.length, 96); i++)
                {
                    for (int bit = 0; bit < 8; bit++)
                    {
                        m[i] ^= (byte)(1 << bit);
                        check(decoder, m, 0, m.length, false);
                        m[i] ^= (byte)(1 << bit);
                    }
                }
            }
        }
    }

    @Test
    void shouldDecodeAtAnOffsetInsideALargerBuffer()
    {
        final byte[] msg = "xx<14>1 - h a - - [a b=\"c\"] m yy".getBytes(StandardCharsets.US_ASCII);
        final List<JsonNode> out = new ArrayList<>();
        final JsonRecordWriter writer = new JsonRecordWriter((k, line) -> out.add(SyslogTestSupport.parse(line.toString())));
        new SyslogDecoder(SyslogTestSupport.STRICT).decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), msg, 2,
            msg.length - 5, writer);
        assertEquals("m", out.get(0).get("message").asText());
        assertEquals("{\"a\":{\"b\":\"c\"}}", out.get(0).get("structuredData").toString());
        new SyslogDecoder(SyslogTestSupport.STRICT).decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), msg, 2, 3, writer);
        assertEquals("invalid", out.get(1).get("kind").asText());
        assertEquals(3, out.get(1).get("offset").asInt());
        assertEquals("3c3134", out.get(1).get("hex").asText());
    }

    static void check(final SyslogDecoder decoder, final byte[] m, final int offset, final int length)
    {
        check(decoder, m, offset, length, true);
    }

    /** Decodes once counting and once as JSON; {@code parse} also checks the JSON with Jackson. */
    static void check(final SyslogDecoder decoder, final byte[] m, final int offset, final int length, final boolean parse)
    {
        final CountingRecordWriter counting = new CountingRecordWriter();
        final DecodeStatus status = decoder.decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), m, offset, length, counting);
        assertEquals(1, counting.total());
        assertEquals(status == DecodeStatus.OK ? 1 : 0, counting.count(RecordKind.SYSLOG));
        final List<JsonNode> out = new ArrayList<>();
        final JsonRecordWriter json = new JsonRecordWriter(
            (k, line) -> out.add(parse ? SyslogTestSupport.parse(line.toString())
                : SyslogTestSupport.JSON.createObjectNode().put("kind", "x")));
        decoder.decode(SyslogTestSupport.context(SyslogTestSupport.RECEIVED), m, offset, length, json);
        assertEquals(1, out.size());
        assertTrue(out.get(0).has("kind"));
    }
}
