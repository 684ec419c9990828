package io.nocraven.codec.snmp;

import io.nocraven.core.record.RecordWriter;
import io.nocraven.core.record.Utf8;

import static io.nocraven.codec.snmp.SnmpMessageDescriptor.OPAQUE_COUNTER64;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.OPAQUE_DOUBLE;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.OPAQUE_FLOAT;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.OPAQUE_INT64;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.OPAQUE_TAG1;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.OPAQUE_UINT64;

/**
 * Writes one varbind value as {@code type} (SMIv2 name) and {@code value}:
 * <ul>
 * <li>Integer32: number; Counter32, Gauge32, TimeTicks, UInteger32 (SMIv1): unsigned number; Counter64: exact
 *     unsigned 64-bit number;</li>
 * <li>OctetString: text when the bytes are valid UTF-8 without control characters (TAB, LF and CR allowed), else
 *     lowercase hex; ObjectIdentifier: dotted numeric; IpAddress: dotted quad (hex if not 4 bytes); NsapAddress:
 *     hex;</li>
 * <li>Opaque: lowercase hex of its contents; when the contents are one of net-snmp's wrapped types (tag 0x9f
 *     0x76..0x7b) also {@code opaqueType} ({@code Counter64}, {@code Float}, {@code Double}, {@code Int64},
 *     {@code UInt64}) and {@code opaqueValue} (a Float is widened exactly to a double);</li>
 * <li>Null, noSuchObject, noSuchInstance, endOfMibView: JSON null.</li>
 * </ul>
 */
final class SnmpValueWriter
{
    private SnmpValueWriter()
    {
    }

    static boolean isKnown(final int tag)
    {
        return typeName(tag) != null;
    }

    static String typeName(final int tag)
    {
        switch (tag)
        {
            case 0x02: return "Integer32";
            case 0x04: return "OctetString";
            case 0x05: return "Null";
            case 0x06: return "ObjectIdentifier";
            case 0x40: return "IpAddress";
            case 0x41: return "Counter32";
            case 0x42: return "Gauge32";
            case 0x43: return "TimeTicks";
            case 0x44: return "Opaque";
            case 0x45: return "NsapAddress";
            case 0x46: return "Counter64";
            case 0x47: return "UInteger32";
            case 0x80: return "noSuchObject";
            case 0x81: return "noSuchInstance";
            case 0x82: return "endOfMibView";
            default: return null;
        }
    }

    /**
     * @param tag the value's tag.
     * @param b   bytes.
     * @param off first content byte.
     * @param len content length.
     * @return true when the value is well-formed for its type.
     */
    static boolean isValid(final int tag, final byte[] b, final int off, final int len)
    {
        switch (tag)
        {
            case 0x02: return len >= 1 && len <= 8;
            case 0x05: return len == 0;
            case 0x06: return OidText.isValid(b, off, len);
            case 0x41: case 0x42: case 0x43: case 0x47: return BerReader.unsignedFits(b, off, len, 4);
            case 0x46: return BerReader.unsignedFits(b, off, len, 8);
            case 0x04: case 0x40: case 0x44: case 0x45: case 0x80: case 0x81: case 0x82: return true;
            default: return false;
        }
    }

    /**
     * Writes {@code type} and {@code value} (and the Opaque extras) of a valid value.
     *
     * @param out     where to write.
     * @param scratch a reusable builder.
     * @param tag     the value's tag.
     * @param b       bytes.
     * @param off     first content byte.
     * @param len     content length.
     */
    static void write(final RecordWriter out, final StringBuilder scratch, final int tag, final byte[] b, final int off,
        final int len)
    {
        out.field("type", typeName(tag));
        out.name("value");
        switch (tag)
        {
            case 0x02 -> out.longValue(BerReader.signed(b, off, len));
            case 0x41, 0x42, 0x43, 0x47 -> out.unsignedLongValue(BerReader.unsignedValue(b, off, len, 32));
            case 0x46 -> out.unsignedLongValue(BerReader.unsignedValue(b, off, len, 64));
            case 0x04 -> writeOctets(out, b, off, len);
            case 0x06 ->
            {
                scratch.setLength(0);
                OidText.append(scratch, b, off, len);
                out.stringValue(scratch);
            }
            case 0x40 ->
            {
                if (len == 4)
                {
                    out.ipv4Value((int)BerReader.unsigned(b, off, 4));
                }
                else
                {
                    out.hexValue(b, off, len);
                }
            }
            case 0x44 ->
            {
                out.hexValue(b, off, len);
                writeOpaqueExtras(out, b, off, len);
            }
            case 0x45 -> out.hexValue(b, off, len);
            default -> out.nullValue();
        }
    }

    /**
     * Writes bytes as text when printable UTF-8, else as hex.
     *
     * @param out where to write.
     * @param b   bytes.
     * @param off first byte.
     * @param len length.
     */
    static void writeOctets(final RecordWriter out, final byte[] b, final int off, final int len)
    {
        if (isPrintableUtf8(b, off, len))
        {
            out.utf8Value(b, off, len);
        }
        else
        {
            out.hexValue(b, off, len);
        }
    }

    static boolean isPrintableUtf8(final byte[] b, final int off, final int len)
    {
        final int end = off + len;
        for (int i = off; i < end; i++)
        {
            final int x = b[i] & 0xFF;
            if ((x < 0x20 && x != '\t' && x != '\n' && x != '\r') || x == 0x7F)
            {
                return false;
            }
            if (x == 0xC2 && i + 1 < end && (b[i + 1] & 0xFF) >= 0x80 && (b[i + 1] & 0xFF) <= 0x9F)
            {
                return false;
            }
        }
        return Utf8.isValid(b, off, len);
    }

    private static void writeOpaqueExtras(final RecordWriter out, final byte[] b, final int off, final int len)
    {
        if (len < 3 || (b[off] & 0xFF) != OPAQUE_TAG1 || (b[off + 2] & 0xFF) != len - 3)
        {
            return;
        }
        final int type = b[off + 1] & 0xFF;
        final int n = len - 3;
        final int v = off + 3;
        if (type == OPAQUE_FLOAT && n == 4)
        {
            out.field("opaqueType", "Float");
            out.name("opaqueValue");
            out.doubleValue(Float.intBitsToFloat((int)BerReader.unsigned(b, v, 4)));
        }
        else if (type == OPAQUE_DOUBLE && n == 8)
        {
            out.field("opaqueType", "Double");
            out.name("opaqueValue");
            out.doubleValue(Double.longBitsToDouble(BerReader.unsigned(b, v, 8)));
        }
        else if (type == OPAQUE_INT64 && n >= 1 && n <= 8)
        {
            out.field("opaqueType", "Int64");
            out.field("opaqueValue", BerReader.signed(b, v, n));
        }
        else if ((type == OPAQUE_UINT64 || type == OPAQUE_COUNTER64) && n >= 1 && BerReader.unsignedFits(b, v, n, 8))
        {
            out.field("opaqueType", type == OPAQUE_UINT64 ? "UInt64" : "Counter64");
            out.name("opaqueValue");
            out.unsignedLongValue(BerReader.unsigned(b, v, n));
        }
    }
}
