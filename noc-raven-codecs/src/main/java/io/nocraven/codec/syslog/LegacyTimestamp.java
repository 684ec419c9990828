package io.nocraven.codec.syslog;

/**
 * Parses the zone-less timestamps found in the RFC 3164 slot and holds the result (reused).
 * <p>
 * Strict: exactly the RFC 3164 TIMESTAMP {@code Mmm dd hh:mm:ss} (English month abbreviation with that case, day
 * space-padded: {@code "Aug  7"}, a day that exists in some year), followed by a space or the end.
 * <p>
 * Lenient also accepts: any case of the month, a zero-padded or unpadded day and extra spaces; a fraction of 1-9
 * digits ({@code 19:46:03.295}, Cisco {@code service timestamps msec}); a year after the day
 * ({@code Jul 29 2013 10:04:37}, Cisco ASA and IOS {@code year}); a year first ({@code 2017 Sep 28 12:45:38},
 * NX-OS); a year after the time, before a space ({@code Mar 15 10:00:00 2024 host}, Aruba); and a
 * zone abbreviation before a colon ({@code 18:46:11.123 UTC:}; {@code UTC}, {@code GMT}, {@code UT}
 * and {@code Z} mean offset zero, other abbreviations are ambiguous and the configured zone applies).
 */
final class LegacyTimestamp
{
    private static final byte[] UTC = {'U', 'T', 'C'};
    private static final byte[] GMT = {'G', 'M', 'T'};
    private static final byte[] UT = {'U', 'T'};

    /** The year when the timestamp carries one, else -1. */
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    int fracStart;
    int fracLength;
    /** True when a UTC/GMT abbreviation followed the time. */
    boolean utc;
    /** True for the NX-OS year-first form. */
    boolean yearFirst;

    /**
     * @return the offset after the timestamp, or -1 (with {@code err} set at the failing byte).
     */
    int parse(final byte[] buf, final int p, final int end, final boolean strict, final SyslogError err)
    {
        year = -1;
        fracLength = 0;
        utc = false;
        yearFirst = false;
        int i = p;
        if (!strict && SyslogBytes.digits(buf, i, 4, end) >= 0 && i + 4 < end && buf[i + 4] == ' ')
        {
            year = SyslogBytes.digits(buf, i, 4, end);
            yearFirst = true;
            i += 5;
        }
        month = SyslogBytes.month(buf, i, end, strict);
        if (month == 0 || i + 3 >= end || buf[i + 3] != ' ')
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, month == 0 ? i : i + 3);
        }
        i = day(buf, i + 4, end, strict, err);
        if (i < 0)
        {
            return -1;
        }
        if (i >= end || buf[i] != ' ')
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        i = strict ? i + 1 : SyslogBytes.skipSpaces(buf, i, end);
        if (!strict && !yearFirst && SyslogBytes.digits(buf, i, 4, end) >= 0 && i + 4 < end && buf[i + 4] == ' ')
        {
            year = SyslogBytes.digits(buf, i, 4, end);
            i += 5;
        }
        i = time(buf, i, end, err);
        if (i < 0)
        {
            return -1;
        }
        if (!strict)
        {
            i = fractionAndZone(buf, i, end);
            if (year < 0 && i + 5 < end && buf[i] == ' ' && buf[i + 5] == ' ' && SyslogBytes.digits(buf, i + 1, 4, end) >= 0)
            {
                year = SyslogBytes.digits(buf, i + 1, 4, end);
                i += 5;
            }
        }
        if (i < end && buf[i] != ' ' && (strict || buf[i] != ':'))
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        return i;
    }

    private int day(final byte[] buf, final int p, final int end, final boolean strict, final SyslogError err)
    {
        int i = p;
        if (strict)
        {
            if (i + 2 > end)
            {
                return err.fail(SyslogError.INVALID_TIMESTAMP, Math.min(i, end));
            }
            if (buf[i] == ' ')
            {
                day = SyslogBytes.digits(buf, i + 1, 1, end);
                if (day < 1)
                {
                    return err.fail(SyslogError.INVALID_TIMESTAMP, i + 1);
                }
            }
            else
            {
                day = SyslogBytes.digits(buf, i, 2, end);
                if (day < 10)
                {
                    return err.fail(SyslogError.INVALID_TIMESTAMP, i);
                }
            }
            i += 2;
        }
        else
        {
            i = SyslogBytes.skipSpaces(buf, i, end);
            final int de = SyslogBytes.digitRunEnd(buf, i, end);
            if (de == i || de - i > 2)
            {
                return err.fail(SyslogError.INVALID_TIMESTAMP, i);
            }
            day = SyslogBytes.digits(buf, i, de - i, end);
            i = de;
        }
        if (day < 1 || day > SyslogBytes.daysInMonth(year >= 0 ? year : 2000, month))
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i - 2);
        }
        return i;
    }

    private int time(final byte[] buf, final int p, final int end, final SyslogError err)
    {
        hour = SyslogBytes.digits(buf, p, 2, end);
        if (hour < 0 || hour > 23 || p + 2 >= end || buf[p + 2] != ':')
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, hour < 0 || hour > 23 ? p : p + 2);
        }
        minute = SyslogBytes.digits(buf, p + 3, 2, end);
        if (minute < 0 || minute > 59 || p + 5 >= end || buf[p + 5] != ':')
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, minute < 0 || minute > 59 ? p + 3 : p + 5);
        }
        second = SyslogBytes.digits(buf, p + 6, 2, end);
        if (second < 0 || second > 59)
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, p + 6);
        }
        return p + 8;
    }

    private int fractionAndZone(final byte[] buf, final int p, final int end)
    {
        int i = p;
        if (i < end && buf[i] == '.')
        {
            final int run = SyslogBytes.digitRunEnd(buf, i + 1, end);
            if (run > i + 1 && run - i - 1 <= 9)
            {
                fracStart = i + 1;
                fracLength = run - i - 1;
                i = run;
            }
        }
        if (i < end && buf[i] == ' ')
        {
            int z = i + 1;
            while (z < end && SyslogBytes.isUpper(buf[z]) && z - i <= 5)
            {
                z++;
            }
            if (z - i >= 2 && z < end && buf[z] == ':')
            {
                utc = isUtc(buf, i + 1, z);
                i = z;
            }
        }
        return i;
    }

    private static boolean isUtc(final byte[] buf, final int s, final int e)
    {
        if (e - s == 1)
        {
            return buf[s] == 'Z';
        }
        return match(buf, s, e, UTC) || match(buf, s, e, GMT) || match(buf, s, e, UT);
    }

    private static boolean match(final byte[] buf, final int s, final int e, final byte[] word)
    {
        return e - s == word.length && SyslogBytes.startsWith(buf, s, e, word);
    }
}
