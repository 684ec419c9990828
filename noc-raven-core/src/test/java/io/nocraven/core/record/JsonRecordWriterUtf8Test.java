package io.nocraven.core.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.testing.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UTF-8 output of {@link JsonRecordWriter}: byte for byte what the char-based writer gave once encoded as UTF-8
 * ({@link LegacyJsonText}), always valid UTF-8, and JSON that parses back to the text.
 */
class JsonRecordWriterUtf8Test
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENVELOPE = "{\"kind\":\"syslog\",\"protocol\":\"rfc5424\","
        + "\"exporter\":\"[2001:db8::7]:514\","
        + "\"listener\":\"syslog-udp\",\"receivedAt\":\"2024-03-15T10:00:02.087Z\"";
    private static final int[] INTERESTING_BYTES = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x7E, 0x7F,
        0x80, 0x85, 0x8F, 0x90, 0x9F, 0xA0, 0xA8, 0xA9, 0xAC, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED,
        0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    private static final char[] INTERESTING_CHARS = {0, '\t', '\n', '\r', 0x1F, ' ', '"', 'A', '\\', 0x7F, 0x80, 0x85,
        0xE9, 0x7FF, 0x800, 0x2027, 0x2028, 0x2029, 0x202A, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFD,
        0xFFFF};

    private final RecordContext context = new RecordContext().set(
        new byte[] {0x20, 0x01, 0x0d, (byte)0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7}, 0, 16, 514, "syslog-udp",
        1_710_496_802_087_000_000L);
    private JsonRecordWriter writer = newWriter();
    private byte[] last;
    private boolean lastAscii;

    private JsonRecordWriter newWriter()
    {
        return new JsonRecordWriter((kind, line) ->
        {
            last = line.toByteArray();
            lastAscii = line.isAscii();
        });
    }

    private byte[] utf8Line(final byte[] bytes, final int offset, final int length)
    {
        writer.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424, context);
        writer.name("v").utf8Value(bytes, offset, length);
        writer.endRecord();
        return last;
    }

    private byte[] stringLine(final CharSequence text)
    {
        writer.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424, context);
        writer.field("v", text);
        writer.endRecord();
        return last;
    }

    private static String legacyUtf8(final byte[] bytes, final int offset, final int length)
    {
        final StringBuilder sb = new StringBuilder();
        LegacyJsonText.decodeEscaped(bytes, offset, length, sb);
        return sb.toString();
    }

    private static String legacyString(final CharSequence text)
    {
        final StringBuilder sb = new StringBuilder();
        LegacyJsonText.escape(text, sb);
        return sb.toString();
    }

    /** The text of UTF-8 bytes, each maximal malformed subpart one U+FFFD. */
    private static String decoded(final byte[] bytes, final int offset, final int length)
    {
        final StringBuilder sb = new StringBuilder();
        Utf8.decode(bytes, offset, length, sb);
        return sb.toString();
    }

    /** The text with every lone surrogate replaced by U+FFFD. */
    private static String withoutLoneSurrogates(final String text)
    {
        final StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp));
        return sb.toString();
    }

    /**
     * Asserts that a line is exactly the envelope plus {@code "v":"escaped"} in UTF-8, valid UTF-8, and JSON whose
     * {@code v} is {@code text}.
     */
    private static void assertLine(final String escaped, final String text, final byte[] line, final String what)
    {
        assertEquals(ENVELOPE + ",\"v\":\"" + escaped + "\"}", new String(line, StandardCharsets.UTF_8), what);
        assertArrayEquals((ENVELOPE + ",\"v\":\"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8), line, what);
        assertTrue(Utf8.isValid(line, 0, line.length), what);
        final JsonNode node;
        try
        {
            node = JSON.readTree(line);
        }
        catch (final IOException ex)
        {
            throw new AssertionError("not JSON: " + what, ex);
        }
        assertEquals(text, node.get("v").asText(), what);
    }

    private static String expectedAsciiEscape(final char c)
    {
        switch (c)
        {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            default:
                return c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int)c) : String.valueOf(c);
        }
    }

    @Test
    void shouldEscapeEveryAsciiCharacterFromCharsAndFromBytes()
    {
        final StringBuilder all = new StringBuilder();
        final StringBuilder allEscaped = new StringBuilder();
        for (char c = 0; c < 0x80; c++)
        {
            final String text = "a" + c + "b";
            final String escaped = "a" + expectedAsciiEscape(c) + "b";
            final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertLine(escaped, text, stringLine(text), "char " + (int)c);
            assertLine(escaped, text, utf8Line(bytes, 0, bytes.length), "byte " + (int)c);
            assertLine(expectedAsciiEscape(c), String.valueOf(c), utf8Line(bytes, 1, 1), "lone byte " + (int)c);
            all.append(c);
            allEscaped.append(expectedAsciiEscape(c));
        }
        final byte[] bytes = all.toString().getBytes(StandardCharsets.US_ASCII);
        assertLine(allEscaped.toString(), all.toString(), stringLine(all), "all ASCII chars");
        assertLine(allEscaped.toString(), all.toString(), utf8Line(bytes, 0, bytes.length), "all ASCII bytes");
        assertEquals(legacyString(all), allEscaped.toString());
        assertTrue(lastAscii);
    }

    @ParameterizedTest
    @CsvSource({
        "0085, c285, \\u0085",
        "2028, e280a8, \\u2028",
        "2029, e280a9, \\u2029",
    })
    void shouldEscapeLineSeparatorsFromCharsAndFromBytes(final String code, final String hex, final String escaped)
    {
        final String text = "x" + (char)Integer.parseInt(code, 16) + "y";
        final byte[] bytes = Hex.parse("78" + hex + "79");
        assertLine("x" + escaped + "y", text, stringLine(text), "chars " + code);
        assertTrue(lastAscii);
        assertLine("x" + escaped + "y", text, utf8Line(bytes, 0, bytes.length), "bytes " + hex);
        assertTrue(lastAscii);
        assertLine(escaped, text.substring(1, 2), utf8Line(bytes, 1, bytes.length - 2), "bytes alone " + hex);
    }

    @ParameterizedTest
    @CsvSource({
        "0084, c284", "0086, c286", "00c5, c385", "2027, e280a7", "202a, e280aa", "2128, e284a8", "e028, ee80a8",
        "00e9, c3a9", "20ac, e282ac", "07ff, dfbf", "0800, e0a080", "fffd, efbfbd", "ffff, efbfbf",
    })
    void shouldCopyOtherNonAsciiCharactersRaw(final String code, final String hex)
    {
        final String text = String.valueOf((char)Integer.parseInt(code, 16));
        final byte[] bytes = Hex.parse(hex);
        assertLine(text, text, stringLine(text), "chars " + code);
        assertFalse(lastAscii);
        assertLine(text, text, utf8Line(bytes, 0, bytes.length), "bytes " + hex);
        assertFalse(lastAscii);
    }

    @Test
    void shouldCopyFourByteSequencesAndSurrogatePairs()
    {
        for (final int cp : new int[] {0x10000, 0x1F600, 0x10FFFF, 0x2A6D6})
        {
            final String text = "<" + new String(Character.toChars(cp)) + ">";
            final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertEquals(6, bytes.length);
            assertLine(text, text, stringLine(text), "chars U+" + Integer.toHexString(cp));
            assertLine(text, text, utf8Line(bytes, 0, bytes.length), "bytes U+" + Integer.toHexString(cp));
            assertFalse(lastAscii);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "a\uD800b, a\uFFFDb",
        "a\uDC00b, a\uFFFDb",
        "\uD800, \uFFFD",
        "x\uDBFF, x\uFFFD",
        "\uDC00\uD800, \uFFFD\uFFFD",
        "\uD800\uD83D\uDE00, \uFFFD\uD83D\uDE00",
        "\uD83D\uDE00\uDE00, \uD83D\uDE00\uFFFD",
    })
    void shouldReplaceLoneSurrogatesInChars(final String text, final String expected)
    {
        assertLine(expected, expected, stringLine(text), text);
        assertEquals(legacyString(text), expected);
        assertFalse(lastAscii);
    }

    @ParameterizedTest
    @CsvSource({
        // truncated sequences at the end of the range
        "c2, \uFFFD", "e282, \uFFFD", "f09f98, \uFFFD", "41c3, A\uFFFD", "e0a0, \uFFFD", "f4, \uFFFD",
        // truncated inside the range
        "e28241, \uFFFDA", "f09f9841, \uFFFDA", "e1804180, \uFFFDA\uFFFD", "f1808041, \uFFFDA", "c3c3a9, \uFFFD\u00e9",
        // overlong forms: C0/C1 lead bytes, E0 80..9F, F0 80..8F
        "c0af, \uFFFD\uFFFD", "c1bf, \uFFFD\uFFFD", "e080af, \uFFFD\uFFFD\uFFFD", "e09fbf, \uFFFD\uFFFD\uFFFD",
        "f0808080, \uFFFD\uFFFD\uFFFD\uFFFD", "f08fbfbf, \uFFFD\uFFFD\uFFFD\uFFFD",
        // surrogates encoded in UTF-8: three U+FFFD each
        "eda080, \uFFFD\uFFFD\uFFFD", "edbfbf41, \uFFFD\uFFFD\uFFFDA", "edb080, \uFFFD\uFFFD\uFFFD",
        // beyond U+10FFFF, bytes that never occur, lone continuation bytes
        "f4908080, \uFFFD\uFFFD\uFFFD\uFFFD", "f5, \uFFFD", "f8888080, \uFFFD\uFFFD\uFFFD\uFFFD", "fe, \uFFFD",
        "ff, \uFFFD",
        "80, \uFFFD", "bf, \uFFFD", "80bf, \uFFFD\uFFFD",
        // well-formed edges
        "ed9fbf, \ud7ff", "ee8080, \ue000", "f48fbfbf, \udbff\udfff", "f0908080, \ud800\udc00", "efbfbd, \uFFFD",
        // malformed next to escapes and separators
        "22c20a, \\\"\uFFFD\\n", "e2e280a85c, \uFFFD\\u2028\\\\", "ffc285ff, \uFFFD\\u0085\uFFFD",
    })
    void shouldReplaceMalformedUtf8PerMaximalSubpartAsUtf8DecodeDoes(final String hex, final String escaped)
    {
        final byte[] bytes = Hex.parse(hex);
        final String text = decoded(bytes, 0, bytes.length);
        assertLine(escaped, text, utf8Line(bytes, 0, bytes.length), hex);
        assertEquals(legacyUtf8(bytes, 0, bytes.length), escaped, hex);
    }

    @Test
    void shouldReadOnlyTheGivenRangeOfBytes()
    {
        final byte[] bytes = Hex.parse("41 e282ac 42 f09f9880");
        assertLine("A\uFFFD", "A\uFFFD", utf8Line(bytes, 0, 3), "sequence cut by the range end");
        assertLine("\uFFFD\uFFFDB", "\uFFFD\uFFFDB", utf8Line(bytes, 2, 3), "range starts inside a sequence");
        assertLine("\u20acB\uFFFD", "\u20acB\uFFFD", utf8Line(bytes, 1, 7), "four-byte sequence cut");
        assertLine("", "", utf8Line(bytes, 5, 0), "empty range");
        assertTrue(lastAscii);
    }

    @Test
    void shouldWriteValuesThatCrossTheInitialCapacityAtEveryPosition()
    {
        // The buffer starts at 1024 bytes; move every kind of write across that boundary one byte at a time.
        final String[] tails = {"\u00e9", "\u20ac", "\uD83D\uDE00", "\"", "\u0001", "\u2028", "\uD800"};
        for (int n = 850; n < 1100; n++)
        {
            for (final String tail : tails)
            {
                final String text = "m".repeat(n) + tail + "z";
                final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                writer = newWriter();
                assertLine(legacyString(text), withoutLoneSurrogates(text), stringLine(text), "chars " + n);
                writer = newWriter();
                final String expected = legacyUtf8(bytes, 0, bytes.length);
                assertLine(expected, decoded(bytes, 0, bytes.length), utf8Line(bytes, 0, bytes.length), "bytes " + n);
            }
        }
    }

    @Test
    void shouldWriteLongValuesAndKeepTheGrownBufferForShortOnes()
    {
        final StringBuilder sb = new StringBuilder();
        final SplittableRandom random = new SplittableRandom(3);
        while (sb.length() < 200_000)
        {
            sb.append(INTERESTING_CHARS[random.nextInt(INTERESTING_CHARS.length)]).append("plain text run ");
        }
        final String text = sb.toString();
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertLine(legacyString(text), withoutLoneSurrogates(text), stringLine(text), "long chars");
        assertLine(legacyUtf8(bytes, 0, bytes.length), decoded(bytes, 0, bytes.length),
            utf8Line(bytes, 0, bytes.length), "long bytes");
        assertLine("short", "short", stringLine("short"), "short after long");
        assertTrue(lastAscii);
    }

    @Test
    void shouldMatchTheCharWriterOnRandomBytes()
    {
        final SplittableRandom random = new SplittableRandom(20_240_315);
        final byte[] bytes = new byte[96];
        for (int i = 0; i < 20_000; i++)
        {
            for (int k = 0; k < bytes.length; k++)
            {
                bytes[k] = (byte)(random.nextBoolean() ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
                    : random.nextInt(256));
            }
            final int offset = random.nextInt(16);
            final int length = random.nextInt(bytes.length - offset + 1);
            final String what = Hex.format(Arrays.copyOfRange(bytes, offset, offset + length));
            assertLine(legacyUtf8(bytes, offset, length), decoded(bytes, offset, length),
                utf8Line(bytes, offset, length), what);
        }
    }

    @Test
    void shouldMatchTheCharWriterOnRandomChars()
    {
        final SplittableRandom random = new SplittableRandom(8259);
        for (int i = 0; i < 20_000; i++)
        {
            final char[] chars = new char[random.nextInt(48)];
            for (int k = 0; k < chars.length; k++)
            {
                chars[k] = random.nextBoolean() ? INTERESTING_CHARS[random.nextInt(INTERESTING_CHARS.length)]
                    : (char)random.nextInt(0x10000);
            }
            final String text = new String(chars);
            assertLine(legacyString(text), withoutLoneSurrogates(text), stringLine(text),
                text.chars().mapToObj(Integer::toHexString).toList().toString());
        }
    }

    @Test
    void shouldWriteNumbersAsTheCharWriterDid()
    {
        final SplittableRandom random = new SplittableRandom(64);
        for (int i = 0; i < 20_000; i++)
        {
            final long l = i < 64 ? 1L << i : i < 128 ? -(1L << (i - 64)) : random.nextLong() >> random.nextInt(64);
            final double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : l / 1000.0;
            writer.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424, context);
            writer.name("l").longValue(l);
            writer.name("d").doubleValue(d);
            writer.endRecord();
            final String oldDouble = Double.isNaN(d) ? "\"NaN\""
                : Double.isInfinite(d) ? (d > 0 ? "\"Infinity\"" : "\"-Infinity\"")
                : d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long)d)
                : Double.toString(d);
            assertEquals(ENVELOPE + ",\"l\":" + l + ",\"d\":" + oldDouble + "}",
                new String(last, StandardCharsets.UTF_8));
        }
    }
}
