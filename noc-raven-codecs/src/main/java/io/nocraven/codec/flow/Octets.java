package io.nocraven.codec.flow;

/**
 * Big-endian reads from a byte array (network order), without bounds checks: callers bound every offset first.
 */
public final class Octets
{
    private Octets()
    {
    }

    /**
     * @param buf bytes.
     * @param p   offset.
     * @return the unsigned 16-bit value at {@code p}.
     */
    public static int u16(final byte[] buf, final int p)
    {
        return ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
    }

    /**
     * @param buf bytes.
     * @param p   offset.
     * @return the unsigned 32-bit value at {@code p}.
     */
    public static long u32(final byte[] buf, final int p)
    {
        return ((long)(buf[p] & 0xFF) << 24) | ((buf[p + 1] & 0xFF) << 16) | ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
    }

    /**
     * @param buf  bytes.
     * @param from first offset.
     * @param end  end offset.
     * @return true when every byte in the range is zero (set padding).
     */
    public static boolean allZero(final byte[] buf, final int from, final int end)
    {
        for (int i = from; i < end; i++)
        {
            if (buf[i] != 0)
            {
                return false;
            }
        }
        return true;
    }
}
