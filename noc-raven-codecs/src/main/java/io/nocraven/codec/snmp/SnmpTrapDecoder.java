package io.nocraven.codec.snmp;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeCounters;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.InvalidRecords;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import static io.nocraven.codec.snmp.SnmpMessageDescriptor.PDU_INFORM;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.PDU_TRAP_V1;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_OCTET_STRING;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_SEQUENCE;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.VERSION_1;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.VERSION_2C;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.VERSION_3;

/**
 * Decodes SNMP notifications (v1 Trap-PDU, v2c/v3 SNMPv2-Trap and InformRequest) into {@code snmp-trap} records
 * (see {@code docs/record-schema.md}, section SNMP). v3 messages go through USM with the users of
 * {@link CodecOptions#snmpUsers()} ({@link UsmUserTable}, {@link UsmVerifier}). Communities are not checked.
 * Anything else, including get/response/report PDUs ({@code not a notification}), comes out as an
 * {@code invalid} record with a stable reason. Pure and single-threaded; v1/v2c decoding allocates nothing.
 * <p>
 * After a datagram that was an accepted InformRequest, {@link #lastInform()} returns what is needed to send the
 * Response.
 */
public final class SnmpTrapDecoder implements DatagramDecoder
{
    static final String NOT_A_NOTIFICATION = "not a notification";

    private final DecodeCounters counters = new DecodeCounters();
    private final BerReader reader = new BerReader();
    private final BerReader plainReader = new BerReader();
    private final NotificationPdu pdu = new NotificationPdu();
    private final V3MessageFlyweight v3 = new V3MessageFlyweight();
    private final VarbindListWriter varbinds;
    private final UsmUserTable users;
    private final UsmVerifier verifier = new UsmVerifier();
    private final V1TrapOid v1TrapOid = new V1TrapOid();
    private final MessageSecurity security = new MessageSecurity();
    private int errorAt;
    private SnmpInform lastInform;

    /**
     * @param options the shared options (SNMPv3 users).
     */
    public SnmpTrapDecoder(final CodecOptions options)
    {
        this(options, OidNameTable.standard());
    }

    /**
     * @param options the shared options (SNMPv3 users).
     * @param names   names added to trap OIDs and varbinds ({@link OidNameTable#empty()} for none).
     * @throws IllegalArgumentException when a configured user is invalid (naming it, the key and the value).
     */
    public SnmpTrapDecoder(final CodecOptions options, final OidNameTable names)
    {
        this.varbinds = new VarbindListWriter(names);
        this.users = new UsmUserTable(options.snmpUsers());
    }

    @Override
    public DecodeStatus decode(
        final RecordContext context, final byte[] buf, final int offset, final int length, final RecordWriter out)
    {
        counters.onInput();
        lastInform = null;
        final BerReader r = reader;
        r.wrap(buf, offset, length);
        if (!r.expect(TAG_SEQUENCE, "message"))
        {
            return invalid(out, null, context, r.error(), r.errorOffset() - offset, buf, offset, length);
        }
        final int messageEnd = r.valueEnd();
        r.enter();
        final long version = r.readInteger("version");
        if (r.failed())
        {
            return invalid(out, null, context, r.error(), r.errorOffset() - offset, buf, offset, length);
        }
        final Protocol protocol = version == VERSION_1 ? Protocol.SNMP_V1 : version == VERSION_2C ? Protocol.SNMP_V2C
            : version == VERSION_3 ? Protocol.SNMP_V3 : null;
        if (protocol == null)
        {
            return invalid(out, null, context, "unsupported version", offset, buf, offset, length);
        }
        final String failure = version == VERSION_3 ? decodeV3(offset, messageEnd) : decodeCommunity((int)version);
        if (failure != null)
        {
            return invalid(out, protocol, context, failure, errorAt - offset, buf, offset, length);
        }
        writeRecord(out, protocol, context, (int)version, offset + length - messageEnd);
        counters.onRecord();
        return DecodeStatus.OK;
    }

