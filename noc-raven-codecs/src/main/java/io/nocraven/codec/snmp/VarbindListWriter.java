package io.nocraven.codec.snmp;

import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.snmp.SnmpMessageDescriptor.SNMP_TRAP_OID_0;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.SYS_UPTIME_0;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_OID;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_SEQUENCE;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_TIMETICKS;

/**
 * The variable-bindings of a notification, in two passes over the bytes: {@link #scan} checks every binding (so
 * that a malformed one turns the whole datagram into an {@code invalid} record before anything is written) and
 * finds {@code sysUpTime.0} and {@code snmpTrapOID.0}; {@link #write} then writes the {@code varbinds} array
 * without them. Reused per datagram; allocates nothing.
 */
final class VarbindListWriter
{
    /** The most bindings accepted in one notification (a 64 KiB datagram cannot hold many more). */
    static final int MAX_VARBINDS = 8192;

    private final StringBuilder text = new StringBuilder(256);
    private final OidNameTable names;
    private byte[] buf;
    private int listOffset;
    private int listLength;
    private int upTimeIndex;
    private long upTime;
    private int trapOidIndex;
    private int trapOidOffset;
    private int trapOidLength;

    VarbindListWriter(final OidNameTable names)
    {
        this.names = names;
    }

    /**
     * Checks the variable-bindings SEQUENCE at the reader's position and remembers it.
     *
     * @param r    the reader, at the SEQUENCE header; left after it on success.
     * @param lift whether to lift {@code sysUpTime.0} and {@code snmpTrapOID.0} (SNMPv2 notifications; a v1
     *             Trap-PDU has its own fields and keeps all its bindings).
     * @return false with the reader's error set when a binding is malformed.
     */
    boolean scan(final BerReader r, final boolean lift)
    {
        upTimeIndex = -1;
        trapOidIndex = -1;
        if (!r.expect(TAG_SEQUENCE, "varbind list"))
        {
            return false;
        }
        buf = r.buffer();
        listOffset = r.valueOffset();
        listLength = r.valueLength();
        final int outer = r.enter();
        int index = 0;
        while (r.position() < r.limit())
        {
            if (index == MAX_VARBINDS)
            {
                return r.fail("too many varbinds", r.position());
            }
            if (!r.expect(TAG_SEQUENCE, "varbind"))
            {
                return false;
            }
            final int vbEnd = r.valueEnd();
            final int inner = r.enter();
            final int oidAt = r.position();
            if (!r.expect(TAG_OID, "varbind OID"))
            {
                return false;
            }
            final int oidOff = r.valueOffset();
            final int oidLen = r.valueLength();
            if (!OidText.isValid(buf, oidOff, oidLen))
            {
                return r.fail("bad varbind OID", oidAt);
            }
            r.skipValue();
            final int valueAt = r.position();
            if (!r.readHeader("varbind value"))
            {
                return false;
            }
            if (!SnmpValueWriter.isValid(r.tag(), buf, r.valueOffset(), r.valueLength()))
            {
                return r.fail(SnmpValueWriter.isKnown(r.tag()) ? "bad varbind value" : "unknown varbind type", valueAt);
            }
            if (r.valueEnd() != vbEnd)
            {
                return r.fail("bad varbind", r.valueEnd());
            }
            if (lift)
            {
                lift(index, oidOff, oidLen, r);
            }
            r.exit(inner);
            index++;
        }
        r.exit(outer);
        return true;
    }

    private void lift(final int index, final int oidOff, final int oidLen, final BerReader r)
    {
        if (upTimeIndex < 0 && r.tag() == TAG_TIMETICKS && OidText.contentEquals(buf, oidOff, oidLen, SYS_UPTIME_0)
            && BerReader.unsignedFits(buf, r.valueOffset(), r.valueLength(), 4))
        {
            upTimeIndex = index;
            upTime = BerReader.unsignedValue(buf, r.valueOffset(), r.valueLength(), 32);
        }
        else if (trapOidIndex < 0 && r.tag() == TAG_OID && OidText.contentEquals(buf, oidOff, oidLen, SNMP_TRAP_OID_0))
        {
            trapOidIndex = index;
            trapOidOffset = r.valueOffset();
            trapOidLength = r.valueLength();
        }
    }

    /**
     * @return true when the scanned list held {@code sysUpTime.0} (a TimeTicks value).
     */
    boolean hasUpTime()
    {
        return upTimeIndex >= 0;
    }

    /**
     * @return the lifted {@code sysUpTime.0} value.
     */
    long upTime()
    {
        return upTime;
    }

    /**
     * Writes {@code trapOid} (and {@code trapName} when the table names it) from the lifted {@code snmpTrapOID.0},
     * or {@code trapOid: null} when there was none.
     *
     * @param out where to write.
     */
    void writeTrapOid(final RecordWriter out)
    {
        if (trapOidIndex < 0)
        {
            out.name("trapOid");
            out.nullValue();
            return;
        }
        writeOidAndName(out, "trapOid", "trapName", buf, trapOidOffset, trapOidLength, true);
    }

    /**
     * Writes an OID as {@code key} and, when the table names it, its name as {@code nameKey}.
     *
     * @param out       where to write.
     * @param key       the OID's key.
     * @param nameKey   the name's key.
     * @param b         bytes.
     * @param off       first content byte.
     * @param len       content length (valid).
     * @param exactOnly whether the name must match the whole OID.
     */
    void writeOidAndName(final RecordWriter out, final String key, final String nameKey, final byte[] b, final int off,
        final int len, final boolean exactOnly)
    {
        text.setLength(0);
        OidText.append(text, b, off, len);
        out.name(key);
        out.stringValue(text);
        text.setLength(0);
        if (names.appendName(text, b, off, len, exactOnly))
        {
            out.name(nameKey);
            out.stringValue(text);
        }
    }

    /**
     * Writes the {@code varbinds} array of the scanned list, without the lifted bindings.
     *
     * @param out where to write.
     */
    void write(final RecordWriter out)
    {
        out.name("varbinds");
        out.startArray();
        int pos = listOffset;
        final int end = listOffset + listLength;
        int index = 0;
        while (pos < end)
        {
            pos = skipHeader(pos);
            final int oidOff = skipHeader(pos);
            final int oidLen = contentLength(pos);
            final int valueAt = oidOff + oidLen;
            final int tag = buf[valueAt] & 0xFF;
            final int valueOff = skipHeader(valueAt);
            final int valueLen = contentLength(valueAt);
            if (index != upTimeIndex && index != trapOidIndex)
            {
                out.startObject();
                writeOidAndName(out, "oid", "name", buf, oidOff, oidLen, false);
                SnmpValueWriter.write(out, text, tag, buf, valueOff, valueLen);
                out.endObject();
            }
            pos = valueOff + valueLen;
            index++;
        }
        out.endArray();
    }

    private int skipHeader(final int at)
    {
        final int l = buf[at + 1] & 0xFF;
        return at + 2 + (l > 0x80 ? l & 0x7F : 0);
    }

    private int contentLength(final int at)
    {
        final int l = buf[at + 1] & 0xFF;
        if (l < 0x80)
        {
            return l;
        }
        return (int)BerReader.unsigned(buf, at + 2, l & 0x7F);
    }
}
