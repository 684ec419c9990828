package io.nocraven.codec.syslog;

/**
 * Parses the RFC 3164 TAG at the start of the content: {@code TAG[PID]:}, {@code TAG:}, {@code TAG[PID]} or a
 * program-like word followed by a space. TAG becomes {@code appName}, PID {@code procId}.
 * <p>
 * TAG is 1-128 bytes up to {@code :}, {@code [} or a space (commas, dots, plus signs are kept: UniFi tags such
 * as {@code b4fbe48b48ad,UAP-nanoHD-6.6.55+15189}). PID is anything up to {@code ]} (at most 128 bytes; it may
 * hold a colon, as monit's {@code [2340:0]}). A TAG ended only by a space is accepted when it looks like a
 * program name (starts with a lower-case letter, then {@code [a-z0-9._/-]}, at most 48 bytes): relays such as
 * rsyslog's traditional forward format drop the colon ({@code vm myapp text}), while sentence-like text
 * ({@code Use the BFG!}) is kept whole as the message.
 */
final class TagParser
{
    private static final int MAX_TAG = 128;
    private static final int MAX_PROGRAM = 48;

    private TagParser()
    {
    }

    /**
     * @return where the message starts after the tag, or -1 when the content has no tag.
     */
    static int parse(final byte[] buf, final int c, final int end, final SyslogMessage msg)
    {
        int i = c;
        while (i < end && buf[i] != ' ' && buf[i] != ':' && buf[i] != '[' && i - c < MAX_TAG)
        {
            i++;
        }
        if (i == c || i >= end)
        {
            return -1;
        }
        if (buf[i] == '[')
        {
            final int close = SyslogBytes.indexOf(buf, i + 1, Math.min(end, i + 2 + MAX_TAG), (byte)']');
            if (close >= end || buf[close] != ']')
            {
                return -1;
            }
            int k = close + 1;
            if (k < end && buf[k] == ':')
            {
                k++;
            }
            else if (k < end && buf[k] != ' ')
            {
                return -1;
            }
            msg.appName(c, i);
            if (close > i + 1)
            {
                msg.procId(i + 1, close);
            }
            return k < end && buf[k] == ' ' ? k + 1 : k;
        }
        if (buf[i] == ':')
        {
            msg.appName(c, i);
            return i + 1 < end && buf[i + 1] == ' ' ? i + 2 : i + 1;
        }
        if (buf[i] == ' ' && isProgramName(buf, c, i))
        {
            msg.appName(c, i);
            return i + 1;
        }
        return -1;
    }

    private static boolean isProgramName(final byte[] buf, final int s, final int e)
    {
        if (e - s > MAX_PROGRAM || !SyslogBytes.isLower(buf[s]))
        {
            return false;
        }
        for (int i = s + 1; i < e; i++)
        {
            final byte b = buf[i];
            if (!(SyslogBytes.isLower(b) || SyslogBytes.isDigit(b) || b == '.' || b == '_' || b == '/' || b == '-'))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when the token {@code [s, e)} reads as a tag rather than a hostname: it ends with {@code :},
     * or it is {@code NAME[PID]}.
     */
    static boolean looksLikeTag(final byte[] buf, final int s, final int e)
    {
        if (e - s < 2)
        {
            return false;
        }
        if (buf[e - 1] == ':')
        {
            return true;
        }
        return buf[e - 1] == ']' && SyslogBytes.indexOf(buf, s, e, (byte)'[') < e;
    }
}