    private String decodeCommunity(final int version)
    {
        final BerReader r = reader;
        if (!r.expect(TAG_OCTET_STRING, "community"))
        {
            return readerFailure(r);
        }
        security.setCommunity(r, r.valueOffset(), r.valueLength());
        r.skipValue();
        return readPdu(r, version);
    }

    private String decodeV3(final int messageStart, final int messageEnd)
    {
        final BerReader r = reader;
        if (!v3.parse(r))
        {
            return readerFailure(r);
        }
        final String failure = security.read(r, plainReader, v3, users, verifier, messageStart, messageEnd);
        if (failure != null)
        {
            errorAt = security.errorAt;
            return failure;
        }
        return readPdu(security.pduReader(), VERSION_3);
    }

    private String readPdu(final BerReader r, final int version)
    {
        final int pduAt = r.position();
        if (!r.readHeader("PDU"))
        {
            return readerFailure(r);
        }
        final int tag = r.tag();
        if (!SnmpMessageDescriptor.isPdu(tag))
        {
            return atOffset("unknown PDU type", pduAt, r);
        }
        if (!SnmpMessageDescriptor.isNotification(tag))
        {
            return atOffset(NOT_A_NOTIFICATION, pduAt, r);
        }
        if ((tag == PDU_TRAP_V1) != (version == VERSION_1))
        {
            return atOffset("PDU type not allowed in this version", pduAt, r);
        }
        if (!pdu.parse(r, varbinds))
        {
            return readerFailure(r);
        }
        if (r.position() != r.limit())
        {
            return atOffset(version == VERSION_3 ? "bad scopedPDU" : "bad message", r.position(), r);
        }
        return null;
    }

    private String readerFailure(final BerReader r)
    {
        return atOffset(r.error(), r.errorOffset(), r);
    }

    private String atOffset(final String reason, final int at, final BerReader r)
    {
        // inside a decrypted ScopedPDU the offset is that of msgData (the encryptedPDU) in the datagram
        errorAt = r == reader ? at : security.dataOffset;
        return reason;
    }

    private void writeRecord(final RecordWriter out, final Protocol protocol, final RecordContext context,
        final int version, final int trailing)
    {
        out.beginRecord(RecordKind.SNMP_TRAP, protocol, context);
        out.field("pdu", pdu.tag == PDU_TRAP_V1 ? "trapV1" : pdu.tag == PDU_INFORM ? "inform" : "trap");
        final byte[] b = reader.buffer();
        if (version == VERSION_3)
        {
            security.writeSecurity(out, b, v3);
        }
        else
        {
            out.name("community");
            SnmpValueWriter.writeOctets(out, b, security.communityOffset, security.communityLength);
        }
        if (pdu.tag == PDU_TRAP_V1)
        {
            v1TrapOid.write(out, pdu, b, varbinds);
        }
        else
        {
            out.field("requestId", pdu.requestId);
            out.name("sysUpTime");
            if (varbinds.hasUpTime())
            {
                out.longValue(varbinds.upTime());
            }
            else
            {
                out.nullValue();
            }
            varbinds.writeTrapOid(out);
        }
        varbinds.write(out);
        if (trailing > 0)
        {
            out.field("trailingBytes", trailing);
        }
        out.endRecord();
        if (pdu.tag == PDU_INFORM)
        {
            lastInform = security.inform(version, b, pdu, v3);
        }
    }

    private DecodeStatus invalid(final RecordWriter out, final Protocol protocol, final RecordContext context,
        final String reason, final int errorAt, final byte[] buf, final int offset, final int length)
    {
        counters.onInvalid(reason);
        InvalidRecords.write(out, protocol, context, reason, Math.max(0, errorAt), buf, offset, length);
        return DecodeStatus.INVALID;
    }

    /**
     * @return the inform accepted by the last {@link #decode} call, or null when it was not an accepted inform.
     */
    public SnmpInform lastInform()
    {
        return lastInform;
    }

    /**
     * @return how many users' keys are cached (localized for an engine ID).
     */
    public int cachedUserKeys()
    {
        return users.cachedCount();
    }

    @Override
    public DecodeCounters counters()
    {
        return counters;
    }
}
