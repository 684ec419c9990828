package io.nocraven.core.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.testing.JsonLines;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRecordWriterTest
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String ENVELOPE = "{\"kind\":\"flow\",\"protocol\":\"ipfix\",\"exporter\":\"192.0.2.1:4739\","
        + "\"listener\":\"ipfix-udp\","
        + "\"receivedAt\":\"2024-03-15T10:00:02.087825Z\"";

    private final JsonLines out = new JsonLines();
    private final RecordContext context = new RecordContext().set(new byte[] {(byte)192, 0, 2, 1}, 0, 4, 4739, "ipfix-udp",
        1_710_496_802_087_825_000L);

    private static JsonNode parse(final String line)
    {
        try
        {
            return JSON.readTree(line);
        }
        catch (final IOException ex)
        {
            throw new AssertionError("not JSON: " + line, ex);
        }
    }

    private String one(final Runnable body)
    {
        out.beginRecord(RecordKind.FLOW, Protocol.IPFIX, context);
        body.run();
        out.endRecord();
        final String line = out.last();
        parse(line);
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028") || line.contains("\u2029"), line);
        return line;
    }

    @Test
    void shouldWriteUnsigned64BitIntegersExactly()
    {
        final long[] values = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L, 0x8000_0000_0000_0001L, -10_000_000_000L};
        for (final long v : values)
        {
            final String line = one(() -> out.name("n").unsignedLongValue(v));
            assertEquals(ENVELOPE + ",\"n\":" + Long.toUnsignedString(v) + "}", line);
            assertEquals(new BigInteger(Long.toUnsignedString(v)), parse(line).get("n").bigIntegerValue());
        }
        assertEquals(ENVELOPE + ",\"a\":0,\"b\":9223372036854775808,\"c\":18446744073709551615}", one(() ->
        {
            out.name("a").unsignedLongValue(0);
            out.name("b").unsignedLongValue(1L << 63);
            out.name("c").unsignedLongValue(-1L);
        }));
        final SplittableRandom random = new SplittableRandom(64);
        for (int i = 0; i < 10_000; i++)
        {
            final long v = random.nextLong();
            final StringBuilder sb = new StringBuilder();
            JsonRecordWriter.appendUnsigned(sb, v);
            assertEquals(Long.toUnsignedString(v), sb.toString());
        }
    }

    @Test
    void shouldEscapeStringsAndNames()
    {
        final String nasty = "q\"b\\s/n\nr\rt\tnul\u0000us\u001fdel\u007fls\u2028ps\u2029nel\u0085é😀lone\uD800x\uDC00end";
        final String line = one(() ->
        {
            out.field("s", nasty);
            out.field("we\"ird\n", "v");
            out.field("nothing", (CharSequence)null);
        });
        assertEquals(ENVELOPE + ",\"s\":\"q\\\"b\\\\s/n\\nr\\rt\\tnul\\u0000us\\u001fdel\\u007f"
            + "ls\\u2028ps\\u2029nel\\u0085é😀lone\uFFFDx\uFFFDend\","
            + "\"we\\\"ird\\n\":\"v\",\"nothing\":null}", line);
        final JsonNode node = parse(line);
        assertEquals(nasty.replace('\uD800', '\uFFFD').replace('\uDC00', '\uFFFD'), node.get("s").asText());
        assertEquals("v", node.get("we\"ird\n").asText());
        assertTrue(node.get("nothing").isNull());
        final byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(line, new String(encoded, StandardCharsets.UTF_8), "valid UTF-8 once encoded");
    }

    @Test
    void shouldWriteUtf8BytesAsEscapedTextWithReplacements()
    {
        final byte[] bytes = {'a', '"', (byte)0xC3, (byte)0xA9, (byte)0xE2, (byte)0x80, (byte)0xA8, (byte)0xFF, '\n', (byte)0xE2,
            (byte)0x82};
        final String line = one(() ->
        {
            out.name("m");
            out.utf8Value(bytes, 0, bytes.length);
        });
        assertEquals(ENVELOPE + ",\"m\":\"a\\\"é\\u2028\uFFFD\\n\uFFFD\"}", line);
        assertEquals("a\"é\u2028\uFFFD\n\uFFFD", parse(line).get("m").asText());
    }

    @Test
    void shouldNestObjectsAndArraysWithCommasInTheRightPlaces()
    {
        final String line = one(() ->
        {
            out.name("header").startObject();
            out.field("version", 10);
            out.field("flag", true);
            out.endObject();
            out.name("empty").startObject();
            out.endObject();
            out.name("list").startArray();
            out.longValue(-5);
            out.startObject();
            out.field("k", "v");
            out.endObject();
            out.startArray();
            out.endArray();
            out.startArray();
            out.nullValue();
            out.booleanValue(false);
            out.endArray();
            out.stringValue("s");
            out.endArray();
            out.name("after").longValue(Long.MIN_VALUE);
        });
        assertEquals(ENVELOPE + ",\"header\":{\"version\":10,\"flag\":true},\"empty\":{},\"list\":[-5,{\"k\":\"v\"},[],[null,false],\"s\"],"
            + "\"after\":-9223372036854775808}", line);
    }

    @Test
    void shouldWriteTypedValues()
    {
        final byte[] v6 = new byte[18];
        v6[2] = 0x20;
        v6[3] = 0x01;
        v6[4] = 0x0d;
        v6[5] = (byte)0xb8;
        v6[17] = 1;
        final String line = one(() ->
        {
            out.name("v4").ipv4Value(0x0A000001);
            out.name("v6").ipv6Value(v6, 2);
            out.name("mac").macValue(new byte[] {1, 2, 3, 4, 5, (byte)0xAB}, 0);
            out.name("hex").hexValue(new byte[] {0, (byte)0xFF, 0x10}, 0, 3);
            out.name("t").timestampValue(1_709_164_800L, 5_000_000, 3);
            out.timestampMillisField("ms", -1L);
            out.name("d1").doubleValue(1.5);
            out.name("d2").doubleValue(2.0);
            out.name("d3").doubleValue(Double.NaN);
            out.name("d4").doubleValue(Double.NEGATIVE_INFINITY);
            out.name("d5").doubleValue(1e300);
            out.name("d6").doubleValue(-0.0);
        });
        assertEquals(ENVELOPE + ",\"v4\":\"10.0.0.1\",\"v6\":\"2001:db8::1\",\"mac\":\"01:02:03:04:05:ab\",\"hex\":\"00ff10\","
            + "\"t\":\"2024-02-29T00:00:00.005Z\",\"ms\":\"1969-12-31T23:59:59.999Z\",\"d1\":1.5,\"d2\":2,\"d3\":\"NaN\","
            + "\"d4\":\"-Infinity\","
            + "\"d5\":1.0E300,\"d6\":0}", line);
        assertEquals(1e300, parse(line).get("d5").doubleValue());
    }

    @Test
    void shouldWriteTheEnvelopeForIpv6ExportersNullProtocolsAndEpochTimes()
    {
        final byte[] addr = new byte[16];
        addr[15] = 1;
        context.set(addr, 0, 16, 2055, null, 0L);
        out.beginRecord(RecordKind.INVALID, null, context);
        out.endRecord();
        assertEquals("{\"kind\":\"invalid\",\"protocol\":null,\"exporter\":\"[::1]:2055\",\"listener\":\"unknown\","
            + "\"receivedAt\":\"1970-01-01T00:00:00Z\"}", out.last());
        parse(out.last());

        context.set(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)0xFF, (byte)0xFF, (byte)192, 0, 2, 1}, 0, 16, 65535, "l", -1L);
        InvalidRecords.write(out, Protocol.SNMP_V3, context, "bad \"thing\"", 3, new byte[] {1, 2, 3, 4}, 1, 2);
        assertEquals("{\"kind\":\"invalid\",\"protocol\":\"snmp-v3\",\"exporter\":\"[::ffff:192.0.2.1]:65535\",\"listener\":\"l\","
            + "\"receivedAt\":\"1969-12-31T23:59:59.999999999Z\",\"reason\":\"bad \\\"thing\\\"\",\"offset\":3,\"length\":2,"
            + "\"hex\":\"0203\"}",
            out.last());
        parse(out.last());
    }

    @Test
    void shouldStartEveryRecordAfreshAndRejectUnbalancedRecords()
    {
        out.beginRecord(RecordKind.FLOW, Protocol.IPFIX, context);
        out.name("open").startObject();
        assertThrows(IllegalStateException.class, out::endRecord);
        final String line = one(() -> out.field("x", 1));
        assertEquals(ENVELOPE + ",\"x\":1}", line);
        assertEquals(1, out.lines().size());
        assertEquals(RecordKind.FLOW, out.kinds().get(0));
    }
}
