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
     * Longest text {@link #writeTimestamp} writes: a signed 12-digit year (the whole {@code long} seconds range),
     * {@code -MM-DDTHH:MM:SS}, a 9-digit fraction and {@code Z}.
     */
    public static final int MAX_LENGTH = 40;

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
        final byte[] text = new byte[MAX_LENGTH];
        AsciiText.append(sb, text, writeTimestamp(text, 0, epochSeconds, nanos, fractionDigits));
    }

    /**
     * Writes an instant as ISO-8601 UTC ASCII text with exactly {@code fractionDigits} fractional digits.
     *
     * @param dst            where to write: at least {@link #MAX_LENGTH} bytes from {@code pos}.
     * @param pos            where the text starts.
     * @param epochSeconds   seconds since the epoch.
     * @param nanos          nanoseconds within the second, 0..999,999,999 (values outside carry into the seconds, so
     *                       that any input gives a well-formed timestamp).
     * @param fractionDigits 0 to 9; the fraction is truncated (never rounded) to that many digits.
     * @return the position after the text.
     */
    public static int writeTimestamp(final byte[] dst, final int pos, final long epochSeconds, final int nanos,
        final int fractionDigits)
    {
        if (nanos < 0 || nanos > 999_999_999)
        {
            return writeTimestamp(dst, pos, epochSeconds + Math.floorDiv(nanos, 1_000_000_000),
                Math.floorMod(nanos, 1_000_000_000), fractionDigits);
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

        int p = pos;
        if (year < 0 || year > 9999)
        {
            dst[p++] = (byte)(year < 0 ? '-' : '+');
        }
        p = AsciiText.writePadded(dst, p, Math.abs(year), 4);
        dst[p++] = '-';
        p = AsciiText.writePadded(dst, p, month, 2);
        dst[p++] = '-';
        p = AsciiText.writePadded(dst, p, day, 2);
        dst[p++] = 'T';
        p = AsciiText.writePadded(dst, p, secondOfDay / 3600, 2);
        dst[p++] = ':';
        p = AsciiText.writePadded(dst, p, (secondOfDay / 60) % 60, 2);
        dst[p++] = ':';
        p = AsciiText.writePadded(dst, p, secondOfDay % 60, 2);
        if (fractionDigits > 0)
        {
            dst[p++] = '.';
            int divisor = 100_000_000;
            for (int i = 0; i < fractionDigits && i < 9; i++)
            {
                dst[p++] = (byte)('0' + (nanos / divisor) % 10);
                divisor /= 10;
            }
        }
        dst[p++] = 'Z';
        return p;
    }

    /**
     * Writes an instant the way {@link java.time.Instant#toString()} does: no fraction when it is zero, otherwise
     * 3, 6 or 9 digits.
     *
     * @param dst        where to write: at least {@link #MAX_LENGTH} bytes from {@code pos}.
     * @param pos        where the text starts.
     * @param epochNanos nanoseconds since the epoch.
     * @return the position after the text.
     */
    public static int writeInstant(final byte[] dst, final int pos, final long epochNanos)
    {
        final long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
        final int nanos = (int)Math.floorMod(epochNanos, 1_000_000_000L);
        final int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
        return writeTimestamp(dst, pos, seconds, nanos, digits);
    }
}
