package io.nocraven.core.record;

/**
 * Text forms of addresses without allocation: dotted IPv4, RFC 5952 IPv6 and colon-separated MAC, written as ASCII
 * bytes into an array ({@code write*}, the JSON writer's path) or appended to a {@link StringBuilder}.
 */
public final class AddressText
{
    /** Longest dotted-quad IPv4 text ({@code 255.255.255.255}). */
    public static final int MAX_IPV4_LENGTH = 15;
    /** Longest RFC 5952 IPv6 text (eight groups of four hex digits). */
    public static final int MAX_IPV6_LENGTH = 39;
    /** Length of a MAC address's text ({@code aa:bb:cc:dd:ee:ff}). */
    public static final int MAC_LENGTH = 17;

    private static final byte[] IPV4_MAPPED_PREFIX = {':', ':', 'f', 'f', 'f', 'f', ':'};

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
        appendIpv4(sb, ipv4(buf, offset));
    }

    /**
     * Appends a dotted-quad IPv4 address held in an int (network order: first octet in the high byte).
     *
     * @param sb      where to append.
     * @param address the address.
     */
    public static void appendIpv4(final StringBuilder sb, final int address)
    {
        final byte[] text = new byte[MAX_IPV4_LENGTH];
        AsciiText.append(sb, text, writeIpv4(text, 0, address));
    }

    /**
     * Appends an IPv6 address in the RFC 5952 canonical form (see {@link #writeIpv6}).
     *
     * @param sb     where to append.
     * @param buf    the bytes.
     * @param offset where the 16 address bytes start.
     */
    public static void appendIpv6(final StringBuilder sb, final byte[] buf, final int offset)
    {
        final byte[] text = new byte[MAX_IPV6_LENGTH];
        AsciiText.append(sb, text, writeIpv6(text, 0, buf, offset));
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
        final byte[] text = new byte[MAC_LENGTH];
        AsciiText.append(sb, text, writeMac(text, 0, buf, offset));
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
        final byte[] text = new byte[2 * length];
        AsciiText.append(sb, text, writeHex(text, 0, buf, offset, length));
    }

    /**
     * Writes a dotted-quad IPv4 address held in an int (network order: first octet in the high byte).
     *
     * @param dst     where to write: at least {@link #MAX_IPV4_LENGTH} bytes from {@code pos}.
     * @param pos     where the text starts.
     * @param address the address.
     * @return the position after the text.
     */
    public static int writeIpv4(final byte[] dst, final int pos, final int address)
    {
        int p = AsciiText.writeLong(dst, pos, (address >>> 24) & 0xFF);
        dst[p++] = '.';
        p = AsciiText.writeLong(dst, p, (address >>> 16) & 0xFF);
        dst[p++] = '.';
        p = AsciiText.writeLong(dst, p, (address >>> 8) & 0xFF);
        dst[p++] = '.';
        return AsciiText.writeLong(dst, p, address & 0xFF);
    }

    /**
     * Writes a dotted-quad IPv4 address.
     *
     * @param dst    where to write: at least {@link #MAX_IPV4_LENGTH} bytes from {@code pos}.
     * @param pos    where the text starts.
     * @param buf    the bytes.
     * @param offset where the 4 address bytes start.
     * @return the position after the text.
     */
    public static int writeIpv4(final byte[] dst, final int pos, final byte[] buf, final int offset)
    {
        return writeIpv4(dst, pos, ipv4(buf, offset));
    }

    /**
     * Writes an IPv6 address in the RFC 5952 canonical form: lowercase hex, no leading zeros, the longest run
     * (first if tied) of two or more zero groups shortened to {@code ::}; IPv4-mapped addresses as
     * {@code ::ffff:a.b.c.d} (RFC 5952 section 5).
     *
     * @param dst    where to write: at least {@link #MAX_IPV6_LENGTH} bytes from {@code pos}.
     * @param pos    where the text starts.
     * @param buf    the bytes.
     * @param offset where the 16 address bytes start.
     * @return the position after the text.
     */
    public static int writeIpv6(final byte[] dst, final int pos, final byte[] buf, final int offset)
    {
        if (isIpv4Mapped(buf, offset))
        {
            System.arraycopy(IPV4_MAPPED_PREFIX, 0, dst, pos, IPV4_MAPPED_PREFIX.length);
            return writeIpv4(dst, pos + IPV4_MAPPED_PREFIX.length, buf, offset + 12);
        }
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int i = 0; i < 8; i++)
        {
            if (group(buf, offset, i) == 0)
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
        int p = pos;
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                dst[p++] = ':';
                dst[p++] = ':';
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength)
            {
                dst[p++] = ':';
            }
            p = writeHexGroup(dst, p, group(buf, offset, i));
        }
        return p;
    }

    /**
     * Writes a MAC address as {@code aa:bb:cc:dd:ee:ff}.
     *
     * @param dst    where to write: at least {@link #MAC_LENGTH} bytes from {@code pos}.
     * @param pos    where the text starts.
     * @param buf    the bytes.
     * @param offset where the 6 bytes start.
     * @return the position after the text.
     */
    public static int writeMac(final byte[] dst, final int pos, final byte[] buf, final int offset)
    {
        int p = pos;
        for (int i = 0; i < 6; i++)
        {
            if (i > 0)
            {
                dst[p++] = ':';
            }
            p = AsciiText.writeHexByte(dst, p, buf[offset + i]);
        }
        return p;
    }

    /**
     * Writes bytes as lowercase hex.
     *
     * @param dst    where to write: at least {@code 2 * length} bytes from {@code pos}.
     * @param pos    where the text starts.
     * @param buf    the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @return the position after the text.
     */
    public static int writeHex(final byte[] dst, final int pos, final byte[] buf, final int offset, final int length)
    {
        int p = pos;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            p = AsciiText.writeHexByte(dst, p, buf[i]);
        }
        return p;
    }

    private static int ipv4(final byte[] buf, final int offset)
    {
        return ((buf[offset] & 0xFF) << 24) | ((buf[offset + 1] & 0xFF) << 16) | ((buf[offset + 2] & 0xFF) << 8)
            | (buf[offset + 3] & 0xFF);
    }

    private static int group(final byte[] buf, final int offset, final int i)
    {
        return ((buf[offset + 2 * i] & 0xFF) << 8) | (buf[offset + 2 * i + 1] & 0xFF);
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

    private static int writeHexGroup(final byte[] dst, final int pos, final int group)
    {
        int p = pos;
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4)
        {
            final int nibble = (group >>> shift) & 0xF;
            if (nibble != 0 || started || shift == 0)
            {
                dst[p++] = AsciiText.HEX[nibble];
                started = true;
            }
        }
        return p;
    }
}
