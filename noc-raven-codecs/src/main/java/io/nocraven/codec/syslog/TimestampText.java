package io.nocraven.codec.syslog;

/**
 * Writes ISO-8601 timestamps with an offset ({@code 2026-11-26T09:58:26.123+01:00}, {@code Z} for offset zero)
 * into a byte array, for RFC 3164 timestamps completed with an inferred year and the configured zone.
 */
final class TimestampText
{
    private TimestampText()
    {
    }

    /**
     * Writes a timestamp.
     *
     * @param dst       where to write (at least 40 bytes).
     * @param year      the year (written with 4 digits; outside 0..9999 with a sign).
     * @param frac      source of the fraction digits (copied as sent), or null.
     * @param fracStart first fraction digit in {@code frac}.
     * @param fracLen   number of fraction digits (0 for none, at most 9).
     * @param offsetSeconds UTC offset in seconds.
     * @return the number of bytes written.
     */
    static int write(
        final byte[] dst, final long year, final int month, final int day, final int hour, final int minute,
        final int second, final byte[] frac, final int fracStart, final int fracLen, final int offsetSeconds)
    {
        int p = 0;
        long y = year;
        if (y < 0 || y > 9999)
        {
            dst[p++] = (byte)(y < 0 ? '-' : '+');
            y = Math.abs(y) % 1_000_000;
            if (y > 9999)
            {
                p = put(dst, p, (int)(y / 10000), 2);
                y %= 10000;
            }
        }
        p = put(dst, p, (int)y, 4);
        dst[p++] = '-';
        p = put(dst, p, month, 2);
        dst[p++] = '-';
        p = put(dst, p, day, 2);
        dst[p++] = 'T';
        p = put(dst, p, hour, 2);
        dst[p++] = ':';
        p = put(dst, p, minute, 2);
        dst[p++] = ':';
        p = put(dst, p, second, 2);
        if (fracLen > 0)
        {
            dst[p++] = '.';
            System.arraycopy(frac, fracStart, dst, p, fracLen);
            p += fracLen;
        }
        return p + writeOffset(dst, p, offsetSeconds);
    }

    /**
     * Writes {@code Z} or {@code +hh:mm} / {@code -hh:mm} (seconds of the offset are dropped).
     *
     * @return the number of bytes written.
     */
    static int writeOffset(final byte[] dst, final int at, final int offsetSeconds)
    {
        if (offsetSeconds == 0)
        {
            dst[at] = 'Z';
            return 1;
        }
        final int abs = Math.abs(offsetSeconds);
        dst[at] = (byte)(offsetSeconds < 0 ? '-' : '+');
        put(dst, at + 1, abs / 3600, 2);
        dst[at + 3] = ':';
        put(dst, at + 4, (abs / 60) % 60, 2);
        return 6;
    }

    private static int put(final byte[] dst, final int at, final int value, final int width)
    {
        int v = value;
        for (int i = width - 1; i >= 0; i--)
        {
            dst[at + i] = (byte)('0' + v % 10);
            v /= 10;
        }
        return at + width;
    }

    /**
     * Writes an instant given as epoch seconds as ISO-8601 UTC ({@code Z}), with fraction digits copied as sent.
     *
     * @return the number of bytes written.
     */
    static int writeEpoch(final byte[] dst, final long epochSecond, final byte[] frac, final int fracStart, final int fracLen)
    {
        final long days = Math.floorDiv(epochSecond, 86_400L);
        final int secondOfDay = (int)Math.floorMod(epochSecond, 86_400L);
        final long z = days + 719_468L;
        final long era = Math.floorDiv(z, 146_097L);
        final long doe = z - era * 146_097L;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final int day = (int)(doy - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return write(dst, year, month, day, secondOfDay / 3600, (secondOfDay / 60) % 60, secondOfDay % 60, frac, fracStart, fracLen, 0);
    }
}
