package io.nocraven.codec.snmp;

import static io.nocraven.codec.snmp.SnmpMessageDescriptor.PDU_TRAP_V1;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_IP_ADDRESS;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_OID;
import static io.nocraven.codec.snmp.SnmpMessageDescriptor.TAG_TIMETICKS;

/**
 * The fields of one notification PDU (v1 Trap-PDU, SNMPv2-Trap or InformRequest), parsed and checked in place;
 * the variable-bindings go to the {@link VarbindListWriter}. Reused per datagram.
 */
final class NotificationPdu
{
    int tag;
    long requestId;
    int enterpriseOffset;
    int enterpriseLength;
    int agentAddress;
    long genericTrap;
    long specificTrap;
    long timeStamp;
    int varbindsOffset;
    int varbindsLength;

    /**
     * Parses the PDU whose header the reader has just read (a notification tag).
     *
     * @param r        the reader, positioned at the PDU's contents.
     * @param varbinds scans the variable-bindings.
     * @return false with the reader's error set when malformed.
     */
    boolean parse(final BerReader r, final VarbindListWriter varbinds)
    {
        tag = r.tag();
        final int outer = r.enter();
        if (tag == PDU_TRAP_V1)
        {
            if (!parseV1Header(r))
            {
                return false;
            }
        }
        else
        {
            requestId = r.readInteger("request-id");
            r.readInteger("error-status");
            r.readInteger("error-index");
            if (r.failed())
            {
                return false;
            }
        }
        varbindsOffset = r.position();
        if (!varbinds.scan(r, tag != PDU_TRAP_V1))
        {
            return false;
        }
        varbindsLength = r.position() - varbindsOffset;
        if (r.position() != r.limit())
        {
            return r.fail("bad PDU", r.position());
        }
        r.exit(outer);
        return true;
    }

    private boolean parseV1Header(final BerReader r)
    {
        final byte[] b = r.buffer();
        final int enterpriseAt = r.position();
        if (!r.expect(TAG_OID, "enterprise"))
        {
            return false;
        }
        enterpriseOffset = r.valueOffset();
        enterpriseLength = r.valueLength();
        if (!OidText.isValid(b, enterpriseOffset, enterpriseLength))
        {
            return r.fail("bad enterprise", enterpriseAt);
        }
        r.skipValue();
        final int agentAt = r.position();
        if (!r.expect(TAG_IP_ADDRESS, "agent-addr"))
        {
            return false;
        }
        if (r.valueLength() != 4)
        {
            return r.fail("bad agent-addr", agentAt);
        }
        agentAddress = (int)BerReader.unsigned(b, r.valueOffset(), 4);
        r.skipValue();
        genericTrap = r.readInteger("generic-trap");
        final int specificAt = r.position();
        specificTrap = r.readInteger("specific-trap");
        if (r.failed())
        {
            return false;
        }
        if (genericTrap < 0 || genericTrap > 6)
        {
            return r.fail("bad generic-trap", specificAt);
        }
        if (specificTrap < 0 || specificTrap > 0xFFFF_FFFFL)
        {
            return r.fail("bad specific-trap", specificAt);
        }
        final int timeAt = r.position();
        if (!r.expect(TAG_TIMETICKS, "time-stamp"))
        {
            return false;
        }
        if (!BerReader.unsignedFits(b, r.valueOffset(), r.valueLength(), 4))
        {
            return r.fail("bad time-stamp", timeAt);
        }
        timeStamp = BerReader.unsignedValue(b, r.valueOffset(), r.valueLength(), 32);
        r.skipValue();
        return true;
    }
}
