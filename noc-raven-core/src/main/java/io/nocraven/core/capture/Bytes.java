package io.nocraven.core.capture;

/**
 * Integer reads from byte arrays in either byte order.
 */
final class Bytes
{
    private Bytes()
    {
    }

    static int uint8(final byte[] buf, final int offset)
    {
        return buf[offset] & 0xFF;
    }

    static int uint16(final byte[] buf, final int offset, final boolean bigEndian)
    {
        final int a = buf[offset] & 0xFF;
        final int b = buf[offset + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    static int uint16(final byte[] buf, final int offset)
    {
        return uint16(buf, offset, true);
    }

    static int int32(final byte[] buf, final int offset, final boolean bigEndian)
    {
        final int v = ((buf[offset] & 0xFF) << 24) | ((buf[offset + 1] & 0xFF) << 16) | ((buf[offset + 2] & 0xFF) << 8)
            | (buf[offset + 3] & 0xFF);
        return bigEndian ? v : Integer.reverseBytes(v);
    }

    static int int32(final byte[] buf, final int offset)
    {
        return int32(buf, offset, true);
    }

    static long int64(final byte[] buf, final int offset, final boolean bigEndian)
    {
        final long hi = int32(buf, offset, true) & 0xFFFF_FFFFL;
        final long lo = int32(buf, offset + 4, true) & 0xFFFF_FFFFL;
        final long v = (hi << 32) | lo;
        return bigEndian ? v : Long.reverseBytes(v);
    }

    static void putInt16(final byte[] buf, final int offset, final int value)
    {
        buf[offset] = (byte)(value >>> 8);
        buf[offset + 1] = (byte)value;
    }

    static void putInt32(final byte[] buf, final int offset, final int value)
    {
        buf[offset] = (byte)(value >>> 24);
        buf[offset + 1] = (byte)(value >>> 16);
        buf[offset + 2] = (byte)(value >>> 8);
        buf[offset + 3] = (byte)value;
    }
}
