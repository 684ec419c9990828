package io.nocraven.codec.snmp;

import org.snmp4j.asn1.BER;
import org.snmp4j.security.ByteArrayWindow;
import org.snmp4j.security.DecryptParams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes the Response to an accepted InformRequest with SNMP4J's BER encoder and USM protocol classes, offline
 * (no SNMP4J session or transport):
 * <ul>
 * <li>v2c: {@code SEQUENCE { version, community, Response-PDU { request-id, 0, 0, the inform's varbinds } }};</li>
 * <li>v3: the same PDU in a ScopedPDU with the inform's contextEngineID and contextName, encrypted with the user's
 *     privacy key when the inform was authPriv, wrapped in a message with the inform's msgID, msgMaxSize 65507, the
 *     inform's security level (not reportable), USM parameters (the authoritative engine is this receiver: the
 *     inform's engine ID) and finally the HMAC computed over the whole message (RFC 3414 §3.1).</li>
 * </ul>
 */
final class InformResponseEncoder
{
    /** msgMaxSize we announce: the largest UDP payload over IPv4. */
    static final int MAX_SIZE = 65507;

    private InformResponseEncoder()
    {
    }

    static byte[] encode(final SnmpInform in, final long engineBoots, final long engineTime)
    {
        return encode(in, SnmpMessageDescriptor.PDU_RESPONSE, engineBoots, engineTime);
    }

    /**
     * Encodes a message carrying a PDU of the given type with the inform's fields (tests use it to build informs
     * and traps with the same code path).
     */
    static byte[] encode(final SnmpInform in, final int pduTag, final long engineBoots, final long engineTime)
    {
        final byte[] pdu = tlv(pduTag,
            integer(in.requestId), integer(0), integer(0), in.varbinds);
        if (in.version != SnmpMessageDescriptor.VERSION_3)
        {
            return tlv(SnmpMessageDescriptor.TAG_SEQUENCE, integer(in.version), octets(in.community), pdu);
        }
        final UsmLocalizedUser user = in.user;
        byte[] msgData = tlv(SnmpMessageDescriptor.TAG_SEQUENCE, octets(in.contextEngineId), octets(in.contextName), pdu);
        byte[] privParams = new byte[0];
        if ((in.levelFlags & SnmpMessageDescriptor.FLAG_PRIV) != 0)
        {
            final DecryptParams dp = new DecryptParams();
            final byte[] encrypted = user.priv().encrypt(msgData, 0, msgData.length, user.privKey(), engineBoots,
                engineTime, dp);
            privParams = new byte[dp.length];
            System.arraycopy(dp.array, dp.offset, privParams, 0, dp.length);
            msgData = octets(encrypted);
        }
        final boolean auth = (in.levelFlags & SnmpMessageDescriptor.FLAG_AUTH) != 0;
        final int authLength = auth ? user.auth().getAuthenticationCodeLength() : 0;
        final byte[] engine = octets(user.engineId());
        final byte[] boots = integer(engineBoots);
        final byte[] time = integer(engineTime);
        final byte[] name = octets(user.userName());
        final byte[] usm = tlv(SnmpMessageDescriptor.TAG_SEQUENCE, engine, boots, time, name,
            octets(new byte[authLength]), octets(privParams));
        final byte[] securityParameters = octets(usm);
        final byte[] global = tlv(SnmpMessageDescriptor.TAG_SEQUENCE, integer(in.msgId), integer(MAX_SIZE),
            octets(new byte[] {(byte)in.levelFlags}), integer(SnmpMessageDescriptor.SECURITY_MODEL_USM));
        final byte[] version = integer(SnmpMessageDescriptor.VERSION_3);
        final byte[] message = tlv(SnmpMessageDescriptor.TAG_SEQUENCE, version, global, securityParameters, msgData);
        if (auth)
        {
            final int authOffset = headerLength(message, 0) + version.length + global.length
                + headerLength(securityParameters, 0) + headerLength(usm, 0) + engine.length + boots.length
                + time.length + name.length + 2;
            user.auth().authenticate(user.authKey(), message, 0, message.length,
                new ByteArrayWindow(message, authOffset, authLength));
        }
        return message;
    }

    private static int headerLength(final byte[] tlv, final int at)
    {
        final int l = tlv[at + 1] & 0xFF;
        return 2 + (l > 0x80 ? l & 0x7F : 0);
    }

    private static byte[] integer(final long value)
    {
        final ByteArrayOutputStream os = new ByteArrayOutputStream(8);
        try
        {
            BER.encodeInteger(os, BER.INTEGER, (int)value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return os.toByteArray();
    }

    private static byte[] octets(final byte[] value)
    {
        final ByteArrayOutputStream os = new ByteArrayOutputStream(value.length + 4);
        try
        {
            BER.encodeString(os, BER.OCTETSTRING, value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return os.toByteArray();
    }

    private static byte[] tlv(final int tag, final byte[]... parts)
    {
        int length = 0;
        for (final byte[] p : parts)
        {
            length += p.length;
        }
        final ByteArrayOutputStream os = new ByteArrayOutputStream(length + 6);
        try
        {
            BER.encodeHeader(os, tag, length);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        for (final byte[] p : parts)
        {
            os.write(p, 0, p.length);
        }
        return os.toByteArray();
    }
}
