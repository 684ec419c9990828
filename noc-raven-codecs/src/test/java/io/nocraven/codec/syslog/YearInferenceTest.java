package io.nocraven.codec.syslog;

import io.nocraven.codec.CodecOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.nocraven.codec.syslog.SyslogTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 3164 year inference around New Year, the fixed year option and the configured zone (with DST). */
class YearInferenceTest
{
    private static final CodecOptions UTC = SyslogTestSupport.options(CodecOptions.SyslogMode.STRICT, "UTC", null);

    private static String timestamp(final CodecOptions options, final String received, final String message)
    {
        final long nanos = Instant.parse(received).getEpochSecond() * 1_000_000_000L;
        return text(SyslogTestSupport.decode(options, nanos, message), "timestamp");
    }

    @Test
    void shouldPutADecember31MessageReceivedOnJanuary1InThePreviousYear()
    {
        assertEquals("2026-12-31T23:59:50Z", timestamp(UTC, "2027-01-01T00:00:05Z", "<13>Dec 31 23:59:50 h app: x"));
    }

    @Test
    void shouldPutAJanuary1MessageReceivedOnDecember31InTheNextYear()
    {
        assertEquals("2027-01-01T00:00:10Z", timestamp(UTC, "2026-12-31T23:59:00Z", "<13>Jan  1 00:00:10 h app: x"));
    }

    @Test
    void shouldAllowAMonthOfClockSkewIntoTheFutureAndNoMore()
    {
        assertEquals("2026-12-20T10:00:00Z", timestamp(UTC, "2026-11-26T10:00:00Z", "<13>Dec 20 10:00:00 h app: x"));
        assertEquals("2025-12-31T10:00:00Z", timestamp(UTC, "2026-11-26T10:00:00Z", "<13>Dec 31 10:00:00 h app: x"));
        assertEquals("2026-01-12T06:30:00Z", timestamp(UTC, "2026-11-26T10:00:00Z", "<13>Jan 12 06:30:00 h app: x"));
    }

    @Test
    void shouldPutFebruary29InTheLatestLeapYearThatFits()
    {
        assertEquals("2024-02-29T12:00:00Z", timestamp(UTC, "2026-03-01T00:00:00Z", "<13>Feb 29 12:00:00 h app: x"));
        assertEquals("2028-02-29T12:00:00Z", timestamp(UTC, "2028-02-28T23:00:00Z", "<13>Feb 29 12:00:00 h app: x"));
    }

    @Test
    void shouldUseTheFixedYearWhenGiven()
    {
        final CodecOptions y1987 = SyslogTestSupport.options(CodecOptions.SyslogMode.STRICT, "UTC", 1987);
        assertEquals("1987-12-31T23:59:50Z", timestamp(y1987, "2027-01-01T00:00:05Z", "<13>Dec 31 23:59:50 h app: x"));
    }

    @Test
    void shouldInferTheYearFromTheReceiveTimeInTheConfiguredZone()
    {
        final CodecOptions paris = SyslogTestSupport.options(CodecOptions.SyslogMode.STRICT, "Europe/Paris", null);
        assertEquals("2027-01-01T00:29:00+01:00", timestamp(paris, "2026-12-31T23:30:00Z", "<13>Jan  1 00:29:00 h app: x"));
        final CodecOptions tokyo = SyslogTestSupport.options(CodecOptions.SyslogMode.STRICT, "Asia/Tokyo", null);
        assertEquals("2027-01-01T08:00:00+09:00", timestamp(tokyo, "2026-12-31T23:00:00Z", "<13>Jan  1 08:00:00 h app: x"));
    }

    @Test
    void shouldApplyTheZoneOffsetInForceAtTheLocalTime()
    {
        final CodecOptions ny = SyslogTestSupport.options(CodecOptions.SyslogMode.STRICT, "America/New_York", null);
        assertEquals("2026-07-04T12:00:00-04:00", timestamp(ny, "2026-11-26T10:00:00Z", "<13>Jul  4 12:00:00 h app: x"));
        assertEquals("2026-01-04T12:00:00-05:00", timestamp(ny, "2026-11-26T10:00:00Z", "<13>Jan  4 12:00:00 h app: x"));
        final CodecOptions fixed = SyslogTestSupport.options(CodecOptions.SyslogMode.STRICT, "+05:30", null);
        assertEquals("2026-01-04T12:00:00+05:30", timestamp(fixed, "2026-11-26T10:00:00Z", "<13>Jan  4 12:00:00 h app: x"));
    }
}
