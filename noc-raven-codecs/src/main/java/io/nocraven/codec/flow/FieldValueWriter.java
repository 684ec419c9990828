package io.nocraven.codec.flow;

import io.nocraven.core.record.RecordWriter;

/**
 * Writes one element value by its abstract data type (RFC 7011 section 6): unsigned and signed integers in any
 * reduced size up to 8 octets, floats, booleans, MAC and IP addresses as text, strings without trailing NULs,
 * octet arrays as hex, and the four dateTime types as ISO-8601 UTC keeping their precision (micro- and nanoseconds
 * from NTP format). A value whose length does not fit its type is written as hex, so nothing is lost. Allocates
 * nothing.
 */
public final class FieldValueWriter
{
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
    public static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

    private FieldValueWriter()
    {
    }

    /**
     * @param buf    bytes.
     * @param offset start.
     * @param length 0..8 octets, big endian.
     * @return the unsigned value (8 octets may exceed {@link Long#MAX_VALUE}: read as unsigned).
     */
    public static long readUnsigned(final byte[] buf, final int offset, final int length)
    {
        long v = 0;
        for (int i = 0; i < length; i++)
        {
            v = (v << 8) | (buf[offset + i] & 0xFF);
        }
        return v;
    }

    /**
     * Writes one scalar value (list types are written by {@link RecordFieldsWriter}).
     *
     * @param out    where to write.
     * @param type   the element's type.
     * @param buf    bytes.
     * @param offset start of the value.
     * @param length its length.
     */
    public static void write(
        final RecordWriter out, final AbstractDataType type, final byte[] buf, final int offset, final int length)
    {
        switch (type)
        {
            case UNSIGNED8:
            case UNSIGNED16:
            case UNSIGNED32:
            case UNSIGNED64:
                if (length >= 1 && length <= 8)
                {
                    out.unsignedLongValue(readUnsigned(buf, offset, length));
                    return;
                }
                break;
            case SIGNED8:
            case SIGNED16:
            case SIGNED32:
            case SIGNED64:
                if (length >= 1 && length <= 8)
                {
                    final int shift = 64 - 8 * length;
                    out.longValue((readUnsigned(buf, offset, length) << shift) >> shift);
                    return;
                }
                break;
            case FLOAT32:
            case FLOAT64:
                if (length == 4)
                {
                    out.doubleValue(Float.intBitsToFloat((int)readUnsigned(buf, offset, 4)));
                    return;
                }
                if (length == 8)
                {
                    out.doubleValue(Double.longBitsToDouble(readUnsigned(buf, offset, 8)));
                    return;
                }
                break;
            case BOOLEAN:
                if (length == 1 && (buf[offset] == 1 || buf[offset] == 2))
                {
                    out.booleanValue(buf[offset] == 1);
                    return;
                }
                break;
            case MAC_ADDRESS:
                if (length == 6)
                {
                    out.macValue(buf, offset);
                    return;
                }
                break;
            case IPV4_ADDRESS:
                if (length == 4)
                {
                    out.ipv4Value((int)readUnsigned(buf, offset, 4));
                    return;
                }
                break;
            case IPV6_ADDRESS:
                if (length == 16)
                {
                    out.ipv6Value(buf, offset);
                    return;
                }
                break;
            case STRING:
                int end = offset + length;
                while (end > offset && buf[end - 1] == 0)
                {
                    end--;
                }
                out.utf8Value(buf, offset, end - offset);
                return;
            default:
                if (writeTime(out, type, buf, offset, length))
                {
                    return;
                }
                break;
        }
        out.hexValue(buf, offset, length);
    }

    private static boolean writeTime(
        final RecordWriter out, final AbstractDataType type, final byte[] buf, final int offset, final int length)
    {
        switch (type)
        {
            case DATE_TIME_SECONDS:
                if (length >= 1 && length <= 4)
                {
                    out.timestampValue(readUnsigned(buf, offset, length), 0, 0);
                    return true;
                }
                return false;
            case DATE_TIME_MILLISECONDS:
                if (length >= 1 && length <= 8)
                {
                    final long millis = readUnsigned(buf, offset, length);
                    out.timestampValue(Math.floorDiv(millis, 1000L), (int)Math.floorMod(millis, 1000L) * 1_000_000, 3);
                    return true;
                }
                return false;
            case DATE_TIME_MICROSECONDS:
            case DATE_TIME_NANOSECONDS:
                final int digits = type == AbstractDataType.DATE_TIME_MICROSECONDS ? 6 : 9;
                if (length == 8)
                {
                    final long seconds = readUnsigned(buf, offset, 4) - NTP_EPOCH_OFFSET;
                    out.timestampValue(seconds, ntpFractionToNanos(readUnsigned(buf, offset + 4, 4)), digits);
                    return true;
                }
                if (length == 16 && type == AbstractDataType.DATE_TIME_MICROSECONDS)
                {
                    // pmacct's nfprobe_tstamp_usec exports a struct timeval (8-octet seconds, 8-octet microseconds).
                    final long micros = readUnsigned(buf, offset + 8, 8);
                    if (micros >= 0 && micros < 1_000_000L)
                    {
                        out.timestampValue(readUnsigned(buf, offset, 8), (int)micros * 1000, 6);
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /**
     * @param fraction the 32-bit NTP fraction of a second.
     * @return nanoseconds, truncated.
     */
    public static int ntpFractionToNanos(final long fraction)
    {
        return (int)((fraction * 1_000_000_000L) >>> 32);
    }
}
