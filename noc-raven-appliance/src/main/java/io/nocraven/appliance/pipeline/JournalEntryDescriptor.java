package io.nocraven.appliance.pipeline;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;

/**
 * Layout of one journaled input (the payload of a buffer record): a fixed 32-byte header with the envelope, then
 * the datagram or frame exactly as received. All multi-byte fields little-endian (the buffer's byte order).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------+---------------+---------------+---------------+
 * |  version (1)  |   listener    | address length|   reserved    |
 * +---------------+---------------+---------------+---------------+
 * |        exporter port          |           reserved            |
 * +-------------------------------+-------------------------------+
 * |                receivedAt, epoch nanoseconds (int64)          |
 * +                                                               +
 * |                                                               |
 * +---------------------------------------------------------------+
 * |      exporter address (16 bytes; IPv4 in the first 4)         |
 * +                                                               +
 * ~                                                               ~
 * +---------------------------------------------------------------+
 * |                payload: the datagram or frame ...             ~
 * +---------------------------------------------------------------+
 * </pre>
 * {@code listener} is the {@link ListenerType} ordinal (the enum's order is part of this format: append only).
 * A reader rejects a version it does not know instead of guessing.
 */
public final class JournalEntryDescriptor
{
    /** Read once: {@code values()} clones the array, and the header is read for every entry a forwarder reads. */
    private static final ListenerType[] TYPES = ListenerType.values();

    /** Current format version. */
    public static final int VERSION = 1;
    /** Offset of the version byte. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the listener ordinal. */
    public static final int LISTENER_OFFSET = 1;
    /** Offset of the address length (4 or 16). */
    public static final int ADDRESS_LENGTH_OFFSET = 2;
    /** Offset of the exporter port (uint16). */
    public static final int PORT_OFFSET = 4;
    /** Offset of the receive time (int64 epoch nanos). */
    public static final int RECEIVED_AT_OFFSET = 8;
    /** Offset of the 16 address bytes. */
    public static final int ADDRESS_OFFSET = 16;
    /** Header length; the payload starts here. */
    public static final int HEADER_LENGTH = 32;

    private JournalEntryDescriptor()
    {
    }

    /**
     * Writes the header for an envelope at {@code offset}.
     *
     * @param dst      destination (at least {@link #HEADER_LENGTH} bytes from offset).
     * @param offset   where the header starts.
     * @param listener the listener.
     * @param context  the envelope.
     */
    public static void writeHeader(final byte[] dst, final int offset, final ListenerType listener,
        final RecordContext context)
    {
        dst[offset + VERSION_OFFSET] = (byte)VERSION;
        dst[offset + LISTENER_OFFSET] = (byte)listener.ordinal();
        dst[offset + ADDRESS_LENGTH_OFFSET] = (byte)context.exporterAddressLength();
        dst[offset + 3] = 0;
        putShort(dst, offset + PORT_OFFSET, context.exporterPort());
        putShort(dst, offset + 6, 0);
        putLong(dst, offset + RECEIVED_AT_OFFSET, context.receivedAtEpochNanos());
        final byte[] addr = context.exporterAddressBytes();
        for (int i = 0; i < 16; i++)
        {
            dst[offset + ADDRESS_OFFSET + i] = i < context.exporterAddressLength() ? addr[i] : 0;
        }
    }

    /**
     * Reads a header back into an envelope.
     *
     * @param src     the entry.
     * @param offset  where it starts.
     * @param length  entry length.
     * @param context filled in.
     * @return the listener, or null when the entry is too short, of an unknown version or malformed.
     */
    public static ListenerType readHeader(final byte[] src, final int offset, final int length,
        final RecordContext context)
    {
        if (length < HEADER_LENGTH || src[offset + VERSION_OFFSET] != VERSION)
        {
            return null;
        }
        final int listener = src[offset + LISTENER_OFFSET] & 0xFF;
        final int addrLen = src[offset + ADDRESS_LENGTH_OFFSET] & 0xFF;
        final ListenerType[] types = TYPES;
        if (listener >= types.length || (addrLen != 4 && addrLen != 16))
        {
            return null;
        }
        final ListenerType type = types[listener];
        context.set(src, offset + ADDRESS_OFFSET, addrLen, getShort(src, offset + PORT_OFFSET), type.configName(),
            getLong(src, offset + RECEIVED_AT_OFFSET));
        return type;
    }

    private static void putShort(final byte[] b, final int i, final int v)
    {
        b[i] = (byte)v;
        b[i + 1] = (byte)(v >>> 8);
    }

    private static int getShort(final byte[] b, final int i)
    {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static void putLong(final byte[] b, final int i, final long v)
    {
        for (int k = 0; k < 8; k++)
        {
            b[i + k] = (byte)(v >>> (8 * k));
        }
    }

    private static long getLong(final byte[] b, final int i)
    {
        long v = 0;
        for (int k = 7; k >= 0; k--)
        {
            v = (v << 8) | (b[i + k] & 0xFF);
        }
        return v;
    }
}
