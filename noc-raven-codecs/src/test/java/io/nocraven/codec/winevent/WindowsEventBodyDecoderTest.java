package io.nocraven.codec.winevent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.core.record.JsonRecordWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.nocraven.codec.winevent.WinEventTestSupport.concat;
import static io.nocraven.codec.winevent.WinEventTestSupport.context;
import static io.nocraven.codec.winevent.WinEventTestSupport.decode;
import static io.nocraven.codec.winevent.WinEventTestSupport.decoder;
import static io.nocraven.codec.winevent.WinEventTestSupport.gzip;
import static io.nocraven.codec.winevent.WinEventTestSupport.json;
import static io.nocraven.codec.winevent.WinEventTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Body framing, content codings, charsets, limits and per-event rejection of {@link WindowsEventDecoder}. */
class WindowsEventBodyDecoderTest
{
    private static final byte[] SINGLE = json(sample("winevt/http/single-object").get("request").get("body"));
    private static final String NDJSON = sample("winevt/http/ndjson-batch").get("request").get("body_text").asText();
    /** The NXLog line with an emoji, CJK and Hebrew text. */
    private static final String UNICODE_LINE = NDJSON.split("\n")[10];

    @Test
    void shouldDecodeGzipDeclaredOrRecognisedByItsMagicBytes()
    {
        final ObjectNode plain = only(decode(SINGLE, "application/json"));
        assertEquals(plain, only(decode(decoder(), gzip(SINGLE), "application/json", "gzip")));
        assertEquals(plain, only(decode(decoder(), gzip(SINGLE), "application/json", "x-gzip")));
        assertEquals(plain, only(decode(decoder(), gzip(SINGLE), null, null)));
    }

    @Test
    void shouldRefuseBrokenGzipAndUnknownContentCodings()
    {
        refused(decode(decoder(), SINGLE, "application/json", "gzip"), 400, "invalid gzip data");
        final byte[] gz = gzip(SINGLE);
        refused(decode(decoder(), Arrays.copyOf(gz, gz.length / 2), "application/json", "gzip"), 400, "truncated gzip data");
        refused(decode(decoder(), SINGLE, "application/json", "br"), 415, "unsupported content encoding");
    }

    @Test
    void shouldDecodeUtf16WithAndWithoutByteOrderMark()
    {
        final byte[] utf8 = UNICODE_LINE.getBytes(StandardCharsets.UTF_8);
        final ObjectNode expected = only(decode(utf8, "application/json"));
        assertEquals("emoji \uD83D\uDE80 and CJK \u4E2D\u6587 and RTL \u05E2\u05D1\u05E8\u05D9\u05EA",
            expected.get("message").asText());
        final byte[] le = UNICODE_LINE.getBytes(StandardCharsets.UTF_16LE);
        final byte[] be = UNICODE_LINE.getBytes(StandardCharsets.UTF_16BE);
        assertEquals(expected, only(decode(concat(new byte[] {(byte)0xFF, (byte)0xFE}, le), "application/json")));
        assertEquals(expected, only(decode(concat(new byte[] {(byte)0xFE, (byte)0xFF}, be), "application/json")));
        assertEquals(expected, only(decode(le, "application/json; charset=UTF-16LE")));
        assertEquals(expected, only(decode(be, "application/json; charset=\"utf-16be\"")));
        assertEquals(expected, only(decode(le, "application/json")), "RFC 4627 zero-byte sniffing");
        assertEquals(expected, only(decode(be, null)), "RFC 4627 zero-byte sniffing");
        assertEquals(expected, only(decode(concat(new byte[] {(byte)0xEF, (byte)0xBB, (byte)0xBF}, utf8), null)));
    }

