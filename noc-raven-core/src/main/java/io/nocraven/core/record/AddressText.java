package io.nocraven.core.record;

/**
 * Text forms of addresses without allocation: dotted IPv4, RFC 5952 IPv6 and colon-separated MAC.
 */
public final class AddressText
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AddressText()
    {
    }

    /**
     * Appends a dotted-quad IPv4 address.
     *
     * @param sb     where to append.
     * @param buf    the bytes.
     * @param offset where the 4 address bytes start.
     */
    public static void appendIpv4(final StringBuilder sb, final byte[] buf, final int offset)
    {
        sb.append(buf[offset] & 0xFF).append('.')
            .append(buf[offset + 1] & 0xFF).append('.')
            .append(buf[offset + 2] & 0xFF).append('.')
            .append(buf[offset + 3] & 0xFF);
    }

    /**
     * Appends a dotted-quad IPv4 address held in an int (network order: first octet in the high byte).
     *
     * @param sb      where to append.
     * @param address the address.
     */
    public static void appendIpv4(final StringBuilder sb, final int address)
    {
        sb.append((address >>> 24) & 0xFF).append('.')
            .append((address >>> 16) & 0xFF).append('.')
            .append((address >>> 8) & 0xFF).append('.')
            .append(address & 0xFF);
    }

    /**
     * Appends an IPv6 address in the RFC 5952 canonical form: lowercase hex, no leading zeros, the longest run
     * (first if tied) of two or more zero groups shortened to {@code ::}; IPv4-mapped addresses as
     * {@code ::ffff:a.b.c.d} (RFC 5952 section 5).
     *
     * @param sb     where to append.
     * @param buf    the bytes.
     * @param offset where the 16 address bytes start.
     */
    public static void appendIpv6(final StringBuilder sb, final byte[] buf, final int offset)
    {
        if (isIpv4Mapped(buf, offset))
        {
            sb.append("::ffff:");
            appendIpv4(sb, buf, offset + 12);
            return;
        }
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int i = 0; i < 8; i++)
        {
            final int group = ((buf[offset + 2 * i] & 0xFF) << 8) | (buf[offset + 2 * i + 1] & 0xFF);
            if (group == 0)
            {
                if (runStart < 0)
                {
                    runStart = i;
                }
                final int length = i - runStart + 1;
                if (length > bestLength)
                {
                    bestLength = length;
                    bestStart = runStart;
                }
            }
            else
            {
                runStart = -1;
            }
        }
        if (bestLength < 2)
        {
            bestStart = -1;
        }
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength)
            {
                sb.append(':');
            }
            final int group = ((buf[offset + 2 * i] & 0xFF) << 8) | (buf[offset + 2 * i + 1] & 0xFF);
            appendHexGroup(sb, group);
        }
    }

    /**
     * Appends a MAC address as {@code aa:bb:cc:dd:ee:ff}.
     *
     * @param sb     where to append.
     * @param buf    the bytes.
     * @param offset where the 6 bytes start.
     */
    public static void appendMac(final StringBuilder sb, final byte[] buf, final int offset)
    {
        for (int i = 0; i < 6; i++)
        {
            if (i > 0)
            {
                sb.append(':');
            }
            final int b = buf[offset + i] & 0xFF;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
    }

    /**
     * Appends bytes as lowercase hex.
     *
     * @param sb     where to append.
     * @param buf    the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     */
    public static void appendHex(final StringBuilder sb, final byte[] buf, final int offset, final int length)
    {
        for (int i = offset, end = offset + length; i < end; i++)
        {
            final int b = buf[i] & 0xFF;
            sb.append(HEX[b >>> 4]).append(HEX[b & 0xF]);
        }
    }

    /**
     * @param buf    bytes.
     * @param offset where 16 address bytes start.
     * @return true for {@code ::ffff:0:0/96}.
     */
    private static boolean isIpv4Mapped(final byte[] buf, final int offset)
    {
        for (int i = 0; i < 10; i++)
        {
            if (buf[offset + i] != 0)
            {
                return false;
            }
        }
        return (buf[offset + 10] & 0xFF) == 0xFF && (buf[offset + 11] & 0xFF) == 0xFF;
    }

    private static void appendHexGroup(final StringBuilder sb, final int group)
    {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int nibble = (group >>> shift) & 0xF;
            if (nibble != 0 || started || shift == 0)
            {
                sb.append(HEX[nibble]);
                started = true;
            }
        }
    }
}
