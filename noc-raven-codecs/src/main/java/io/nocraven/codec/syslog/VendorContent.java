package io.nocraven.codec.syslog;

/**
 * Recognises vendor formats in the content of an RFC 3164 message (after timestamp and hostname): Juniper event
 * tags, Cisco ISE segments and Palo Alto CSV. FortiGate lives in {@link FortiGateDialect}.
 */
final class VendorContent
{
    private static final byte[] CISE = {'C', 'I', 'S', 'E', '_'};
    private static final byte[] CSCOACS = {'C', 'S', 'C', 'O', 'a', 'c', 's', '_'};

    private VendorContent()
    {
    }

    /**
     * Juniper: the message starts with an upper-case event tag holding an underscore, then a colon
     * ({@code UI_COMMIT: User 'admin' requested 'commit'}, {@code RT_FLOW_SESSION_CREATE: session created}).
     *
     * @return true when found (the {@code juniper.event} extra is set; the message is unchanged).
     */
    static boolean juniper(final byte[] buf, final int m, final int end, final SyslogMessage msg)
    {
        if (m >= end || !SyslogBytes.isUpper(buf[m]))
        {
            return false;
        }
        int i = m + 1;
        boolean underscore = false;
        while (i < end && i - m < 64 && (SyslogBytes.isUpper(buf[i]) || SyslogBytes.isDigit(buf[i]) || buf[i] == '_'))
        {
            underscore |= buf[i] == '_';
            i++;
        }
        if (!underscore || i >= end || buf[i] != ':' || (i + 1 < end && buf[i + 1] != ' '))
        {
            return false;
        }
        msg.vendor.juniperEventStart = m;
        msg.vendor.juniperEventEnd = i;
        return true;
    }

    /**
     * Cisco ISE / ACS: {@code CISE_<category> <messageId> <totalSegments> <segmentNumber> <text>}. The category
     * becomes appName, the numbers the {@code ise} extras, the text the message.
     *
     * @return true when found.
     */
    static boolean ise(final byte[] buf, final int c, final int end, final SyslogMessage msg)
    {
        if (!SyslogBytes.startsWith(buf, c, end, CISE) && !SyslogBytes.startsWith(buf, c, end, CSCOACS))
        {
            return false;
        }
        final int catEnd = SyslogBytes.indexOf(buf, c, end, (byte)' ');
        final int idEnd = SyslogBytes.digitRunEnd(buf, catEnd + 1, end);
        final int totalEnd = SyslogBytes.digitRunEnd(buf, idEnd + 1, end);
        final int numEnd = SyslogBytes.digitRunEnd(buf, totalEnd + 1, end);
        if (catEnd >= end || idEnd == catEnd + 1 || idEnd >= end || buf[idEnd] != ' ' || totalEnd == idEnd + 1
            || totalEnd >= end || buf[totalEnd] != ' ' || numEnd == totalEnd + 1 || (numEnd < end && buf[numEnd] != ' '))
        {
            return false;
        }
        final VendorFields v = msg.vendor;
        v.iseMessageId = SyslogBytes.longDigits(buf, catEnd + 1, idEnd);
        v.iseSegmentTotal = SyslogBytes.longDigits(buf, idEnd + 1, totalEnd);
        v.iseSegmentNumber = SyslogBytes.longDigits(buf, totalEnd + 1, numEnd);
        if (v.iseMessageId < 0 || v.iseSegmentTotal < 0 || v.iseSegmentNumber < 0)
        {
            return false;
        }
        v.ise = true;
        msg.appName(c, catEnd);
        if (numEnd + 1 < end)
        {
            msg.message(numEnd + 1, end);
        }
        return true;
    }

    /**
     * Palo Alto PAN-OS CSV ({@code 1,2024/03/15 10:00:00,012801000001,TRAFFIC,end,...}): a number, then the
     * receive time {@code yyyy/mm/dd hh:mm:ss}, serial, type, subtype and the rest. Fields are split on commas;
     * a field in double quotes may hold commas and {@code ""} for a quote.
     *
     * @return true when found (the message keeps the whole CSV text).
     */
    static boolean paloAlto(final byte[] buf, final int c, final int end, final SyslogMessage msg)
    {
        final int r = SyslogBytes.digitRunEnd(buf, c, end);
        final int t = r + 1;
        if (r == c || r - c > 4 || t + 20 > end || buf[r] != ',' || buf[t + 4] != '/' || buf[t + 7] != '/'
            || buf[t + 10] != ' ' || buf[t + 13] != ':' || buf[t + 16] != ':' || buf[t + 19] != ','
            || SyslogBytes.digits(buf, t, 4, end) < 0)
        {
            return false;
        }
        final Spans csv = msg.vendor.csv;
        int i = c;
        while (i <= end)
        {
            final int fs = i;
            int fe;
            boolean quoted = false;
            boolean escaped = false;
            if (i < end && buf[i] == '"')
            {
                quoted = true;
                i++;
                while (i < end && (buf[i] != '"' || (i + 1 < end && buf[i + 1] == '"')))
                {
                    escaped |= buf[i] == '"';
                    i += buf[i] == '"' ? 2 : 1;
                }
                fe = i;
                i = SyslogBytes.indexOf(buf, Math.min(i + 1, end), end, (byte)',');
            }
            else
            {
                i = SyslogBytes.indexOf(buf, i, end, (byte)',');
                fe = i;
            }
            if (!csv.add(0, 0, quoted ? fs + 1 : fs, fe, escaped))
            {
                break;
            }
            i++;
        }
        msg.vendor.csvPresent = csv.count >= 5;
        if (msg.vendor.csvPresent)
        {
            msg.message(c, end);
        }
        return msg.vendor.csvPresent;
    }
}
