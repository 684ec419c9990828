package io.nocraven.core.record;

/**
 * ISO-8601 UTC timestamps without {@code java.time} allocation: {@code 2024-03-15T10:00:00.123Z}.
 * <p>
 * The civil-from-days conversion is Howard Hinnant's public-domain algorithm, exact for the proleptic Gregorian
 * calendar over the whole {@code long} day range we need (years 0000..9999 are written with 4 digits, others with
 * a sign as ISO-8601 extended years).
 */
public final class TimeText
{
    private TimeText()
    {
    }

    /**
     * Appends {@code epochMillis} as ISO-8601 UTC with millisecond precision.
     *
     * @param sb          where to append.
     * @param epochMillis milliseconds since 1970-01-01T00:00:00Z.
     */
    public static void appendMillis(final StringBuilder sb, final long epochMillis)
    {
        appendTimestamp(sb, Math.floorDiv(epochMillis, 1000L), (int)Math.floorMod(epochMillis, 1000L) * 1_000_000, 3);
    }

    /**
     * Appends {@code epochNanos} as ISO-8601 UTC with nanosecond precision.
     *
     * @param sb         where to append.
     * @param epochNanos nanoseconds since the epoch.
     */
    public static void appendNanos(final StringBuilder sb, final long epochNanos)
    {
        appendTimestamp(sb, Math.floorDiv(epochNanos, 1_000_000_000L), (int)Math.floorMod(epochNanos, 1_000_000_000L), 9);
    }

    /**
     * Appends an instant as ISO-8601 UTC with exactly {@code fractionDigits} fractional digits.
     *
     * @param sb             where to append.
     * @param epochSeconds   seconds since the epoch.
     * @param nanos          nanoseconds within the second, 0..999,999,999 (values outside carry into the seconds, so
     *                       that any input gives a well-formed timestamp).
     * @param fractionDigits 0 to 9; the fraction is truncated (never rounded) to that many digits.
     */
    public static void appendTimestamp(final StringBuilder sb, final long epochSeconds, final int nanos, final int fractionDigits)
    {
        if (nanos < 0 || nanos > 999_999_999)
        {
            appendTimestamp(sb, epochSeconds + Math.floorDiv(nanos, 1_000_000_000), Math.floorMod(nanos, 1_000_000_000), fractionDigits);
            return;
        }
        final long days = Math.floorDiv(epochSeconds, 86_400L);
        final int secondOfDay = (int)Math.floorMod(epochSeconds, 86_400L);

        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long doe = z - era * 146_097L;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final int day = (int)(doy - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final long year = yoe + era * 400 + (month <= 2 ? 1 : 0);

        if (year >= 0 && year <= 9999)
        {
            pad(sb, (int)year, 4);
        }
        else
        {
            sb.append(year < 0 ? '-' : '+');
            final long abs = Math.abs(year);
            if (abs < 10000)
            {
                pad(sb, (int)abs, 4);
            }
            else
            {
                sb.append(abs);
            }
        }
        sb.append('-');
        pad(sb, month, 2);
        sb.append('-');
        pad(sb, day, 2);
        sb.append('T');
        pad(sb, secondOfDay / 3600, 2);
        sb.append(':');
        pad(sb, (secondOfDay / 60) % 60, 2);
        sb.append(':');
        pad(sb, secondOfDay % 60, 2);
        if (fractionDigits > 0)
        {
            sb.append('.');
            int divisor = 100_000_000;
            for (int i = 0; i < fractionDigits && i < 9; i++)
            {
                sb.append((char)('0' + (nanos / divisor) % 10));
                divisor /= 10;
            }
        }
        sb.append('Z');
    }

    private static void pad(final StringBuilder sb, final int value, final int width)
    {
        int digits = 1;
        for (int v = value; v >= 10; v /= 10)
        {
            digits++;
        }
        for (int i = digits; i < width; i++)
        {
            sb.append('0');
        }
        sb.append(value);
    }
}
