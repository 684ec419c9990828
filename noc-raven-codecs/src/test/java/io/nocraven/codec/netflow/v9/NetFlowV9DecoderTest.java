package io.nocraven.codec.netflow.v9;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.flow.FlowCacheLimits;
import io.nocraven.codec.flow.InformationElementRegistry;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NetFlow v9 on hand-built packets: unusual field lengths, padding, packets back to back, uptime wrap, rejected
 * templates, template state export/restore, cache bounds and lifetimes, hold age, exporter separation.
 */
class NetFlowV9DecoderTest
{
    /** Export time 2024-03-15T10:03:58Z, sysUpTime 238211 ms, source id 7. */
    private static final String HEADER = "0009 0001 0003a283 65f41d0e 0000000%d 00000007";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
    private final List<String> lines = new ArrayList<>();
    private final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> lines.add(line.toString()));
    private final RecordContext context = new RecordContext().set(new byte[] {10, 0, 0, 1}, 0, 4, 2055, "udp/2055", 0);

    static byte[] hex(final String hex)
    {
        final String h = hex.replace(" ", "");
        final byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++)
        {
            b[i] = (byte)Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static byte[] packet(final int sequence, final String flowsets)
    {
        return hex(String.format(HEADER, sequence) + flowsets);
    }

    private NetFlowV9Decoder decoder(final CodecOptions.Builder options, final FlowCacheLimits limits)
    {
        return new NetFlowV9Decoder(options.clock(clock).build(), InformationElementRegistry.standard(), limits);
    }

    private DecodeStatus decode(final NetFlowV9Decoder decoder, final byte[] packet)
    {
        return decoder.decode(context, packet, 0, packet.length, out);
    }

    private String fieldsOf(final int line)
    {
        final String l = lines.get(line);
        return l.substring(l.indexOf("\"fields\":") + 9, l.length() - 1);
    }

    @Test
    void shouldDecodeUnusualFieldLengthsAndSkipPadding()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);
        // Template 300: IN_BYTES (1) in 8 octets, IN_PKTS (2) in 2, L4_SRC_PORT (7) in 4, IPV4_SRC_ADDR (8) in 16.
        decode(decoder, packet(1, "0000 0018 012c 0004 0001 0008 0002 0002 0007 0004 0008 0010"
            + " 012c 0024 0000000100000000 0003 00000050 0000000000000000000000000a000001 0000"));

        assertEquals(1, lines.size(), "one record, then 2 octets of padding");
        assertEquals("{\"octetDeltaCount\":4294967296,\"packetDeltaCount\":3,\"sourceTransportPort\":80,"
            + "\"sourceIPv4Address\":\"0000000000000000000000000a000001\"}", fieldsOf(0));
    }

    @Test
    void shouldDecodePacketsBackToBack()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);
        final byte[] a = packet(1, "0000 000c 012c 0001 0004 0001");
        final byte[] b = packet(2, "012c 0006 06 11");
        final byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);

        assertEquals(DecodeStatus.OK, decode(decoder, both));
        assertEquals(List.of("{\"protocolIdentifier\":6}", "{\"protocolIdentifier\":17}"), List.of(fieldsOf(0), fieldsOf(1)));
        assertTrue(lines.get(1).contains("\"sequenceNumber\":2,\"sourceId\":7"), lines.get(1));
    }

    @Test
    void shouldHandleTheUptimeWrap()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);
        // sysUpTime 238211; FIRST_SWITCHED 0xfffff000 was 4096 ms before the uptime wrapped, 242307 ms before export.
        decode(decoder, packet(1, "0000 0010 012c 0002 0016 0004 0015 0004 012c 000c fffff000 00000010"));

        assertEquals("{\"flowStartSysUpTime\":4294963200,\"flowEndSysUpTime\":16,\"flowStartMilliseconds\":"
            + "\"2024-03-15T09:59:55.693Z\",\"flowEndMilliseconds\":\"2024-03-15T09:59:59.805Z\"}", fieldsOf(0));
    }

    @Test
    void shouldRejectBadTemplatesAndFlowsetsWithTheirOffset()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);

        assertEquals(DecodeStatus.INVALID, decode(decoder, packet(1, "0000 0008 012c 0000")));
        assertTrue(lines.get(0).contains("\"reason\":\"zero-length template\",\"offset\":24"), lines.get(0));
        assertEquals(DecodeStatus.INVALID, decode(decoder, packet(2, "0000 000c 012c 0001 0004 0000")));
        assertTrue(lines.get(1).contains("\"reason\":\"zero-length template\",\"offset\":24"), lines.get(1));
        assertEquals(DecodeStatus.INVALID, decode(decoder, packet(3, "012c 0040 0000")));
        assertTrue(lines.get(2).contains("\"reason\":\"bad flowset length\",\"offset\":20"), lines.get(2));
        assertEquals(DecodeStatus.INVALID, decode(decoder, hex("0005 0001")));
        assertTrue(lines.get(3).contains("\"reason\":\"truncated header\",\"offset\":0"), lines.get(3));
        assertEquals(4, decoder.counters().invalid());
    }

    @Test
    void shouldRestoreExportedTemplates()
    {
        final NetFlowV9Decoder first = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);
        decode(first, packet(1, "0000 000c 012c 0001 0004 0001 0001 0014 012d 0004 0004 0002 0004 0030 0001 0000"));
        final byte[] state = first.exportTemplates();

        final NetFlowV9Decoder second = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);
        assertEquals(2, second.restoreTemplates(state));
        decode(second, packet(2, "012d 000c 00000007 0c 000000 012c 0005 06"));

        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"scope\":{\"scopeInterface\":7},\"fields\":{\"samplerId\":12}"), lines.get(0));
        assertEquals("{\"protocolIdentifier\":6}", fieldsOf(1));
        assertTrue(new String(state, java.nio.charset.StandardCharsets.UTF_8).startsWith(
            "{\"format\":\"noc-raven-flow-templates\",\"version\":1,\"exporters\":[{\"address\":\"10.0.0.1\",\"port\":2055,"
            + "\"domain\":7,\"templates\":[{\"id\":300,\"options\":false,\"scopeCount\":0,\"fields\":[[0,4,1]]}"));
    }

    @Test
    void shouldEvictTheOldestTemplateBeyondTheExporterBound()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), new FlowCacheLimits(2, 100, 0, 10));
        decode(decoder, packet(1, "0000 001c 012c 0001 0004 0001 012d 0001 0004 0001 012e 0001 0004 0001"));
        decode(decoder, packet(2, "012c 0005 06 012e 0005 11"));

        assertEquals(1, decoder.flowCounters().templatesEvicted());
        assertEquals(1, lines.size(), "300 was evicted: its data waits");
        assertEquals("{\"protocolIdentifier\":17}", fieldsOf(0));
    }

    @Test
    void shouldExpireTemplatesNotResentWithinTheirLifetime()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), new FlowCacheLimits(10, 100, 60_000, 10));
        decode(decoder, packet(1, "0000 000c 012c 0001 0004 0001"));
        clock.advance(Duration.ofSeconds(30));
        decode(decoder, packet(2, "0000 000c 012c 0001 0004 0001 012c 0005 06"));
        clock.advance(Duration.ofSeconds(45));
        decode(decoder, packet(3, "012c 0005 11"));
        clock.advance(Duration.ofSeconds(30));

        assertEquals(DecodeStatus.HELD, decode(decoder, packet(4, "012c 0005 11")));
        assertEquals(2, lines.size(), "re-sent at 30 s, so alive at 75 s, expired at 105 s");
        assertEquals(1, decoder.flowCounters().templatesExpired());
    }

    @Test
    void shouldGiveUpHeldPacketsOlderThanTheHoldLimit()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder().flowHoldMillis(1000), FlowCacheLimits.DEFAULTS);
        assertEquals(DecodeStatus.HELD, decode(decoder, packet(1, "012c 0005 06")));
        clock.advance(Duration.ofMillis(1500));
        assertEquals(DecodeStatus.HELD, decode(decoder, packet(2, "012c 0005 11")));
        decode(decoder, packet(3, "0000 000c 012c 0001 0004 0001"));

        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"reason\":\"template not received\",\"offset\":20"), lines.get(0));
        assertEquals("{\"protocolIdentifier\":17}", fieldsOf(1));
        assertTrue(lines.get(1).contains("\"sequenceNumber\":2"), "the held packet's own header: " + lines.get(1));
        assertEquals(1, decoder.flowCounters().packetsReleased());
        assertEquals(1, decoder.flowCounters().packetsNotReleased());
    }

    @Test
    void shouldKeepTemplatesOfDifferentExportersApart()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), FlowCacheLimits.DEFAULTS);
        final RecordContext other = new RecordContext().set(new byte[] {10, 0, 0, 1}, 0, 4, 2056, "udp/2055", 0);
        decode(decoder, packet(1, "0000 000c 012c 0001 0004 0001"));
        final byte[] otherTemplate = packet(1, "0000 000c 012c 0001 0005 0001");
        decoder.decode(other, otherTemplate, 0, otherTemplate.length, out);
        final byte[] data = packet(2, "012c 0005 06");
        decoder.decode(other, data, 0, data.length, out);
        decode(decoder, data);

        assertEquals(List.of("{\"ipClassOfService\":6}", "{\"protocolIdentifier\":6}"), List.of(fieldsOf(0), fieldsOf(1)));
    }

    @Test
    void shouldDropTheLeastRecentlySeenExporterBeyondTheBoundAndReportItsHeldData()
    {
        final NetFlowV9Decoder decoder = decoder(CodecOptions.builder(), new FlowCacheLimits(10, 100, 0, 1));
        final RecordContext other = new RecordContext().set(new byte[] {10, 0, 0, 2}, 0, 4, 2055, "udp/2055", 0);
        assertEquals(DecodeStatus.HELD, decode(decoder, packet(1, "012c 0005 06")));
        final byte[] template = packet(1, "0000 000c 012c 0001 0004 0001");
        decoder.decode(other, template, 0, template.length, out);

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"exporter\":\"10.0.0.1:2055\"") && lines.get(0).contains("template not received"),
            lines.get(0));
        assertEquals(1, decoder.flowCounters().exportersEvicted());
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock
    {
        private Instant now;

        MutableClock(final Instant start)
        {
            this.now = start;
        }

        void advance(final Duration d)
        {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone()
        {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final ZoneId zone)
        {
            return this;
        }

        @Override
        public Instant instant()
        {
            return now;
        }
    }
}
