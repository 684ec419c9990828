package io.nocraven.codec.syslog;

/**
 * Byte-level helpers shared by the syslog parsers (ASCII classes, month names, digit runs). Pure static functions
 * over {@code byte[]} ranges, no allocation.
 */
final class SyslogBytes
{
    /** Byte order mark (UTF-8) that RFC 5424 puts before a UTF-8 MSG. */
    static final int BOM_0 = 0xEF;
    static final int BOM_1 = 0xBB;
    static final int BOM_2 = 0xBF;

    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private SyslogBytes()
    {
    }

    static boolean isDigit(final byte b)
    {
        return b >= '0' && b <= '9';
    }

    /** PRINTUSASCII of RFC 5424: %d33-126. */
    static boolean isPrintUsAscii(final byte b)
    {
        return b >= 33 && b <= 126;
    }

    static boolean isUpper(final byte b)
    {
        return b >= 'A' && b <= 'Z';
    }

    static boolean isLower(final byte b)
    {
        return b >= 'a' && b <= 'z';
    }

    /**
     * @return the value of the {@code n} digits at {@code p}, or -1 when one of them is not a digit or the range
     * passes {@code end}.
     */
    static int digits(final byte[] buf, final int p, final int n, final int end)
    {
        if (p + n > end)
        {
            return -1;
        }
        int v = 0;
        for (int i = p; i < p + n; i++)
        {
            final byte b = buf[i];
            if (!isDigit(b))
            {
                return -1;
            }
            v = v * 10 + (b - '0');
        }
        return v;
    }

    /**
     * @return the end of the run of digits starting at {@code p} (p itself when there is none).
     */
    static int digitRunEnd(final byte[] buf, final int p, final int end)
    {
        int i = p;
        while (i < end && isDigit(buf[i]))
        {
            i++;
        }
        return i;
    }

    /**
     * @return the month (1..12) named by the three bytes at {@code p}, or 0. Case-insensitive unless
     * {@code exact}.
     */
    static int month(final byte[] buf, final int p, final int end, final boolean exact)
    {
        if (p + 3 > end)
        {
            return 0;
        }
        for (int m = 0; m < 12; m++)
        {
            final int o = m * 3;
            if (exact)
            {
                if (buf[p] == MONTHS[o] && buf[p + 1] == MONTHS[o + 1] && buf[p + 2] == MONTHS[o + 2])
                {
                    return m + 1;
                }
            }
            else if ((buf[p] | 0x20) == (MONTHS[o] | 0x20) && (buf[p + 1] | 0x20) == MONTHS[o + 1]
                && (buf[p + 2] | 0x20) == MONTHS[o + 2])
            {
                return m + 1;
            }
        }
        return 0;
    }

    /**
     * @return the number of days in a month of the proleptic Gregorian calendar.
     */
    static int daysInMonth(final long year, final int month)
    {
        switch (month)
        {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    static boolean isLeap(final long year)
    {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /**
     * Days since 1970-01-01 of a civil date (Howard Hinnant's public-domain days_from_civil algorithm).
     */
    static long epochDay(final long year, final int month, final int day)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yoe = y - era * 400;
        final int mp = month > 2 ? month - 3 : month + 9;
        final long doy = (153L * mp + 2) / 5 + day - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /**
     * @return the first index in {@code [p, end)} holding {@code b}, or {@code end}.
     */
    static int indexOf(final byte[] buf, final int p, final int end, final byte b)
    {
        for (int i = p; i < end; i++)
        {
            if (buf[i] == b)
            {
                return i;
            }
        }
        return end;
    }

    static int skipSpaces(final byte[] buf, final int p, final int end)
    {
        int i = p;
        while (i < end && buf[i] == ' ')
        {
            i++;
        }
        return i;
    }

    static boolean startsWith(final byte[] buf, final int p, final int end, final byte[] prefix)
    {
        if (end - p < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (buf[p + i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    static boolean equalRanges(final byte[] buf, final int aStart, final int aEnd, final int bStart, final int bEnd)
    {
        if (aEnd - aStart != bEnd - bStart)
        {
            return false;
        }
        for (int i = 0; i < aEnd - aStart; i++)
        {
            if (buf[aStart + i] != buf[bStart + i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when a UTF-8 byte order mark starts at {@code p}.
     */
    static boolean isBom(final byte[] buf, final int p, final int end)
    {
        return p + 3 <= end && (buf[p] & 0xFF) == BOM_0 && (buf[p + 1] & 0xFF) == BOM_1 && (buf[p + 2] & 0xFF) == BOM_2;
    }

    /**
     * @return the offset of the first byte in {@code [p, end)} that is not part of well-formed UTF-8, or -1.
     */
    static int invalidUtf8At(final byte[] buf, final int p, final int end)
    {
        int i = p;
        while (i < end)
        {
            final int b = buf[i] & 0xFF;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            final int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF)
            {
                n = 2;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                n = 3;
                lo = b == 0xE0 ? 0xA0 : 0x80;
                hi = b == 0xED ? 0x9F : 0xBF;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                n = 4;
                lo = b == 0xF0 ? 0x90 : 0x80;
                hi = b == 0xF4 ? 0x8F : 0xBF;
            }
            else
            {
                return i;
            }
            for (int k = 1; k < n; k++)
            {
                if (i + k >= end)
                {
                    return i;
                }
                final int c = buf[i + k] & 0xFF;
                if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF))
                {
                    return i;
                }
            }
            i += n;
        }
        return -1;
    }

    /**
     * @return the value of the digits in {@code [s, e)} (at most 18), or -1 when the range is empty or too long.
     */
    static long longDigits(final byte[] buf, final int s, final int e)
    {
        if (e <= s || e - s > 18)
        {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++)
        {
            v = v * 10 + (buf[i] - '0');
        }
        return v;
    }
}
