package io.nocraven.codec.netflow.v5;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.netflow.FlowJson;
import io.nocraven.codec.netflow.NetFlowDecoder;
import io.nocraven.codec.netflow.SysUpTime;
import io.nocraven.codec.netflow.UnsupportedVersionDecoder;
import io.nocraven.core.record.Protocol;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hand-built NetFlow v5 packets for the edges the captures do not reach: sampling mode and interval, the
 * millisecond borrow and uptime wrap of the absolute times, and each invalid case with its offset.
 */
class NetFlowV5DecoderTest
{
    private final NetFlowV5Decoder decoder = new NetFlowV5Decoder(CodecOptions.defaults());

    @Test
    void shouldDecodeSamplingModeAndIntervalAndCarryIntervalOnRecords()
    {
        final byte[] p = packet(1, 0x4000 | 100, 5000, 1_700_000_000L, 999_999_999L);
        final JsonNode r = FlowJson.decode(decoder, p).get(0);
        assertEquals(1, r.get("header").get("samplingMode").asInt());
        assertEquals(100, r.get("header").get("samplingInterval").asInt());
        assertEquals(100, r.get("fields").get("samplingInterval").asInt());
        assertEquals(1, FlowJson.decode(decoder, packet(1, 0, 5000, 1L, 0L)).get(0).get("fields")
            .get("samplingInterval").asInt());
    }

    @Test
    void shouldBorrowMillisecondsFromTheExportSecond()
    {
        // export 1700000000.999999999 s, uptime 5000 ms, first 4001 ms: 999 ms before export -> .000 of the same second
        final JsonNode r = FlowJson.decode(decoder, packet(1, 0, 5000, 1_700_000_000L, 999_999_999L)).get(0);
        assertEquals("2023-11-14T22:13:20.999999999Z", r.get("header").get("exportTime").asText());
        assertEquals("2023-11-14T22:13:20.000Z", r.get("fields").get("flowStartMilliseconds").asText());
        assertEquals("2023-11-14T22:13:20.999Z", r.get("fields").get("flowEndMilliseconds").asText());
    }

    @Test
    void shouldHandleUptimeWrap()
    {
        final long export = SysUpTime.exportMillis(1_000L, 0L);
        assertEquals(export - 796, SysUpTime.absoluteMillis(export, 500, 4_294_967_000L));
        assertEquals(export, SysUpTime.absoluteMillis(export, 0, 0));
        assertEquals(export - 4_294_967_295L, SysUpTime.absoluteMillis(export, 0, 1));
    }

    @Test
    void shouldDecodePacketsBackToBack()
    {
        final byte[] a = packet(2, 0, 5000, 1L, 0L);
        final byte[] b = packet(1, 0, 5000, 2L, 0L);
        final byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        final List<JsonNode> out = FlowJson.decode(decoder, both);
        assertEquals(3, out.size());
        assertEquals("1970-01-01T00:00:02.000000000Z", out.get(2).get("header").get("exportTime").asText());
    }

    @Test
    void shouldReportTruncationAtTheFirstIncompleteRecord()
    {
        final byte[] p = packet(2, 0, 5000, 1L, 0L);
        assertInvalid(Arrays.copyOf(p, p.length - 1), "truncated record", 24 + 48);
        assertInvalid(Arrays.copyOf(p, 24 + 47), "truncated record", 24);
        assertInvalid(Arrays.copyOf(p, 23), "truncated header", 0);
        assertInvalid(new byte[0], "truncated header", 0);
        assertInvalid(new byte[] {0}, "truncated header", 0);
    }

    @Test
    void shouldReportCountMismatchAndInvalidCount()
    {
        final byte[] p = packet(2, 0, 5000, 1L, 0L);
        p[3] = 1;
        final List<JsonNode> out = FlowJson.decode(decoder, p);
        assertEquals(2, out.size());
        assertEquals("record count mismatch", out.get(1).get("reason").asText());
        assertEquals(72, out.get(1).get("offset").asInt());
        p[3] = 31;
        assertInvalid(p, "invalid record count", 2);
    }

    @Test
    void shouldDispatchByVersion()
    {
        final NetFlowDecoder dispatch = new NetFlowDecoder(decoder, new UnsupportedVersionDecoder(Protocol.NETFLOW_V9));
        final byte[] v9 = packet(1, 0, 5000, 1L, 0L);
        v9[1] = 9;
        final JsonNode r9 = FlowJson.decode(dispatch, v9).get(0);
        assertEquals("netflow-v9", r9.get("protocol").asText());
        assertEquals("unsupported version", r9.get("reason").asText());
        v9[1] = 7;
        final JsonNode r7 = FlowJson.decode(dispatch, v9).get(0);
        assertEquals("unsupported version", r7.get("reason").asText());
        assertEquals(true, r7.get("protocol").isNull());
        assertEquals("flow", FlowJson.decode(dispatch, packet(1, 0, 5000, 1L, 0L)).get(0).get("kind").asText());
        assertEquals(1, dispatch.counters().invalid());
    }

    private void assertInvalid(final byte[] p, final String reason, final int offset)
    {
        final List<JsonNode> out = FlowJson.decode(decoder, p);
        final JsonNode last = out.get(out.size() - 1);
        assertEquals("invalid", last.get("kind").asText());
        assertEquals(reason, last.get("reason").asText());
        assertEquals(offset, last.get("offset").asInt());
        assertEquals(p.length, last.get("length").asInt());
    }

    /** A v5 packet whose records have first = uptime - 999 and last = uptime. */
    static byte[] packet(final int count, final int sampling, final long uptime, final long secs, final long nsecs)
    {
        final ByteBuffer b = ByteBuffer.allocate(24 + 48 * count);
        b.putShort((short)5).putShort((short)count).putInt((int)uptime).putInt((int)secs).putInt((int)nsecs)
            .putInt(42).put((byte)1).put((byte)2).putShort((short)sampling);
        for (int i = 0; i < count; i++)
        {
            b.putInt(0x0A000001).putInt(0x0A000002).putInt(0).putShort((short)1).putShort((short)2)
                .putInt(10).putInt(1000).putInt((int)(uptime - 999)).putInt((int)uptime)
                .putShort((short)1234).putShort((short)80).put((byte)0).put((byte)0x12).put((byte)6).put((byte)0)
                .putShort((short)64500).putShort((short)64501).put((byte)24).put((byte)16).putShort((short)0);
        }
        return b.array();
    }
}