    @Test
    void shouldDecodeLatin1WhenTheCharsetSaysSo()
    {
        final String line = UNICODE_LINE.replaceAll("emoji [^\"]*\\\\r\\\\n", "caf\u00e9");
        final ObjectNode utf8 = only(decode(line.getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals(utf8, only(decode(line.getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=ISO-8859-1")));
        assertEquals("caf\u00e9", utf8.get("message").asText());
    }

    @Test
    void shouldRefuseBrokenUtf16AndUnsupportedTypesAndCharsets()
    {
        final byte[] le = UNICODE_LINE.getBytes(StandardCharsets.UTF_16LE);
        refused(decode(concat(new byte[] {(byte)0xFF, (byte)0xFE}, Arrays.copyOf(le, le.length - 1)), null), 400,
            "invalid UTF-16LE text");
        refused(decode(SINGLE, "application/xml"), 415, "unsupported media type");
        refused(decode(SINGLE, "application/x-www-form-urlencoded"), 415, "unsupported media type");
        refused(decode(SINGLE, "application/json; charset=shift_jis"), 415, "unsupported charset");
        assertEquals(202, decode(SINGLE, "application/vnd.winlogbeat+json").result().httpStatus());
        assertEquals(202, decode(SINGLE, "text/plain; charset=utf-8").result().httpStatus());
    }

    @Test
    void shouldKeepDecodingNdjsonPastBlankLinesAndABadLine()
    {
        final String[] lines = NDJSON.split("\n");
        final String body = lines[0] + "\r\n\r\n   \n" + "{\"EventID\": 4625, \"Hostname\": \n" + lines[1] + "\n\n";
        final WinEventTestSupport.Decoded d = decode(body.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertEquals(202, d.result().httpStatus());
        assertEquals(2, d.result().accepted());
        assertEquals(1, d.result().rejected());
        assertEquals(List.of("windows-event", "invalid", "windows-event"),
            d.records().stream().map(r -> r.get("kind").asText()).toList());
        final JsonNode bad = d.invalid().get(0);
        final int badLineStart = body.indexOf("{\"EventID\": 4625");
        assertEquals(1, bad.get("index").asInt());
        assertEquals("truncated JSON", bad.get("reason").asText());
        assertEquals(body.indexOf('\n', badLineStart), bad.get("offset").asInt(), "the end of the bad line");
        assertEquals(new IngestResult.Rejection(1, body.indexOf('\n', badLineStart), "truncated JSON"),
            d.result().rejections().get(0));
        assertEquals(4624, d.events().get(0).get("eventId").asInt());
        assertEquals(4625, d.events().get(1).get("eventId").asInt());
    }

    @Test
    void shouldRecogniseNdjsonSentAsPlainJson()
    {
        final WinEventTestSupport.Decoded d = decode(NDJSON.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(12, d.result().accepted());
        assertEquals(0, d.result().rejected());
    }

    @Test
    void shouldRejectBadEventsOfAnArrayAndKeepTheOthers()
    {
        final String single = new String(SINGLE, StandardCharsets.UTF_8);
        final String body = "[" + single + ", 5, {\"winlog\": {\"channel\": \"Security\"}}, {\"foo\": 1}, " + single + "]";
        final WinEventTestSupport.Decoded d = decode(body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(202, d.result().httpStatus());
        assertEquals(2, d.result().accepted());
        assertEquals(3, d.result().rejected());
        final List<IngestResult.Rejection> expected = List.of(
            new IngestResult.Rejection(1, body.indexOf(", 5,") + 2, "event is not a JSON object"),
            new IngestResult.Rejection(2, body.indexOf("{\"winlog\": {\"channel\""), "missing eventId"),
            new IngestResult.Rejection(3, body.indexOf("{\"foo\""), "unknown event shape"));
        assertEquals(expected, d.result().rejections());
        final JsonNode notObject = d.invalid().get(0);
        assertEquals("35", notObject.get("hex").asText());
        assertEquals(1, notObject.get("length").asInt());
        assertEquals("windows-event", notObject.get("protocol").asText());
        assertEquals("{\"foo\": 1}".length(), d.invalid().get(2).get("length").asInt());
    }

    @Test
    void shouldAnswer422WhenNoEventIsUsable()
    {
        final WinEventTestSupport.Decoded d = decode("{\"foo\": 1}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(422, d.result().httpStatus());
        assertEquals("unknown event shape", d.invalid().get(0).get("reason").asText());
        assertEquals(0, d.invalid().get(0).get("index").asInt());
    }

    @Test
    void shouldRefuseBodiesThatAreNotJson()
    {
        final WinEventTestSupport.Decoded d = refused(decode("  hello world".getBytes(StandardCharsets.UTF_8), null), 400,
            "not a JSON object or array");
        assertEquals(2, d.invalid().get(0).get("offset").asInt());
        refused(decode(new byte[0], "application/json"), 400, "empty body");
        refused(decode("\r\n ".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "empty body");
        refused(decode(Arrays.copyOf(SINGLE, SINGLE.length - 3), "application/json"), 400, "truncated JSON");
        refused(decode(concat(SINGLE, " 5".getBytes(StandardCharsets.UTF_8)), null), 400, "trailing data after JSON value");
        refused(decode(("[" + new String(SINGLE, StandardCharsets.UTF_8) + "] x").getBytes(StandardCharsets.UTF_8), null),
            400, "malformed JSON");
        refused(decode("[{\"a\": \"\u00e9\"}]".getBytes(StandardCharsets.ISO_8859_1), null), 400, "invalid UTF-8");
        assertEquals(202, decode("[]".getBytes(StandardCharsets.UTF_8), null).result().httpStatus());
    }

    @Test
    void shouldRefuseBodiesOverTheLimits()
    {
        final WindowsEventLimits small = WindowsEventLimits.builder().maxBodyBytes(12_000).maxDecodedBytes(4096).maxEvents(3)
            .build();
        final WindowsEventDecoder d = new WindowsEventDecoder(CodecOptions.defaults(), small);
        refused(decode(d, NDJSON.getBytes(StandardCharsets.UTF_8), null, null), 413, "body exceeds 12000 bytes");
        final byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
        assertEquals(true, bomb.length < 12_000, "10 MiB of zeros compress below the 12000-byte body limit");
        refused(decode(d, bomb, null, "gzip"), 413, "decompressed body exceeds 4096 bytes");
        final byte[] spaces = new byte[5000];
        Arrays.fill(spaces, (byte)' ');
        spaces[0] = '[';
        spaces[4999] = ']';
        refused(decode(d, gzip(spaces), null, null), 413, "decompressed body exceeds 4096 bytes");
        refused(decode(d, spaces, null, null), 413, "body exceeds 4096 decoded bytes");
        refused(decode(d, "[{},{},{},{}]".getBytes(StandardCharsets.UTF_8), null, null), 413, "more than 3 events");
        refused(decode(d, "{}\n{}\n\n{}\n{}\n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson", null), 413,
            "more than 3 events");
        final String deep = "[".repeat(40) + "]".repeat(40);
        refused(decode(deep.getBytes(StandardCharsets.UTF_8), null), 400, "JSON too deep or too long");
    }

    @Test
    void shouldSplitAFullClassicEventIdIntoIdAndQualifiers()
    {
        final String line = NDJSON.split("\n")[4].replace("\"EventID\": 7036", "\"EventID\": 1073748860");
        final ObjectNode r = only(decode(line.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(7036, r.get("eventId").asInt());
        assertEquals(16384, r.get("qualifiers").asInt());
    }

    @Test
    void shouldRejectFieldsOfTheWrongTypeOrRange()
    {
        final String ps = json(sample("winevt/powershell/sys-7036-service-state").get("input")).length > 0
            ? new String(json(sample("winevt/powershell/sys-7036-service-state").get("input")), StandardCharsets.UTF_8) : "";
        assertEquals("bad level", rejectReason(ps.replace("\"Level\":4", "\"Level\":\"high\"")));
        assertEquals("bad level", rejectReason(ps.replace("\"Level\":4", "\"Level\":256")));
        assertEquals("bad eventId", rejectReason(ps.replace("\"Id\":7036", "\"Id\":-1")));
        assertEquals("bad eventId", rejectReason(ps.replace("\"Id\":7036", "\"Id\":1.5")));
        assertEquals("bad timeCreated", rejectReason(ps.replace("/Date(1709251199500)/", "/Date(abc)/")));
        assertEquals("bad keywords", rejectReason(ps.replace("\"Keywords\":36028797018963968", "\"Keywords\":\"lots\"")));
        assertEquals("bad Properties", rejectReason(ps.replace("\"Properties\":[", "\"Properties\":{\"x\":[").replace(
            "}],\"Message\"", "}]},\"Message\"")));
        final String wlb = new String(SINGLE, StandardCharsets.UTF_8);
        assertEquals("bad eventId", rejectReason(wlb.replace("\"event_id\":\"4624\"", "\"event_id\":\"46x24\"")));
        assertEquals("bad winlog", rejectReason("{\"winlog\": 5}"));
        assertEquals("bad keywords", rejectReason(wlb.replace("\"keywords\":[\"Audit Success\"]", "\"keywords\":\"Audit\"")));
    }

    @Test
    void shouldDecodeAFileThroughTheDatagramDecoderFactory()
    {
        final var d = Decoders.create(ProtocolFamily.WINDOWS_EVENT, CodecOptions.defaults());
        assertInstanceOf(WindowsEventDecoder.class, d);
        final List<String> lines = new ArrayList<>();
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> lines.add(line.toString()));
        final byte[] body = gzip(NDJSON.getBytes(StandardCharsets.UTF_8));
        assertEquals(DecodeStatus.OK, d.decode(context(), body, 0, body.length, out));
        assertEquals(12, lines.size());
        assertEquals(DecodeStatus.INVALID, d.decode(context(), new byte[] {'x'}, 0, 1, out));
        assertEquals(1, d.counters().failuresByReason().get("not a JSON object or array"));
        assertEquals(12, d.counters().records());
        assertEquals(2, d.counters().inputs());
    }

    private static String rejectReason(final String body)
    {
        final WinEventTestSupport.Decoded d = decode(body.getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(0, d.result().accepted(), body);
        assertEquals(1, d.invalid().size(), body);
        return d.invalid().get(0).get("reason").asText();
    }

    private static ObjectNode only(final WinEventTestSupport.Decoded d)
    {
        assertEquals(1, d.records().size(), d.records().toString());
        assertEquals(1, d.events().size(), d.records().toString());
        final ObjectNode r = d.events().get(0);
        WinEventTestSupport.ENVELOPE.forEach(r::remove);
        return r;
    }

    private static WinEventTestSupport.Decoded refused(final WinEventTestSupport.Decoded d, final int status, final String reason)
    {
        assertEquals(status, d.result().httpStatus(), d.result().toString());
        assertEquals(reason, d.result().reason());
        assertEquals(1, d.records().size());
        assertEquals(reason, d.invalid().get(0).get("reason").asText());
        return d;
    }
}
