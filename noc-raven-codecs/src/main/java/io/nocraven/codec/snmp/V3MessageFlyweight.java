package io.nocraven.codec.snmp;

import static io.nocraven.codec.snmp.SnmpMessageDescriptor.FLAG_AUTH;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.FLAG_PRIV;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.SECURITY_MODEL_USM;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_OCTET_STRING;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_SEQUENCE;

/**
 * The SNMPv3 header and USM security parameters of one message (see {@link SnmpMessageDescriptor}), parsed in place:
 * offsets into the datagram, no copies. Reused per datagram.
 */
final class V3MessageFlyweight
{
    /** RFC 3414: engine IDs are 5..32 octets (we accept 1..32), user names 0..32. */
    static final int MAX_ENGINE_ID = 32;
    static final int MAX_USER_NAME = 32;

    long msgId;
    long maxSize;
    int flags;
    int engineIdOffset;
    int engineIdLength;
    long engineBoots;
    long engineTime;
    int userOffset;
    int userLength;
    int authParamsOffset;
    int authParamsLength;
    int privParamsOffset;
    int privParamsLength;

    /**
     * Parses msgGlobalData and msgSecurityParameters; leaves the reader at msgData.
     *
     * @param r the reader, after msgVersion.
     * @return false with the reader's error set when malformed or not USM.
     */
    boolean parse(final BerReader r)
    {
        final int globalAt = r.position();
        if (!r.expect(TAG_SEQUENCE, "msgGlobalData"))
        {
            return false;
        }
        int outer = r.enter();
        msgId = r.readInteger("msgID");
        maxSize = r.readInteger("msgMaxSize");
        if (r.failed())
        {
            return false;
        }
        final int flagsAt = r.position();
        if (!r.expect(TAG_OCTET_STRING, "msgFlags") || r.valueLength() != 1)
        {
            return r.fail("bad msgFlags", flagsAt);
        }
        flags = r.buffer()[r.valueOffset()] & 0xFF;
        r.skipValue();
        final long model = r.readInteger("msgSecurityModel");
        if (r.failed())
        {
            return false;
        }
        r.exit(outer);
        if ((flags & (FLAG_AUTH | FLAG_PRIV)) == FLAG_PRIV)
        {
            return r.fail("bad msgFlags", flagsAt);
        }
        if (model != SECURITY_MODEL_USM)
        {
            return r.fail("unsupported security model", globalAt);
        }
        if (!r.expect(TAG_OCTET_STRING, "msgSecurityParameters"))
        {
            return false;
        }
        outer = r.enter();
        if (!r.expect(TAG_SEQUENCE, "msgSecurityParameters"))
        {
            return false;
        }
        final int inner = r.enter();
        if (!octets("msgAuthoritativeEngineID", r, MAX_ENGINE_ID))
        {
            return false;
        }
        engineIdOffset = r.valueOffset();
        engineIdLength = r.valueLength();
        r.skipValue();
        engineBoots = r.readInteger("msgAuthoritativeEngineBoots");
        engineTime = r.readInteger("msgAuthoritativeEngineTime");
        if (r.failed() || !octets("msgUserName", r, MAX_USER_NAME))
        {
            return false;
        }
        userOffset = r.valueOffset();
        userLength = r.valueLength();
        r.skipValue();
        if (!octets("msgAuthenticationParameters", r, 64))
        {
            return false;
        }
        authParamsOffset = r.valueOffset();
        authParamsLength = r.valueLength();
        r.skipValue();
        if (!octets("msgPrivacyParameters", r, 64))
        {
            return false;
        }
        privParamsOffset = r.valueOffset();
        privParamsLength = r.valueLength();
        r.skipValue();
        if (r.position() != r.limit())
        {
            return r.fail("bad msgSecurityParameters", r.position());
        }
        r.exit(inner);
        r.exit(outer);
        return true;
    }

    private static boolean octets(final String what, final BerReader r, final int max)
    {
        final int at = r.position();
        if (!r.expect(TAG_OCTET_STRING, what))
        {
            return false;
        }
        return r.valueLength() <= max || r.fail("bad " + what, at);
    }

    /**
     * @return 0 noAuthNoPriv, 1 authNoPriv, 3 authPriv.
     */
    int levelFlags()
    {
        return flags & (FLAG_AUTH | FLAG_PRIV);
    }

    /**
     * @param levelFlags 0, 1 or 3.
     * @return {@code noAuthNoPriv}, {@code authNoPriv} or {@code authPriv}.
     */
    static String levelName(final int levelFlags)
    {
        return levelFlags == 0 ? "noAuthNoPriv" : levelFlags == 1 ? "authNoPriv" : "authPriv";
    }
}
