package io.nocraven.codec.winevent;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the time forms Windows event shippers write into epoch seconds plus nanoseconds:
 * <ul>
 *   <li>ISO-8601 / RFC 3339 ({@code 2024-03-10T01:59:59.9999999Z}, offsets {@code +01:00}, {@code +0100},
 *       {@code +01}), Winlogbeat {@code @timestamp} and PowerShell 7;</li>
 *   <li>the same with a space instead of {@code T} and no zone, NXLog {@code EventTime}
 *       ({@code 2024-03-09 20:59:59}), which is the agent's local time;</li>
 *   <li>the .NET JSON date {@code /Date(1710035999999)/} (epoch milliseconds, optionally followed by an offset
 *       such as {@code +0100} that does not change the instant), PowerShell 5.1 {@code ConvertTo-Json}.</li>
 * </ul>
 * A time without a zone is interpreted in the configured zone ({@code --timezone}); in a zone with daylight saving
 * time, a local time in the spring gap is moved forward by the gap and one in the autumn overlap takes the earlier
 * offset (as {@link java.time.ZonedDateTime#of} does). Up to 9 fraction digits are read, more are ignored. A leap
 * second {@code :60} is read as {@code :59} with its fraction, as {@link java.time.format.DateTimeFormatter}
 * does. Written by hand rather than with {@code DateTimeFormatter} because the three forms, the leap second and the
 * 7-digit fraction need one pass without exceptions, and the UTC and fixed-offset paths allocate nothing.
 */
final class EventTimeParser
{
    private long epochSecond;
    private int nanos;

    /**
     * @param s    the text.
     * @param zone the zone for times without one.
     * @return true when {@code s} is a valid time; then read {@link #epochSecond()} and {@link #nanos()}.
     */
    boolean parse(final String s, final ZoneId zone)
    {
        if (s.startsWith("/Date(") && s.endsWith(")/"))
        {
            return parseDotNet(s);
        }
        return parseIso(s, zone);
    }

    long epochSecond()
    {
        return epochSecond;
    }

    int nanos()
    {
        return nanos;
    }

    private boolean parseDotNet(final String s)
    {
        int i = 6;
        final int end = s.length() - 2;
        boolean negative = false;
        if (i < end && s.charAt(i) == '-')
        {
            negative = true;
            i++;
        }
        final int digitsStart = i;
        long ms = 0;
        while (i < end && isDigit(s.charAt(i)))
        {
            if (i - digitsStart >= 15)
            {
                return false;
            }
            ms = ms * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == digitsStart)
        {
            return false;
        }
        if (i < end)
        {
            final char sign = s.charAt(i);
            if ((sign != '+' && sign != '-') || end - i != 5 || digits(s, i + 1, 4) < 0)
            {
                return false;
            }
        }
        if (negative)
        {
            ms = -ms;
        }
        epochSecond = Math.floorDiv(ms, 1000L);
        nanos = (int)Math.floorMod(ms, 1000L) * 1_000_000;
        return true;
    }

    private boolean parseIso(final String s, final ZoneId zone)
    {
        final int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':')
        {
            return false;
        }
        final char sep = s.charAt(10);
        if (sep != 'T' && sep != 't' && sep != ' ')
        {
            return false;
        }
        final int year = digits(s, 0, 4);
        final int month = digits(s, 5, 2);
        final int day = digits(s, 8, 2);
        final int hour = digits(s, 11, 2);
        final int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        {
            return false;
        }
        if (second == 60)
        {
            second = 59;
        }
        int i = 19;
        int fraction = 0;
        if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ','))
        {
            i++;
            final int start = i;
            while (i < n && isDigit(s.charAt(i)))
            {
                if (i - start < 9)
                {
                    fraction = fraction * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start)
            {
                return false;
            }
            for (int k = i - start; k < 9; k++)
            {
                fraction *= 10;
            }
        }
        final long localSeconds = daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
        final int offsetSeconds;
        if (i == n)
        {
            offsetSeconds = offsetOf(zone, localSeconds, year, month, day, hour, minute, second);
        }
        else
        {
            offsetSeconds = parseOffset(s, i);
            if (offsetSeconds == Integer.MIN_VALUE)
            {
                return false;
            }
        }
        epochSecond = localSeconds - offsetSeconds;
        nanos = fraction;
        return true;
    }

    private static int offsetOf(
        final ZoneId zone, final long localSeconds, final int year, final int month, final int day, final int hour,
        final int minute, final int second)
    {
        if (zone instanceof ZoneOffset)
        {
            return ((ZoneOffset)zone).getTotalSeconds();
        }
        if (zone.getRules().isFixedOffset())
        {
            return zone.getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        }
        final long epoch = LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toEpochSecond();
        return (int)(localSeconds - epoch);
    }

    /** @return the offset in seconds, or Integer.MIN_VALUE when the text from {@code i} is not a valid zone. */
    private static int parseOffset(final String s, final int i)
    {
        final int n = s.length();
        final char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n)
        {
            return 0;
        }
        if (c != '+' && c != '-')
        {
            return Integer.MIN_VALUE;
        }
        final int rest = n - i - 1;
        final int hh = rest >= 2 ? digits(s, i + 1, 2) : -1;
        int mm = 0;
        if (rest == 5 && s.charAt(i + 3) == ':')
        {
            mm = digits(s, i + 4, 2);
        }
        else if (rest == 4)
        {
            mm = digits(s, i + 3, 2);
        }
        else if (rest != 2)
        {
            return Integer.MIN_VALUE;
        }
        if (hh < 0 || hh > 18 || mm < 0 || mm > 59)
        {
            return Integer.MIN_VALUE;
        }
        final int total = hh * 3600 + mm * 60;
        return c == '-' ? -total : total;
    }

    private static int digits(final String s, final int from, final int count)
    {
        int v = 0;
        for (int k = from; k < from + count; k++)
        {
            final char ch = s.charAt(k);
            if (!isDigit(ch))
            {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    private static int daysInMonth(final int year, final int month)
    {
        if (month == 2)
        {
            return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
        }
        return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    }

    /** Howard Hinnant's days_from_civil (public domain): days since 1970-01-01 in the proleptic Gregorian calendar. */
    static long daysFromCivil(final int year, final int month, final int day)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yoe = y - era * 400;
        final long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
