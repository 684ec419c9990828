package io.nocraven.core.record;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLineTest
{
    private final RecordContext context = new RecordContext().set(new byte[] {10, 0, 0, 1}, 0, 4, 514, "syslog-udp",
        0L);
    private final List<AssertionError> failures = new ArrayList<>();
    private Consumer<JsonLine> check = line -> { };
    private final JsonRecordWriter writer = new JsonRecordWriter((kind, line) ->
    {
        try
        {
            check.accept(line);
        }
        catch (final AssertionError ex)
        {
            failures.add(ex);
        }
    });

    /** Writes a record whose only member is {@code "v":value}; runs {@code test} on the line inside the callback. */
    private void line(final String value, final Consumer<JsonLine> test)
    {
        check = test;
        writer.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424, context);
        writer.field("v", value);
        writer.endRecord();
        if (!failures.isEmpty())
        {
            throw failures.get(0);
        }
    }

    private static String expected(final String value)
    {
        return "{\"kind\":\"syslog\",\"protocol\":\"rfc5424\",\"exporter\":\"10.0.0.1:514\",\"listener\":\"syslog-udp\","
            + "\"receivedAt\":\"1970-01-01T00:00:00Z\",\"v\":\"" + value + "\"}";
    }

    private static void assertSameText(final String text, final JsonLine line)
    {
        assertEquals(text.length(), line.length());
        for (int i = 0; i < text.length(); i++)
        {
            assertEquals(text.charAt(i), line.charAt(i), "char " + i);
        }
        assertEquals(text, line.toString());
        assertTrue(text.contentEquals(line));
        assertEquals(text.substring(3, 20), line.subSequence(3, 20).toString());
        assertEquals("", line.subSequence(7, 7).toString());
        assertEquals(text, line.subSequence(0, text.length()).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> line.charAt(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> line.charAt(text.length()));
        assertThrows(IndexOutOfBoundsException.class, () -> line.subSequence(5, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> line.subSequence(0, text.length() + 1));
        final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, line.byteLength());
        assertArrayEquals(utf8, line.toByteArray());
        assertArrayEquals(utf8, Arrays.copyOf(line.bytes(), line.byteLength()));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try
        {
            line.writeTo(out);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        assertArrayEquals(utf8, out.toByteArray());
    }

    @Test
    void shouldReadAnAsciiLineStraightFromItsBytes()
    {
        final String text = expected("plain \\u2028 ascii \\\"quoted\\\"");
        line("plain \u2028 ascii \"quoted\"", l ->
        {
            assertTrue(l.isAscii());
            assertSameText(text, l);
        });
    }

    @Test
    void shouldDecodeANonAsciiLineOnceIntoText()
    {
        final String value = "caf\u00e9 \u20ac \uD83D\uDE00 \u4e2d\u6587 end";
        final String text = expected(value);
        line(value, l ->
        {
            assertFalse(l.isAscii());
            assertSameText(text, l);
            assertTrue(l.byteLength() > l.length());
            assertEquals('\uD83D', l.charAt(text.indexOf('\uD83D')));
            assertEquals('\uDE00', l.charAt(text.indexOf('\uD83D') + 1));
            assertSame(l.toString(), l.toString(), "decoded once, then reused");
        });
    }

    @Test
    void shouldNotShowBytesOfALongerEarlierLine()
    {
        final String longValue = "x".repeat(3000) + "\u00e9";
        line(longValue, l -> assertEquals(expected(longValue), l.toString()));
        line("short", l ->
        {
            assertTrue(l.isAscii());
            assertSameText(expected("short"), l);
            assertTrue(l.bytes().length > l.byteLength());
        });
        line("\u00e9", l ->
        {
            assertFalse(l.isAscii());
            assertSameText(expected("\u00e9"), l);
        });
    }

    @Test
    void shouldForgetTheTextOfThePreviousLine()
    {
        final String[] first = new String[1];
        line("\u00e9 one", l -> first[0] = l.toString());
        line("\u00e9 two", l ->
        {
            assertNotSame(first[0], l.toString());
            assertEquals(expected("\u00e9 two"), l.toString());
        });
        line("three", l -> assertEquals(expected("three"), l.toString()));
    }

    @Test
    void shouldCopyBytesThatOutliveTheCallback()
    {
        final byte[][] kept = new byte[1][];
        line("first \u00e9", l -> kept[0] = l.toByteArray());
        line("second", l -> assertEquals(expected("second"), l.toString()));
        assertEquals(expected("first \u00e9"), new String(kept[0], StandardCharsets.UTF_8));
    }
}
