package io.nocraven.codec.packet;

/**
 * Big-endian (network order, XDR) integer reads from a byte array. Callers check bounds before reading; these
 * methods only assemble bytes (a handful of lines, kept here rather than pulling in a buffer library for it).
 */
public final class WireBytes
{
    private WireBytes()
    {
    }

    /**
     * @param buf bytes.
     * @param at  offset of the first byte.
     * @return the unsigned 8-bit value.
     */
    public static int u8(final byte[] buf, final int at)
    {
        return buf[at] & 0xFF;
    }

    /**
     * @param buf bytes.
     * @param at  offset of the first byte.
     * @return the unsigned 16-bit value.
     */
    public static int u16(final byte[] buf, final int at)
    {
        return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    }

    /**
     * @param buf bytes.
     * @param at  offset of the first byte.
     * @return the 24-bit value.
     */
    public static int u24(final byte[] buf, final int at)
    {
        return ((buf[at] & 0xFF) << 16) | ((buf[at + 1] & 0xFF) << 8) | (buf[at + 2] & 0xFF);
    }

    /**
     * @param buf bytes.
     * @param at  offset of the first byte.
     * @return the 32 bits as an int.
     */
    public static int i32(final byte[] buf, final int at)
    {
        return ((buf[at] & 0xFF) << 24) | ((buf[at + 1] & 0xFF) << 16) | ((buf[at + 2] & 0xFF) << 8) | (buf[at + 3] & 0xFF);
    }

    /**
     * @param buf bytes.
     * @param at  offset of the first byte.
     * @return the unsigned 32-bit value.
     */
    public static long u32(final byte[] buf, final int at)
    {
        return i32(buf, at) & 0xFFFF_FFFFL;
    }

    /**
     * @param buf bytes.
     * @param at  offset of the first byte.
     * @return the 64 bits as a long (unsigned values are written with {@code unsignedLongValue}).
     */
    public static long i64(final byte[] buf, final int at)
    {
        return ((long)i32(buf, at) << 32) | u32(buf, at + 4);
    }
}
