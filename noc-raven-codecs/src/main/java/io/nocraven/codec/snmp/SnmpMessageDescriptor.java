package io.nocraven.codec.snmp;

/**
 * Layout of the SNMP messages the trap decoder reads (BER, so there are no fixed offsets: these are the tags and
 * well-known values, in the order they appear on the wire).
 * <pre>
 * v1 / v2c (RFC 1157, RFC 1901):                 v3 (RFC 3412, RFC 3414):
 * SEQUENCE {                                     SEQUENCE {
 *   version   INTEGER (0 = v1, 1 = v2c)            msgVersion INTEGER (3)
 *   community OCTET STRING                         msgGlobalData SEQUENCE {
 *   PDU                                              msgID INTEGER, msgMaxSize INTEGER,
 * }                                                  msgFlags OCTET STRING (1: auth 0x01 priv 0x02 reportable 0x04),
 *                                                    msgSecurityModel INTEGER (3 = USM) }
 * Trap-PDU [4] (v1 only) {                         msgSecurityParameters OCTET STRING containing SEQUENCE {
 *   enterprise    OBJECT IDENTIFIER                  msgAuthoritativeEngineID OCTET STRING,
 *   agent-addr    IpAddress                          msgAuthoritativeEngineBoots INTEGER,
 *   generic-trap  INTEGER (0..6)                     msgAuthoritativeEngineTime INTEGER,
 *   specific-trap INTEGER                            msgUserName OCTET STRING,
 *   time-stamp    TimeTicks                          msgAuthenticationParameters OCTET STRING (HMAC, zeroed to sign),
 *   variable-bindings                                msgPrivacyParameters OCTET STRING (salt) }
 * }                                                msgData: ScopedPDU SEQUENCE { contextEngineID OCTET STRING,
 * other PDUs [0..3,5..8] {                                  contextName OCTET STRING, PDU }
 *   request-id INTEGER, error-status INTEGER,                 or OCTET STRING (the encrypted ScopedPDU)
 *   error-index INTEGER, variable-bindings          }
 * }
 * variable-bindings: SEQUENCE OF SEQUENCE { name OBJECT IDENTIFIER, value }
 * </pre>
 */
final class SnmpMessageDescriptor
{
    static final int TAG_INTEGER = 0x02;
    static final int TAG_OCTET_STRING = 0x04;
    static final int TAG_NULL = 0x05;
    static final int TAG_OID = 0x06;
    static final int TAG_SEQUENCE = 0x30;
    static final int TAG_IP_ADDRESS = 0x40;
    static final int TAG_COUNTER32 = 0x41;
    static final int TAG_GAUGE32 = 0x42;
    static final int TAG_TIMETICKS = 0x43;
    static final int TAG_OPAQUE = 0x44;
    static final int TAG_NSAP_ADDRESS = 0x45;
    static final int TAG_COUNTER64 = 0x46;
    static final int TAG_UINTEGER32 = 0x47;
    static final int TAG_NO_SUCH_OBJECT = 0x80;
    static final int TAG_NO_SUCH_INSTANCE = 0x81;
    static final int TAG_END_OF_MIB_VIEW = 0x82;

    static final int PDU_GET = 0xA0;
    static final int PDU_GET_NEXT = 0xA1;
    static final int PDU_RESPONSE = 0xA2;
    static final int PDU_SET = 0xA3;
    static final int PDU_TRAP_V1 = 0xA4;
    static final int PDU_GET_BULK = 0xA5;
    static final int PDU_INFORM = 0xA6;
    static final int PDU_TRAP_V2 = 0xA7;
    static final int PDU_REPORT = 0xA8;

    static final int VERSION_1 = 0;
    static final int VERSION_2C = 1;
    static final int VERSION_3 = 3;

    static final int SECURITY_MODEL_USM = 3;
    static final int FLAG_AUTH = 0x01;
    static final int FLAG_PRIV = 0x02;
    static final int FLAG_REPORTABLE = 0x04;

    /** net-snmp's Opaque-wrapped types: 0x9f then one of these, then a length. */
    static final int OPAQUE_TAG1 = 0x9F;
    static final int OPAQUE_COUNTER64 = 0x76;
    static final int OPAQUE_FLOAT = 0x78;
    static final int OPAQUE_DOUBLE = 0x79;
    static final int OPAQUE_INT64 = 0x7A;
    static final int OPAQUE_UINT64 = 0x7B;

    /** BER content of sysUpTime.0 (1.3.6.1.2.1.1.3.0). */
    static final byte[] SYS_UPTIME_0 = {0x2b, 6, 1, 2, 1, 1, 3, 0};
    /** BER content of snmpTrapOID.0 (1.3.6.1.6.3.1.1.4.1.0). */
    static final byte[] SNMP_TRAP_OID_0 = {0x2b, 6, 1, 6, 3, 1, 1, 4, 1, 0};

    private SnmpMessageDescriptor()
    {
    }

    /**
     * @param tag a PDU tag.
     * @return true for the PDUs a trap receiver takes (v1 Trap, SNMPv2-Trap, InformRequest).
     */
    static boolean isNotification(final int tag)
    {
        return tag == PDU_TRAP_V1 || tag == PDU_TRAP_V2 || tag == PDU_INFORM;
    }

    /**
     * @param tag a tag.
     * @return true for the known PDU tags.
     */
    static boolean isPdu(final int tag)
    {
        return tag >= PDU_GET && tag <= PDU_REPORT;
    }
}
