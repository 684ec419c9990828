package io.nocraven.codec.syslog;

/**
 * Parses an RFC 5424 message after its PRI:
 * {@code VERSION SP TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]}.
 * <p>
 * Strict follows the ABNF: VERSION {@code NONZERO-DIGIT 0*2DIGIT}; header fields separated by exactly one space,
 * PRINTUSASCII only, at most 255 (HOSTNAME), 48 (APP-NAME), 128 (PROCID) and 32 (MSGID) bytes, {@code -} for
 * NILVALUE; the timestamp per {@link Rfc3339Timestamp}; STRUCTURED-DATA per {@link StructuredDataParser}; MSG after
 * one space, and when it starts with a BOM the rest must be UTF-8.
 * <p>
 * Lenient accepts (and nothing else): header fields of any length holding any byte but space (UTF-8 is decoded,
 * malformed bytes become U+FFFD); a message that ends inside the header (the missing fields are null); a
 * STRUCTURED-DATA slot that does not hold valid SD-ELEMENTs (structuredData is null and the message starts at that
 * slot); no space between STRUCTURED-DATA and MSG; non-UTF-8 bytes after a BOM; plus the lenient timestamp and
 * STRUCTURED-DATA forms. A failure in lenient mode makes the caller parse the message as RFC 3164 instead.
 */
final class Rfc5424Parser
{
    private static final int HOST = 0;
    private static final int APP = 1;
    private static final int PROC = 2;
    private static final int MSGID = 3;
    private static final int[] MAX = {255, 48, 128, 32};
    private static final String[] REASON = {
        SyslogError.INVALID_HOSTNAME, SyslogError.INVALID_APP_NAME, SyslogError.INVALID_PROCID, SyslogError.INVALID_MSGID};

    private final Rfc3339Timestamp timestamp;
    private final StructuredDataParser sdParser = new StructuredDataParser();

    Rfc5424Parser(final ZoneOffsets zone)
    {
        this.timestamp = new Rfc3339Timestamp(zone);
    }

    /**
     * @return true when 1 to 3 digits (a VERSION, valid or not) start at {@code p}, followed by a space or the
     * end of the message (then the missing header is reported by {@link #parse}).
     */
    static boolean looksLike5424(final byte[] buf, final int p, final int end)
    {
        final int ve = SyslogBytes.digitRunEnd(buf, p, end);
        return ve > p && ve - p <= 3 && (ve == end || buf[ve] == ' ');
    }

    /**
     * Parses the message from VERSION ({@code p}) to {@code end}.
     *
     * @return true on success; false with {@code err} set.
     */
    boolean parse(final byte[] buf, final int p, final int end, final boolean strict, final SyslogMessage msg, final SyslogError err)
    {
        final int ve = SyslogBytes.digitRunEnd(buf, p, end);
        if (ve == p || buf[p] == '0' || ve - p > 3)
        {
            return err.fail(SyslogError.INVALID_VERSION, ve == p || buf[p] == '0' ? p : p + 3) >= 0;
        }
        if (ve >= end || buf[ve] != ' ')
        {
            return err.fail(SyslogError.INVALID_VERSION, ve) >= 0;
        }
        msg.version = SyslogBytes.digits(buf, p, ve - p, end);
        int i = ve + 1;
        if (i < end && buf[i] == '-' && (i + 1 == end || buf[i + 1] == ' '))
        {
            i++;
        }
        else
        {
            i = timestamp.parse(buf, i, end, strict, msg, err);
            if (i < 0)
            {
                return false;
            }
        }
        for (int f = HOST; f <= MSGID; f++)
        {
            if (i >= end && !strict)
            {
                return true;
            }
            if (i >= end || buf[i] != ' ')
            {
                return err.fail(f == HOST ? SyslogError.INVALID_TIMESTAMP : REASON[f - 1], i) >= 0;
            }
            i = field(buf, i + 1, end, f, strict, msg, err);
            if (i < 0)
            {
                return false;
            }
        }
        if (i >= end || buf[i] != ' ')
        {
            return !strict || err.fail(i >= end ? SyslogError.INVALID_STRUCTURED_DATA : SyslogError.INVALID_MSGID, i) >= 0;
        }
        return structuredDataAndMessage(buf, i + 1, end, strict, msg, err);
    }

    private boolean structuredDataAndMessage(
        final byte[] buf, final int p, final int end, final boolean strict, final SyslogMessage msg, final SyslogError err)
    {
        int i;
        if (p < end && buf[p] == '-' && (p + 1 == end || buf[p + 1] == ' '))
        {
            i = p + 1;
        }
        else if (p < end && buf[p] == '[')
        {
            i = sdParser.parse(buf, p, end, strict, msg.structuredData, err);
            if (i < 0)
            {
                if (strict)
                {
                    return false;
                }
                msg.structuredData.clear();
                msg.messageWithoutBom(p, end, false);
                return true;
            }
        }
        else if (strict)
        {
            return err.fail(SyslogError.INVALID_STRUCTURED_DATA, p) >= 0;
        }
        else
        {
            msg.messageWithoutBom(p, end, false);
            return true;
        }
        if (i >= end)
        {
            return true;
        }
        if (buf[i] != ' ')
        {
            if (strict)
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i) >= 0;
            }
            msg.messageWithoutBom(i, end, false);
            return true;
        }
        i++;
        if (strict && SyslogBytes.isBom(buf, i, end))
        {
            final int bad = SyslogBytes.invalidUtf8At(buf, i + 3, end);
            if (bad >= 0)
            {
                return err.fail(SyslogError.INVALID_UTF8, bad) >= 0;
            }
        }
        msg.messageWithoutBom(i, end, false);
        return true;
    }

    /** Parses one header field at {@code p}; returns the offset after it (at the space or end) or -1. */
    private static int field(
        final byte[] buf, final int p, final int end, final int f, final boolean strict, final SyslogMessage msg, final SyslogError err)
    {
        int i = p;
        while (i < end && buf[i] != ' ')
        {
            if (strict && (!SyslogBytes.isPrintUsAscii(buf[i]) || i - p >= MAX[f]))
            {
                return err.fail(REASON[f], i);
            }
            i++;
        }
        if (i == p)
        {
            return err.fail(REASON[f], i);
        }
        if (i - p == 1 && buf[p] == '-')
        {
            return i;
        }
        switch (f)
        {
            case HOST:
                msg.hostname(p, i);
                break;
            case APP:
                msg.appName(p, i);
                break;
            case PROC:
                msg.procId(p, i);
                break;
            default:
                msg.msgId(p, i);
        }
        return i;
    }
}
