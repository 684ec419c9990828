package io.nocraven.codec.syslog;

import io.nocraven.core.record.Protocol;

/**
 * Parses an RFC 3164 ("BSD") message after its PRI, with the vendor dialects, and names the rule that applied in
 * {@code dialect}.
 * <p>
 * Strict: a valid RFC 3164 TIMESTAMP must follow the PRI (see {@link LegacyTimestamp}), then a space or the end;
 * the rest is read as below. Lenient reads, in order: an optional Cisco prefix ({@link CiscoDialect#prefix}); a
 * timestamp (RFC 3339, or any {@link LegacyTimestamp} form; or a Cisco origin hostname {@code host: } directly
 * followed by one) optionally followed by a colon (Cisco); then, when there
 * was a timestamp without Cisco markers, a HOSTNAME unless the next word reads as a tag ({@link
 * TagParser#looksLikeTag}: OpenBSD and local senders omit it) &mdash; an ASA-style {@code " : "} after it is
 * skipped; then the content: a Cisco {@code %FAC-SEV-MNEMONIC:} tag, FortiGate key=value text, Palo Alto CSV, a
 * Cisco ISE segment, or else TAG[PID] ({@link TagParser}) and a Juniper event tag in the message.
 */
final class Rfc3164Parser
{
    /** Dialect of a plain RFC 3164 message. */
    static final String RFC3164 = "rfc3164";
    /** RFC 3164 layout with an RFC 3339 timestamp (rsyslog's forward formats). */
    static final String RFC3164_ISO = "rfc3164-iso8601";
    /** RFC 3164 layout without a timestamp (lenient only). */
    static final String RFC3164_NO_TIMESTAMP = "rfc3164-no-timestamp";

    private final LegacyTimestamp legacy = new LegacyTimestamp();
    private final Rfc3339Timestamp iso;
    private final YearResolver years;
    private final FortiGateDialect fortiGate;

    Rfc3164Parser(final ZoneOffsets zone, final Integer fixedYear)
    {
        this.iso = new Rfc3339Timestamp(zone);
        this.years = new YearResolver(zone, fixedYear);
        this.fortiGate = new FortiGateDialect(zone);
    }

    /**
     * Parses from just after the PRI ({@code p}) to {@code end}.
     *
     * @return true on success; false with {@code err} set (strict only).
     */
    boolean parse(
        final byte[] buf, final int p, final int end, final boolean strict, final long receivedEpochSec,
        final SyslogMessage msg, final SyslogError err)
    {
        msg.protocol = Protocol.RFC3164;
        msg.version = 0;
        if (strict)
        {
            final int t = legacy.parse(buf, p, end, true, err);
            if (t < 0)
            {
                return false;
            }
            years.complete(legacy, buf, receivedEpochSec, msg);
            content(buf, Math.min(t + 1, end), end, true, msg);
            msg.dialect = dialect(buf, msg, RFC3164);
            return true;
        }
        int q = CiscoDialect.prefix(buf, SyslogBytes.skipSpaces(buf, p, end), end, msg);
        String plain = RFC3164_NO_TIMESTAMP;
        int t = -1;
        if (q + 4 < end && SyslogBytes.isDigit(buf[q]) && buf[q + 4] == '-')
        {
            t = iso.parse(buf, q, end, false, msg, err);
            plain = t >= 0 ? RFC3164_ISO : plain;
        }
        if (t < 0)
        {
            t = legacy.parse(buf, q, end, false, err);
            if (t >= 0)
            {
                years.complete(legacy, buf, receivedEpochSec, msg);
                plain = RFC3164;
            }
        }
        if (t < 0 && msg.hostStart == SyslogMessage.NONE)
        {
            t = originHostname(buf, q, end, receivedEpochSec, msg, err);
            plain = t >= 0 ? RFC3164 : plain;
        }
        boolean hostAllowed = false;
        if (t >= 0)
        {
            final boolean colon = t < end && buf[t] == ':';
            hostAllowed = !colon && !msg.vendor.cisco;
            q = SyslogBytes.skipSpaces(buf, colon ? t + 1 : t, end);
        }
        content(buf, q, end, hostAllowed, msg);
        msg.dialect = dialect(buf, msg, plain);
        return true;
    }

    /**
     * Cisco {@code logging origin-id} without a counter: {@code host: *Mar  1 18:46:11.123: ...}. Taken only when a
     * timestamp (after an optional clock marker) really follows {@code host: }.
     *
     * @return the offset after the timestamp, or -1 (nothing set).
     */
    private int originHostname(
        final byte[] buf, final int q, final int end, final long receivedEpochSec, final SyslogMessage msg, final SyslogError err)
    {
        final int sp = SyslogBytes.indexOf(buf, q, end, (byte)' ');
        if (sp <= q + 1 || sp + 1 >= end || buf[sp - 1] != ':' || SyslogBytes.indexOf(buf, q, sp - 1, (byte)':') != sp - 1)
        {
            return -1;
        }
        final boolean marker = buf[sp + 1] == '*' || buf[sp + 1] == '.';
        final int t = legacy.parse(buf, marker ? sp + 2 : sp + 1, end, false, err);
        if (t < 0)
        {
            return -1;
        }
        msg.hostname(q, sp - 1);
        msg.vendor.cisco = true;
        msg.vendor.ciscoClockMarker = marker ? buf[sp + 1] : 0;
        years.complete(legacy, buf, receivedEpochSec, msg);
        return t;
    }

    private void content(final byte[] buf, final int p, final int end, final boolean hostAllowed, final SyslogMessage msg)
    {
        int c = p;
        if (hostAllowed && c < end && msg.hostStart == SyslogMessage.NONE)
        {
            final int sp = SyslogBytes.indexOf(buf, c, end, (byte)' ');
            if (sp < end && sp > c && !TagParser.looksLikeTag(buf, c, sp))
            {
                msg.hostname(c, sp);
                c = SyslogBytes.skipSpaces(buf, sp, end);
                if (c + 1 < end && buf[c] == ':' && buf[c + 1] == ' ')
                {
                    c += 2;
                }
            }
        }
        if (c >= end)
        {
            return;
        }
        final int m = CiscoDialect.mnemonic(buf, c, end, msg);
        if (m >= 0)
        {
            msg.messageWithoutBom(m, end, true);
            return;
        }
        if (fortiGate.parse(buf, c, end, msg) || VendorContent.paloAlto(buf, c, end, msg) || VendorContent.ise(buf, c, end, msg))
        {
            return;
        }
        int text = TagParser.parse(buf, c, end, msg);
        text = text < 0 ? c : text;
        VendorContent.juniper(buf, text, end, msg);
        msg.messageWithoutBom(text, end, true);
    }

    private String dialect(final byte[] buf, final SyslogMessage msg, final String plain)
    {
        final VendorFields v = msg.vendor;
        if (v.ciscoFacilityStart != SyslogMessage.NONE)
        {
            if (CiscoDialect.isFirewall(buf, v))
            {
                return "cisco-asa";
            }
            return legacy.yearFirst && plain == RFC3164 ? "cisco-nxos" : "cisco-ios";
        }
        if (v.cisco)
        {
            return "cisco-ios";
        }
        if (v.kvPresent)
        {
            return "fortigate";
        }
        if (v.csvPresent)
        {
            return "paloalto";
        }
        if (v.ise)
        {
            return "cisco-ise";
        }
        if (v.juniperEventStart != SyslogMessage.NONE)
        {
            return "juniper";
        }
        return plain;
    }
}
