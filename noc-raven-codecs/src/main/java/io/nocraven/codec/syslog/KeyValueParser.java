package io.nocraven.codec.syslog;

/**
 * Reads space-separated {@code key=value} pairs into {@link Spans} (FortiGate, Meraki). Keys are
 * {@code [A-Za-z0-9_.-]+}; a value is double-quoted (backslash escapes kept for the writer to resolve), single-quoted
 * (Meraki), or runs to the next space. Words that are not pairs either end the list or are skipped.
 */
final class KeyValueParser
{
    private KeyValueParser()
    {
    }

    /**
     * Parses pairs in {@code [start, end)}.
     *
     * @param skipWords true to step over words without {@code =}; false to stop at the first one.
     * @return the number of pairs added.
     */
    static int parse(final byte[] buf, final int start, final int end, final Spans kv, final boolean skipWords)
    {
        final int before = kv.count;
        int i = start;
        while (true)
        {
            i = SyslogBytes.skipSpaces(buf, i, end);
            if (i >= end)
            {
                break;
            }
            final int ks = i;
            while (i < end && isKeyByte(buf[i]))
            {
                i++;
            }
            if (i == ks || i >= end || buf[i] != '=')
            {
                if (!skipWords)
                {
                    break;
                }
                i = SyslogBytes.indexOf(buf, i, end, (byte)' ');
                continue;
            }
            final int ke = i++;
            int vs = i;
            final int ve;
            boolean escaped = false;
            if (i < end && (buf[i] == '"' || buf[i] == '\''))
            {
                final byte quote = buf[i];
                vs = ++i;
                while (i < end && buf[i] != quote)
                {
                    final boolean backslash = quote == '"' && buf[i] == '\\' && i + 1 < end;
                    escaped |= backslash;
                    i += backslash ? 2 : 1;
                }
                ve = Math.min(i, end);
                i = Math.min(i + 1, end);
            }
            else
            {
                i = SyslogBytes.indexOf(buf, i, end, (byte)' ');
                ve = i;
            }
            if (!kv.add(ks, ke, vs, ve, escaped))
            {
                break;
            }
        }
        return kv.count - before;
    }

    /**
     * @return the index of the first pair named {@code key}, or -1.
     */
    static int find(final byte[] buf, final Spans kv, final byte[] key)
    {
        for (int i = 0; i < kv.count; i++)
        {
            if (kv.nameEnd[i] - kv.nameStart[i] == key.length && SyslogBytes.startsWith(buf, kv.nameStart[i], kv.nameEnd[i], key))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKeyByte(final byte b)
    {
        return SyslogBytes.isLower(b) || SyslogBytes.isUpper(b) || SyslogBytes.isDigit(b) || b == '_' || b == '-' || b == '.';
    }
}
