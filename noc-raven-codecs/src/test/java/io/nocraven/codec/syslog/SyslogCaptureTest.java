package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.StreamFramer;
import io.nocraven.codec.syslog.framing.SyslogFramer;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.testing.Captures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The real captures end to end: UDP datagrams and TCP streams (client to server, ports 514/6514) read from the pcap
 * with {@link Captures}, TCP streams framed by {@link SyslogFramer}, every message decoded in both modes; the records
 * equal the oracle ({@code X.expected.jsonl}) in order, with the capture time as {@code receivedAt}.
 */
class SyslogCaptureTest
{
    @ParameterizedTest
    @ValueSource(strings = {"logger_rfc3164_udp", "logger_rfc5424_udp", "logger_rfc5424_tcp_octet", "logger_tcp_lf",
        "rsyslog_fwd_rfc3164_udp"})
    void shouldDecodeEveryMessageOfTheCapture(final String capture)
    {
        final List<JsonNode> expected = SyslogTestSupport.jsonLines("/fixtures/syslog/" + capture + ".expected.jsonl");
        for (final CodecOptions options : List.of(SyslogTestSupport.LENIENT, SyslogTestSupport.STRICT))
        {
            final List<JsonNode> records = decode("/fixtures/syslog/" + capture + ".pcap", options);
            assertEquals(expected.size(), records.size(), capture);
            for (int i = 0; i < expected.size(); i++)
            {
                final JsonNode e = expected.get(i);
                final JsonNode r = records.get(i);
                final String where = capture + " #" + i + " " + options.syslogMode();
                SyslogFixtureTest.assertMatchesOracle(e, r, where);
                assertEquals("127.0.0.1", r.get("exporter").asText().split(":")[0], where);
                if ("udp".equals(e.get("transport").asText()))
                {
                    final BigDecimal seconds = new BigDecimal(e.get("capture_time").asText());
                    assertEquals(seconds.stripTrailingZeros(), epochSeconds(r.get("receivedAt").asText()), where);
                }
            }
        }
    }

    private static BigDecimal epochSeconds(final String iso)
    {
        final java.time.Instant t = java.time.Instant.parse(iso);
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
    }

    private static List<JsonNode> decode(final String pcap, final CodecOptions options)
    {
        final List<JsonNode> out = new ArrayList<>();
        final JsonRecordWriter writer = new JsonRecordWriter((k, line) -> out.add(SyslogTestSupport.parse(line.toString())));
        final SyslogDecoder decoder = new SyslogDecoder(options);
        final RecordContext context = new RecordContext();
        for (final Captures.Datagram d : Captures.udp(pcap))
        {
            context.set(d.source(), "udp/" + d.destination().getPort(), d.timestampNanos());
            decoder.decode(context, d.payload(), 0, d.payload().length, writer);
        }
        for (final Captures.TcpStream s : Captures.tcpStreams(pcap))
        {
            final int port = s.destination().getPort();
            if (port != 514 && port != 6514)
            {
                continue;
            }
            context.set(s.source(), "tcp/" + port, SyslogTestSupport.RECEIVED);
            final SyslogFramer framer = new SyslogFramer();
            final StreamFramer.FrameHandler handler = new StreamFramer.FrameHandler()
            {
                @Override
                public void onFrame(final byte[] buf, final int offset, final int length)
                {
                    decoder.decode(context, buf, offset, length, writer);
                }

                @Override
                public void onError(final String reason, final long streamOffset, final byte[] buf, final int offset, final int length)
                {
                    out.add(SyslogTestSupport.JSON.createObjectNode().put("kind", "framing error").put("reason", reason));
                }
            };
            framer.onBytes(s.bytes(), 0, s.bytes().length, handler);
            framer.onEnd(handler);
        }
        return out;
    }
}
