package io.nocraven.codec.snmp;

import io.nocraven.core.record.RecordWriter;

import java.util.Arrays;

import static io.nocraven.codec.snmp.SnmpMessageDescriptor.FLAG_AUTH;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.FLAG_PRIV;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_OCTET_STRING;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_SEQUENCE;

/**
 * The security context of one message: the community (v1/v2c), or for v3 the USM processing of msgData (user
 * lookup, security level, HMAC, decryption, RFC 3414 §3.2) and the ScopedPDU header (contextEngineID,
 * contextName). Leaves the PDU to read in {@link #pduReader()}. Reused per datagram.
 */
final class MessageSecurity
{
    static final String UNSUPPORTED_SECURITY_LEVEL = "unsupported security level";

    int communityOffset;
    int communityLength;
    int dataOffset;
    int errorAt;
    private byte[] contextBuf;
    private int contextEngineOffset;
    private int contextEngineLength;
    private int contextNameOffset;
    private int contextNameLength;
    private UsmLocalizedUser user;
    private BerReader pduReader;

    void setCommunity(final BerReader r, final int offset, final int length)
    {
        communityOffset = offset;
        communityLength = length;
        pduReader = r;
    }

    /**
     * Processes v3 msgData.
     *
     * @return null when the PDU can be read from {@link #pduReader()}, else the reason ({@link #errorAt} set).
     */
    String read(final BerReader r, final BerReader plain, final V3MessageFlyweight v3, final UsmUserTable users,
        final UsmVerifier verifier, final int messageStart, final int messageEnd)
    {
        pduReader = r;
        user = null;
        dataOffset = r.position();
        final byte[] b = r.buffer();
        if (!r.readHeader("msgData"))
        {
            return fail(r.error(), r.errorOffset());
        }
        final int level = v3.levelFlags();
        final boolean encrypted = r.tag() == TAG_OCTET_STRING;
        if ((r.tag() != TAG_SEQUENCE && !encrypted) || encrypted != ((level & FLAG_PRIV) != 0))
        {
            return fail("bad msgData", dataOffset);
        }
        if (r.valueEnd() != messageEnd)
        {
            return fail("bad message", r.valueEnd());
        }
        if (!encrypted)
        {
            r.position(dataOffset);
            if (!readScopedHeader(r))
            {
                return fail(r.error(), r.errorOffset());
            }
            final int next = r.position() < r.limit() ? b[r.position()] & 0xFF : -1;
            if (SnmpMessageDescriptor.isPdu(next) && !SnmpMessageDescriptor.isNotification(next))
            {
                return fail(SnmpTrapDecoder.NOT_A_NOTIFICATION, r.position());
            }
        }
        user = users.find(b, v3.userOffset, v3.userLength, v3.engineIdOffset, v3.engineIdLength);
        if (user == null)
        {
            return fail(users.failure(), dataOffset);
        }
        if (level > user.maxLevelFlags())
        {
            return fail(UNSUPPORTED_SECURITY_LEVEL, dataOffset);
        }
        if ((level & FLAG_AUTH) != 0
            && !verifier.isAuthentic(user, v3, b, messageStart, messageEnd - messageStart))
        {
            return fail(UsmVerifier.AUTHENTICATION_FAILED, v3.authParamsOffset);
        }
        if (!encrypted)
        {
            return null;
        }
        final byte[] text = verifier.decrypt(user, v3, b, r.valueOffset(), r.valueLength());
        if (text == null)
        {
            return fail(UsmVerifier.DECRYPTION_FAILED, dataOffset);
        }
        plain.wrap(text, 0, text.length);
        pduReader = plain;
        if (!readScopedHeader(plain))
        {
            return fail(UsmVerifier.DECRYPTION_FAILED, dataOffset);
        }
        return null;
    }

    private boolean readScopedHeader(final BerReader r)
    {
        if (!r.expect(TAG_SEQUENCE, "scopedPDU"))
        {
            return false;
        }
        r.enter();
        contextBuf = r.buffer();
        if (!r.expect(TAG_OCTET_STRING, "contextEngineID"))
        {
            return false;
        }
        contextEngineOffset = r.valueOffset();
        contextEngineLength = r.valueLength();
        r.skipValue();
        if (!r.expect(TAG_OCTET_STRING, "contextName"))
        {
            return false;
        }
        contextNameOffset = r.valueOffset();
        contextNameLength = r.valueLength();
        r.skipValue();
        return true;
    }

    private String fail(final String reason, final int at)
    {
        errorAt = at;
        return reason;
    }

    BerReader pduReader()
    {
        return pduReader;
    }

    /**
     * Writes {@code user}, {@code engineId}, {@code securityLevel}, {@code contextEngineId}, {@code contextName}.
     */
    void writeSecurity(final RecordWriter out, final byte[] b, final V3MessageFlyweight v3)
    {
        out.name("user");
        SnmpValueWriter.writeOctets(out, b, v3.userOffset, v3.userLength);
        out.name("engineId");
        out.hexValue(b, v3.engineIdOffset, v3.engineIdLength);
        out.field("securityLevel", V3MessageFlyweight.levelName(v3.levelFlags()));
        out.name("contextEngineId");
        out.hexValue(contextBuf, contextEngineOffset, contextEngineLength);
        out.name("contextName");
        SnmpValueWriter.writeOctets(out, contextBuf, contextNameOffset, contextNameLength);
    }

    /**
     * @return the details of the inform just decoded, for its Response (copies the bytes it needs).
     */
    SnmpInform inform(final int version, final byte[] b, final NotificationPdu pdu, final V3MessageFlyweight v3)
    {
        final byte[] vbs = Arrays.copyOfRange(pduReader.buffer(), pdu.varbindsOffset,
            pdu.varbindsOffset + pdu.varbindsLength);
        if (version != SnmpMessageDescriptor.VERSION_3)
        {
            return new SnmpInform(version, Arrays.copyOfRange(b, communityOffset, communityOffset + communityLength),
                pdu.requestId, vbs, 0, 0, 0, 0, null, null, null);
        }
        return new SnmpInform(version, null, pdu.requestId, vbs, v3.msgId, v3.levelFlags(), v3.engineBoots,
            v3.engineTime,
            Arrays.copyOfRange(contextBuf, contextEngineOffset, contextEngineOffset + contextEngineLength),
            Arrays.copyOfRange(contextBuf, contextNameOffset, contextNameOffset + contextNameLength), user);
    }
}
