package io.nocraven.codec.syslog;

/**
 * Parses RFC 5424 STRUCTURED-DATA ({@code 1*SD-ELEMENT}) into a {@link StructuredData} index.
 * <p>
 * Grammar: {@code "[" SD-ID *(SP PARAM-NAME "=" %d34 PARAM-VALUE %d34) "]"}; SD-ID and PARAM-NAME are
 * 1-32 PRINTUSASCII except {@code = SP ] "}. Inside PARAM-VALUE, {@code \"}, {@code \\} and {@code \]} are
 * escapes (resolved when written); a backslash before any other character is an ordinary backslash and is kept
 * (RFC 5424 §6.3.3).
 * <p>
 * Strict additionally rejects: names longer than 32 bytes or with bytes outside PRINTUSASCII, an unescaped
 * {@code ]} in a value, a value that is not UTF-8, and an SD-ID that occurs twice. Lenient accepts those (names
 * end at a control byte, space or delimiter; duplicate SD-IDs are merged when written).
 */
final class StructuredDataParser
{
    private static final int MAX_NAME = 32;

    /**
     * Parses the elements starting at {@code p} ({@code buf[p] == '['}).
     *
     * @return the offset after the last element, or -1 with {@code err} set.
     */
    int parse(final byte[] buf, final int p, final int end, final boolean strict, final StructuredData sd, final SyslogError err)
    {
        int i = p;
        while (i < end && buf[i] == '[')
        {
            final int idStart = i + 1;
            i = nameEnd(buf, idStart, end, strict);
            if (i == idStart || i >= end || (strict && i - idStart > MAX_NAME))
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i == idStart || i >= end ? i : idStart + MAX_NAME);
            }
            if (!sd.addElement(idStart, i))
            {
                return err.fail(SyslogError.TOO_MANY_FIELDS, idStart);
            }
            if (strict && sd.firstWithSameId(buf, sd.elementCount - 1) != sd.elementCount - 1)
            {
                return err.fail(SyslogError.DUPLICATE_SD_ID, idStart);
            }
            i = params(buf, i, end, strict, sd, err);
            if (i < 0)
            {
                return -1;
            }
            sd.endElement();
        }
        return i;
    }

    /** Parses {@code *(SP SD-PARAM) "]"} at {@code p}; returns the offset after {@code ]} or -1. */
    private static int params(final byte[] buf, final int p, final int end, final boolean strict, final StructuredData sd,
        final SyslogError err)
    {
        int i = p;
        while (true)
        {
            if (i >= end)
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i);
            }
            if (buf[i] == ']')
            {
                return i + 1;
            }
            if (buf[i] != ' ')
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i);
            }
            final int nameStart = i + 1;
            i = nameEnd(buf, nameStart, end, strict);
            if (i == nameStart || (strict && i - nameStart > MAX_NAME))
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i == nameStart ? i : nameStart + MAX_NAME);
            }
            if (i >= end || buf[i] != '=')
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i);
            }
            if (i + 1 >= end || buf[i + 1] != '"')
            {
                return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i + 1);
            }
            final int nameEnd = i;
            final int valueStart = i + 2;
            boolean escaped = false;
            i = valueStart;
            while (true)
            {
                if (i >= end)
                {
                    return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i);
                }
                final byte c = buf[i];
                if (c == '"')
                {
                    break;
                }
                if (c == '\\' && i + 1 < end && (buf[i + 1] == '"' || buf[i + 1] == '\\' || buf[i + 1] == ']'))
                {
                    escaped = true;
                    i += 2;
                    continue;
                }
                if (c == ']' && strict)
                {
                    return err.fail(SyslogError.INVALID_STRUCTURED_DATA, i);
                }
                i++;
            }
            if (strict)
            {
                final int bad = SyslogBytes.invalidUtf8At(buf, valueStart, i);
                if (bad >= 0)
                {
                    return err.fail(SyslogError.INVALID_STRUCTURED_DATA, bad);
                }
            }
            if (!sd.params.add(nameStart, nameEnd, valueStart, i, escaped))
            {
                return err.fail(SyslogError.TOO_MANY_FIELDS, nameStart);
            }
            i++;
        }
    }

    /** End of an SD-NAME at {@code p}: the first delimiter, or (strict) non-PRINTUSASCII, or (lenient) control byte. */
    private static int nameEnd(final byte[] buf, final int p, final int end, final boolean strict)
    {
        int i = p;
        while (i < end)
        {
            final byte b = buf[i];
            if (b == '=' || b == ' ' || b == ']' || b == '"')
            {
                break;
            }
            if (strict ? !SyslogBytes.isPrintUsAscii(b) : (b >= 0 && b < 32))
            {
                break;
            }
            i++;
        }
        return i;
    }
}
