package io.nocraven.codec.syslog;

import io.nocraven.core.record.Protocol;

/**
 * Cisco Meraki (MX, MR, MS) syslog: {@code <134>1 1710496800.123456789 MX84 flows allow src=10.1.1.20:52113 ...}
 * &mdash; a {@code 1}, the time as epoch seconds with a fraction, the device name, the log category
 * ({@code flows}, {@code urls}, {@code events}, {@code ids-alerts}, {@code security_event}, ...) and the text.
 * It looks like RFC 5424 but is not (the timestamp), so it is read in lenient mode only, as {@code rfc3164}
 * protocol with dialect {@code meraki}: hostname = device, appName = category, timestamp = the epoch time in UTC
 * (fraction digits as sent), message = the text, and its {@code key=value} / {@code key='value'} pairs in {@code kv}.
 */
final class MerakiDialect
{
    private static final int EPOCH_DIGITS = 10;

    private MerakiDialect()
    {
    }

    /**
     * @param body the first byte after the PRI.
     * @return true when the message is in Meraki's format (the message is then filled in).
     */
    static boolean parse(final byte[] buf, final int body, final int end, final SyslogMessage msg)
    {
        final int s = body + 2;
        if (s >= end || buf[body] != '1' || buf[body + 1] != ' ')
        {
            return false;
        }
        final int de = SyslogBytes.digitRunEnd(buf, s, end);
        if (de - s != EPOCH_DIGITS || de >= end || buf[de] != '.')
        {
            return false;
        }
        final int fe = SyslogBytes.digitRunEnd(buf, de + 1, end);
        final int fracLen = fe - de - 1;
        if (fracLen < 1 || fracLen > 9 || fe >= end || buf[fe] != ' ')
        {
            return false;
        }
        final int hs = fe + 1;
        final int he = SyslogBytes.indexOf(buf, hs, end, (byte)' ');
        if (he == hs || he >= end)
        {
            return false;
        }
        final int cs = he + 1;
        final int ce = SyslogBytes.indexOf(buf, cs, end, (byte)' ');
        if (ce == cs)
        {
            return false;
        }
        msg.protocol = Protocol.RFC3164;
        msg.version = 0;
        msg.dialect = "meraki";
        msg.hostname(hs, he);
        msg.appName(cs, ce);
        msg.timestampLength = TimestampText.writeEpoch(msg.timestamp, SyslogBytes.longDigits(buf, s, de), buf, de + 1, fracLen);
        if (ce + 1 < end)
        {
            msg.message(ce + 1, end);
            msg.vendor.kvPresent = KeyValueParser.parse(buf, ce + 1, end, msg.vendor.kv, true) > 0;
        }
        return true;
    }
}
