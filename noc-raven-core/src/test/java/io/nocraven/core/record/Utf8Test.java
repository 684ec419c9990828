package io.nocraven.core.record;

import io.nocraven.testing.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8Test
{
    private static String decode(final byte[] bytes)
    {
        final StringBuilder sb = new StringBuilder();
        Utf8.decode(bytes, 0, bytes.length, sb);
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "41", "c3a9", "e282ac", "f09f9880", "c2", "e282", "f09f98", "e0", "e080", "e08080", "c0af", "c1bf", "f0808080",
        "f4908080", "f5", "f8888080", "ff", "fe", "80", "bf", "80bf", "e1804180", "f1808041", "41c3", "c3c3a9", "efbfbd", "eda080",
        "edbfbf", "ed9fbf", "f48fbfbf", "e0a080", "f0908080", "e2"
    })
    void shouldReplaceMaximalMalformedSubpartsAsTheJdkDoes(final String hex)
    {
        final byte[] bytes = Hex.parse(hex);
        if (hex.startsWith("ed") && (bytes.length < 2 || (bytes[1] & 0xFF) >= 0xA0))
        {
            return;
        }
        assertEquals(new String(bytes, StandardCharsets.UTF_8), decode(bytes), hex);
        assertEquals(hex.isEmpty() || !decode(bytes).contains("\uFFFD") || hex.equals("efbfbd"), Utf8.isValid(bytes, 0, bytes.length), hex);
    }

    @ParameterizedTest
    @CsvSource({
        "eda080, \uFFFD\uFFFD\uFFFD",
        "edbfbf41, \uFFFD\uFFFD\uFFFDA",
        "edb080, \uFFFD\uFFFD\uFFFD",
    })
    void shouldReplaceEachByteOfAnEncodedSurrogateAsUnicodeRecommends(final String hex, final String expected)
    {
        // The JDK gives one U+FFFD for the three bytes; Unicode's maximal-subpart practice (and Python, WHATWG) three.
        assertEquals(expected, decode(Hex.parse(hex)));
        assertFalse(Utf8.isValid(Hex.parse(hex), 0, 3));
    }

    @Test
    void shouldAgreeWithTheJdkOnRandomBytesWithoutEncodedSurrogates()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final int[] alphabet = {0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x90, 0xA0, 0x8F};
        for (int i = 0; i < 50_000; i++)
        {
            final byte[] bytes = new byte[random.nextInt(1, 9)];
            for (int k = 0; k < bytes.length; k++)
            {
                bytes[k] = (byte)alphabet[random.nextInt(alphabet.length)];
            }
            assertEquals(new String(bytes, StandardCharsets.UTF_8), decode(bytes), Hex.format(bytes));
            final boolean jdkValid = !new String(bytes, StandardCharsets.UTF_8).contains("\uFFFD");
            assertEquals(jdkValid, Utf8.isValid(bytes, 0, bytes.length), Hex.format(bytes));
        }
    }

    @Test
    void shouldEscapeForJsonWhileDecoding()
    {
        final String text = "a\"b\\c\nd\re\tf\u0000g\u001fh\u007fi\u2028j\u2029k\u0085l\u00e9\uD83D\uDE00";
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final StringBuilder sb = new StringBuilder();
        Utf8.decodeEscaped(bytes, 0, bytes.length, sb);
        assertEquals("a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u001fh\\u007fi\\u2028j\\u2029k\\u0085l\u00e9\uD83D\uDE00", sb.toString());
        assertTrue(Utf8.isValid(bytes, 0, bytes.length));
    }

    @Test
    void shouldDecodeOnlyTheGivenRange()
    {
        final byte[] bytes = {(byte)0xE2, (byte)0x82, (byte)0xAC, 'x', 'y'};
        final StringBuilder sb = new StringBuilder();
        Utf8.decode(bytes, 1, 3, sb);
        assertEquals("\uFFFD\uFFFDx", sb.toString());
    }
}
