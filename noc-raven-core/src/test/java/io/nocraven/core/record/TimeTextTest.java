package io.nocraven.core.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeTextTest
{
    private static String timestamp(final long seconds, final int nanos, final int digits)
    {
        final StringBuilder sb = new StringBuilder();
        TimeText.appendTimestamp(sb, seconds, nanos, digits);
        return sb.toString();
    }

    @ParameterizedTest
    @CsvSource({
        "0, 0, 0, 1970-01-01T00:00:00Z",
        "0, 0, 3, 1970-01-01T00:00:00.000Z",
        "1709164800, 0, 0, 2024-02-29T00:00:00Z",
        "1709251199, 999999999, 9, 2024-02-29T23:59:59.999999999Z",
        "1709251199, 999999999, 3, 2024-02-29T23:59:59.999Z",
        "1709251199, 999999999, 6, 2024-02-29T23:59:59.999999Z",
        "951782400, 0, 0, 2000-02-29T00:00:00Z",
        "253402300799, 123456789, 9, 9999-12-31T23:59:59.123456789Z",
        "253402300800, 0, 0, +10000-01-01T00:00:00Z",
        "-1, 0, 0, 1969-12-31T23:59:59Z",
        "-1, 500000000, 1, 1969-12-31T23:59:59.5Z",
        "-62167219200, 0, 0, 0000-01-01T00:00:00Z",
        "-62167219201, 0, 0, -0001-12-31T23:59:59Z",
        "4102444800, 1000, 6, 2100-01-01T00:00:00.000001Z",
        "1710496802, 87825000, 9, 2024-03-15T10:00:02.087825000Z",
        "0, -1, 9, 1969-12-31T23:59:59.999999999Z",
        "0, 1500000000, 3, 1970-01-01T00:00:01.500Z",
        "0, 5, 12, 1970-01-01T00:00:00.000000005Z",
    })
    void shouldWriteIsoTimestampsWithExactlyTheDigitsAskedFor(final long seconds, final int nanos, final int digits, final String expected)
    {
        assertEquals(expected, timestamp(seconds, nanos, digits));
    }

    @Test
    void shouldAgreeWithInstantToStringOnRandomInstants()
    {
        final SplittableRandom random = new SplittableRandom(20_261_201L);
        for (int i = 0; i < 20_000; i++)
        {
            final long seconds = random.nextLong(-62_167_219_200L * 2, 253_402_300_800L * 2);
            final int nanos = switch (i % 4)
            {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            final long epochNanos = i % 2 == 0 ? seconds : random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE);
            final Instant instant = Instant.ofEpochSecond(seconds, nanos);
            final int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
            assertEquals(instant.toString(), timestamp(seconds, nanos, digits), "seconds " + seconds + " nanos " + nanos);

            final StringBuilder sb = new StringBuilder();
            JsonRecordWriter.appendInstant(sb, epochNanos);
            assertEquals(Instant.ofEpochSecond(0, epochNanos).toString(), sb.toString(), "epoch nanos " + epochNanos);
        }
    }

    @Test
    void shouldWriteMillisAndNanosShortcuts()
    {
        final StringBuilder sb = new StringBuilder();
        TimeText.appendMillis(sb, -1L);
        sb.append(' ');
        TimeText.appendNanos(sb, 1_795_687_109_862_276_000L);
        assertEquals("1969-12-31T23:59:59.999Z 2026-11-26T09:58:29.862276000Z", sb.toString());
    }
}
