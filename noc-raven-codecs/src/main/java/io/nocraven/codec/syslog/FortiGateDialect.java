package io.nocraven.codec.syslog;

/**
 * FortiGate (FortiOS) logs: {@code key=value} pairs separated by spaces, values optionally in double quotes
 * (backslash escapes {@code \"} and {@code \\}), starting with {@code date=}, {@code logver=} or
 * {@code devname=}, usually right after the PRI:
 * {@code <189>date=2024-03-15 time=10:00:00 devname="FGT60F" tz="+0100" logid="0000000013" type="traffic" ...}.
 * <p>
 * The pairs go to the {@code kv} extra (in order; a repeated key becomes an array), {@code message} keeps the
 * whole text, {@code hostname} is {@code devname} when the message had no header hostname, and {@code timestamp}
 * is {@code date} + {@code time} with the offset of {@code tz} ({@code +0100} or {@code +01:00}), or the
 * configured zone's offset when there is no {@code tz}.
 */
final class FortiGateDialect
{
    private static final byte[] DATE_EQ = "date=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LOGVER_EQ = "logver=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DEVNAME_EQ = "devname=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DATE = {'d', 'a', 't', 'e'};
    private static final byte[] TIME = {'t', 'i', 'm', 'e'};
    private static final byte[] TZ = {'t', 'z'};
    private static final byte[] DEVNAME = {'d', 'e', 'v', 'n', 'a', 'm', 'e'};

    private final ZoneOffsets zone;

    FortiGateDialect(final ZoneOffsets zone)
    {
        this.zone = zone;
    }

    /**
     * @return true when the content at {@code c} is FortiGate key=value text (the message is then filled in).
     */
    boolean parse(final byte[] buf, final int c, final int end, final SyslogMessage msg)
    {
        if (!SyslogBytes.startsWith(buf, c, end, DATE_EQ) && !SyslogBytes.startsWith(buf, c, end, LOGVER_EQ)
            && !SyslogBytes.startsWith(buf, c, end, DEVNAME_EQ))
        {
            return false;
        }
        final Spans kv = msg.vendor.kv;
        KeyValueParser.parse(buf, c, end, kv, false);
        if (kv.count < 2)
        {
            kv.clear();
            return false;
        }
        msg.vendor.kvPresent = true;
        msg.message(c, end);
        final int dev = KeyValueParser.find(buf, kv, DEVNAME);
        if (msg.hostStart == SyslogMessage.NONE && dev >= 0 && kv.valueEnd[dev] > kv.valueStart[dev])
        {
            msg.hostname(kv.valueStart[dev], kv.valueEnd[dev]);
        }
        timestamp(buf, kv, msg);
        return true;
    }

    private void timestamp(final byte[] buf, final Spans kv, final SyslogMessage msg)
    {
        final int d = KeyValueParser.find(buf, kv, DATE);
        final int t = KeyValueParser.find(buf, kv, TIME);
        if (d < 0 || t < 0 || kv.valueEnd[d] - kv.valueStart[d] != 10 || kv.valueEnd[t] - kv.valueStart[t] != 8)
        {
            return;
        }
        final int ds = kv.valueStart[d];
        final int ts = kv.valueStart[t];
        final int year = SyslogBytes.digits(buf, ds, 4, ds + 10);
        final int month = SyslogBytes.digits(buf, ds + 5, 2, ds + 10);
        final int day = SyslogBytes.digits(buf, ds + 8, 2, ds + 10);
        final int hour = SyslogBytes.digits(buf, ts, 2, ts + 8);
        final int minute = SyslogBytes.digits(buf, ts + 3, 2, ts + 8);
        final int second = SyslogBytes.digits(buf, ts + 6, 2, ts + 8);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > SyslogBytes.daysInMonth(year, month)
            || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        {
            return;
        }
        final int z = KeyValueParser.find(buf, kv, TZ);
        int offset = z >= 0 ? tzOffset(buf, kv.valueStart[z], kv.valueEnd[z]) : Integer.MIN_VALUE;
        if (offset == Integer.MIN_VALUE)
        {
            offset = zone.offsetOfLocal(SyslogBytes.epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second);
        }
        msg.timestampLength = TimestampText.write(msg.timestamp, year, month, day, hour, minute, second, buf, 0, 0, offset);
    }

    /** {@code +0100}, {@code -05:00}; returns seconds or MIN_VALUE. */
    private static int tzOffset(final byte[] buf, final int s, final int e)
    {
        final int n = e - s;
        if ((n != 5 && n != 6) || (buf[s] != '+' && buf[s] != '-'))
        {
            return Integer.MIN_VALUE;
        }
        final int h = SyslogBytes.digits(buf, s + 1, 2, e);
        final int m = SyslogBytes.digits(buf, s + (n == 5 ? 3 : 4), 2, e);
        if (h < 0 || h > 23 || m < 0 || m > 59 || (n == 6 && buf[s + 3] != ':'))
        {
            return Integer.MIN_VALUE;
        }
        final int secs = h * 3600 + m * 60;
        return buf[s] == '-' ? -secs : secs;
    }
}
