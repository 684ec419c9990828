package io.nocraven.codec.syslog;

/**
 * Validates an RFC 5424 TIMESTAMP (the RFC 3339 profile of RFC 5424 §6.2.3) and copies its text into the message:
 * the text is kept exactly as sent (fraction digits, {@code Z}, any offset such as {@code -23:59}, which
 * {@code java.time} could not hold), so nothing is lost by a round trip through an instant.
 * <p>
 * Strict: {@code YYYY-MM-DDThh:mm:ss[.1-6 digits](Z|+hh:mm|-hh:mm)}, upper-case {@code T} and {@code Z}, a real
 * calendar date, hour 00-23, minute and second 00-59 (RFC 5424 forbids leap seconds), offset hour 00-23.
 * Lenient also accepts lower-case {@code t}/{@code z} (written upper-case), 7 to 9 fraction digits (kept) and a
 * missing offset (the configured zone's offset at that local time is appended).
 * <p>
 * Hand-written rather than {@code DateTimeFormatter}: it must report the failing column, keep offsets that
 * {@code ZoneOffset} rejects and allocate nothing.
 */
final class Rfc3339Timestamp
{
    private final ZoneOffsets zone;

    Rfc3339Timestamp(final ZoneOffsets zone)
    {
        this.zone = zone;
    }

    /**
     * Parses a timestamp at {@code p}; it must end at {@code end} or before a space.
     *
     * @return the offset after the timestamp, or -1 with {@code err} set.
     */
    int parse(final byte[] buf, final int p, final int end, final boolean strict, final SyslogMessage msg, final SyslogError err)
    {
        final int year = SyslogBytes.digits(buf, p, 4, end);
        if (year < 0)
        {
            return fail(err, buf, p, 4, end);
        }
        int i = p + 4;
        if (i >= end || buf[i] != '-')
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        final int month = field(buf, i + 1, end, 1, 12, '-', err);
        if (month < 0)
        {
            return -1;
        }
        i += 3;
        final int day = SyslogBytes.digits(buf, i + 1, 2, end);
        if (day < 1 || day > SyslogBytes.daysInMonth(year, month))
        {
            return day < 0 ? fail(err, buf, i + 1, 2, end) : err.fail(SyslogError.INVALID_TIMESTAMP, i + 1);
        }
        i += 3;
        if (i >= end || (buf[i] != 'T' && (strict || buf[i] != 't')))
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        final int hour = field(buf, i + 1, end, 0, 23, ':', err);
        final int minute = hour < 0 ? -1 : field(buf, i + 4, end, 0, 59, ':', err);
        if (minute < 0)
        {
            return -1;
        }
        i += 7;
        final int second = SyslogBytes.digits(buf, i, 2, end);
        if (second < 0 || second > 59)
        {
            return second < 0 ? fail(err, buf, i, 2, end) : err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        i += 2;
        if (i < end && buf[i] == '.')
        {
            final int run = SyslogBytes.digitRunEnd(buf, i + 1, end);
            final int n = run - i - 1;
            final int max = strict ? 6 : 9;
            if (n == 0 || n > max)
            {
                return err.fail(SyslogError.INVALID_TIMESTAMP, n == 0 ? i + 1 : i + 1 + max);
            }
            i = run;
        }
        final int secondsEnd = i;
        int offsetSeconds = 0;
        boolean zoneLess = false;
        if (i < end && (buf[i] == 'Z' || (!strict && buf[i] == 'z')))
        {
            i++;
        }
        else if (i < end && (buf[i] == '+' || buf[i] == '-'))
        {
            final int oh = field(buf, i + 1, end, 0, 23, ':', err);
            final int om = oh < 0 ? -1 : SyslogBytes.digits(buf, i + 4, 2, end);
            if (oh < 0)
            {
                return -1;
            }
            if (om < 0 || om > 59)
            {
                return om < 0 ? fail(err, buf, i + 4, 2, end) : err.fail(SyslogError.INVALID_TIMESTAMP, i + 4);
            }
            i += 6;
        }
        else if (strict)
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        else
        {
            zoneLess = true;
            final long local = SyslogBytes.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
            offsetSeconds = zone.offsetOfLocal(local);
        }
        if (i < end && buf[i] != ' ')
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, i);
        }
        copy(buf, p, secondsEnd, i, zoneLess, offsetSeconds, msg);
        return i;
    }

    private static void copy(
        final byte[] buf, final int p, final int secondsEnd, final int end, final boolean zoneLess, final int offsetSeconds,
        final SyslogMessage msg)
    {
        final byte[] ts = msg.timestamp;
        final int n = secondsEnd - p;
        System.arraycopy(buf, p, ts, 0, n);
        ts[10] = 'T';
        int len = n;
        if (zoneLess)
        {
            len += TimestampText.writeOffset(ts, len, offsetSeconds);
        }
        else if (end - secondsEnd == 1)
        {
            ts[len++] = 'Z';
        }
        else
        {
            System.arraycopy(buf, secondsEnd, ts, len, 6);
            len += 6;
        }
        msg.timestampLength = len;
    }

    /** Two digits in [min, max] at {@code p} followed by {@code sep}; returns the value or -1 with err set. */
    private static int field(
        final byte[] buf, final int p, final int end, final int min, final int max, final char sep, final SyslogError err)
    {
        final int v = SyslogBytes.digits(buf, p, 2, end);
        if (v < 0)
        {
            return fail(err, buf, p, 2, end);
        }
        if (v < min || v > max)
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, p);
        }
        if (p + 2 >= end || buf[p + 2] != sep)
        {
            return err.fail(SyslogError.INVALID_TIMESTAMP, p + 2);
        }
        return v;
    }

    /** Fails at the first byte of {@code [p, p+n)} that is not a digit. */
    private static int fail(final SyslogError err, final byte[] buf, final int p, final int n, final int end)
    {
        int i = p;
        while (i < end && i < p + n && SyslogBytes.isDigit(buf[i]))
        {
            i++;
        }
        return err.fail(SyslogError.INVALID_TIMESTAMP, i);
    }
}
