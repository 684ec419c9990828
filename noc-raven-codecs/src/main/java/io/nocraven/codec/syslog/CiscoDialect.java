package io.nocraven.codec.syslog;

/**
 * Cisco IOS / IOS-XE / NX-OS / ASA conventions around the RFC 3164 layout.
 * <p>
 * The prefix (IOS): {@code <189>643: 000104: myhost: *Mar  1 18:46:11.123 UTC: %SYS-5-CONFIG_I: text} &mdash; a
 * message counter ({@code 643:}, or a bare {@code :} when counters are off), the {@code service sequence-numbers}
 * number ({@code 000104:}), the {@code logging origin-id} hostname before the timestamp, and a clock marker
 * ({@code *}: clock not synchronised, {@code .}: synchronisation lost).
 * <p>
 * The message tag: {@code %FACILITY[-SUBFACILITY]-SEVERITY-MNEMONIC:} (ASA: {@code %ASA-6-302013:}); it becomes
 * {@code appName} and is split into the {@code cisco} extras.
 */
final class CiscoDialect
{
    private CiscoDialect()
    {
    }

    /**
     * Parses the IOS prefix at {@code p}; sets {@code msg.vendor.cisco} when one was found.
     *
     * @return where the timestamp (or the content) starts.
     */
    static int prefix(final byte[] buf, final int p, final int end, final SyslogMessage msg)
    {
        final VendorFields v = msg.vendor;
        int q = p;
        int r = SyslogBytes.digitRunEnd(buf, q, end);
        if (r > q && r + 1 < end && buf[r] == ':' && buf[r + 1] == ' ' && r - q <= 18)
        {
            v.ciscoCounter = SyslogBytes.longDigits(buf, q, r);
            v.cisco = true;
            q = r + 2;
        }
        else if (q + 1 < end && buf[q] == ':' && buf[q + 1] == ' ')
        {
            v.cisco = true;
            q += 2;
        }
        if (v.cisco)
        {
            r = SyslogBytes.digitRunEnd(buf, q, end);
            if (r > q && r + 1 < end && buf[r] == ':' && buf[r + 1] == ' ' && r - q <= 18)
            {
                v.ciscoSequence = SyslogBytes.longDigits(buf, q, r);
                q = r + 2;
            }
            final int sp = SyslogBytes.indexOf(buf, q, end, (byte)' ');
            if (sp > q + 1 && sp + 1 < end && buf[sp - 1] == ':' && SyslogBytes.indexOf(buf, q, sp - 1, (byte)':') == sp - 1
                && timestampFollows(buf, sp + 1, end))
            {
                msg.hostname(q, sp - 1);
                q = sp + 1;
            }
        }
        if (q + 1 < end && (buf[q] == '*' || buf[q] == '.') && timestampFollows(buf, q + 1, end))
        {
            v.ciscoClockMarker = buf[q];
            v.cisco = true;
            q++;
        }
        return q;
    }

    private static boolean timestampFollows(final byte[] buf, final int p, final int end)
    {
        return p < end && (SyslogBytes.month(buf, p, end, false) != 0 || SyslogBytes.isDigit(buf[p])
            || buf[p] == '*' || buf[p] == '.');
    }

    /**
     * Parses {@code %FAC-SEV-MNEMONIC:} at {@code c}: sets appName and the cisco extras.
     *
     * @return where the message text starts, or -1 when there is no such tag.
     */
    static int mnemonic(final byte[] buf, final int c, final int end, final SyslogMessage msg)
    {
        if (c >= end || buf[c] != '%')
        {
            return -1;
        }
        int e = c + 1;
        int lastDash = -1;
        while (e < end && e - c < 128)
        {
            final byte b = buf[e];
            if (b == '-')
            {
                lastDash = e;
            }
            else if (!(SyslogBytes.isUpper(b) || SyslogBytes.isLower(b) || SyslogBytes.isDigit(b) || b == '_'))
            {
                break;
            }
            e++;
        }
        int k = e;
        if (k + 1 < end && buf[k] == ' ' && buf[k + 1] == ':')
        {
            k++;
        }
        if (k >= end || buf[k] != ':' || lastDash < c + 4 || lastDash == e - 1
            || buf[lastDash - 2] != '-' || !SyslogBytes.isDigit(buf[lastDash - 1]))
        {
            return -1;
        }
        final VendorFields v = msg.vendor;
        v.cisco = true;
        v.ciscoFacilityStart = c + 1;
        v.ciscoFacilityEnd = lastDash - 2;
        v.ciscoSeverity = buf[lastDash - 1] - '0';
        v.ciscoMnemonicStart = lastDash + 1;
        v.ciscoMnemonicEnd = e;
        msg.appName(c, e);
        k++;
        return k < end && buf[k] == ' ' ? k + 1 : k;
    }

    /**
     * @return true when the Cisco facility is a firewall one (ASA, FTD, PIX, FWSM).
     */
    static boolean isFirewall(final byte[] buf, final VendorFields v)
    {
        final int s = v.ciscoFacilityStart;
        final int n = v.ciscoFacilityEnd - s;
        if (n == 3)
        {
            return (buf[s] == 'A' && buf[s + 1] == 'S' && buf[s + 2] == 'A') || (buf[s] == 'F' && buf[s + 1] == 'T' && buf[s + 2] == 'D')
                || (buf[s] == 'P' && buf[s + 1] == 'I' && buf[s + 2] == 'X');
        }
        return n == 4 && buf[s] == 'F' && buf[s + 1] == 'W' && buf[s + 2] == 'S' && buf[s + 3] == 'M';
    }
}
