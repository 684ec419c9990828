package io.nocraven.codec.snmp;

import io.nocraven.core.record.RecordWriter;

/**
 * Writes the v1 Trap-PDU fields ({@code enterprise}, {@code agentAddress}, {@code genericTrap},
 * {@code specificTrap}, {@code sysUpTime} from time-stamp) and the RFC 3584 §3.1 translation to an SNMPv2
 * {@code trapOid}: generic traps 0..5 become {@code 1.3.6.1.6.3.1.1.5.(generic + 1)} (coldStart ..
 * egpNeighborLoss); enterpriseSpecific (6) becomes {@code enterprise.0.specific}. The RFC 3584 extra varbinds
 * (snmpTrapAddress.0, snmpTrapCommunity.0, snmpTrapEnterprise.0) are NOT appended: the same values are already in
 * {@code agentAddress}, {@code community} and {@code enterprise}, and {@code varbinds} stays what was on the wire.
 */
final class V1TrapOid
{
    private static final byte[] SNMP_TRAPS = {0x2b, 6, 1, 6, 3, 1, 1, 5};

    private byte[] scratch = new byte[64];

    void write(final RecordWriter out, final NotificationPdu pdu, final byte[] b, final VarbindListWriter varbinds)
    {
        varbinds.writeOidAndName(out, "enterprise", "enterpriseName", b, pdu.enterpriseOffset, pdu.enterpriseLength,
            true);
        out.name("agentAddress");
        out.ipv4Value(pdu.agentAddress);
        out.field("genericTrap", pdu.genericTrap);
        out.field("specificTrap", pdu.specificTrap);
        out.field("sysUpTime", pdu.timeStamp);
        final int length;
        if (pdu.genericTrap < 6)
        {
            System.arraycopy(SNMP_TRAPS, 0, scratch, 0, SNMP_TRAPS.length);
            scratch[SNMP_TRAPS.length] = (byte)(pdu.genericTrap + 1);
            length = SNMP_TRAPS.length + 1;
        }
        else
        {
            final int need = pdu.enterpriseLength + 6;
            if (scratch.length < need)
            {
                scratch = new byte[need];
            }
            System.arraycopy(b, pdu.enterpriseOffset, scratch, 0, pdu.enterpriseLength);
            int at = pdu.enterpriseLength;
            scratch[at++] = 0;
            at = appendSubid(scratch, at, pdu.specificTrap);
            length = at;
        }
        varbinds.writeOidAndName(out, "trapOid", "trapName", scratch, 0, length, true);
    }

    private static int appendSubid(final byte[] dst, final int at, final long value)
    {
        int groups = 1;
        while (groups < 5 && (value >>> (7 * groups)) != 0)
        {
            groups++;
        }
        int p = at;
        for (int g = groups - 1; g >= 0; g--)
        {
            final int bits = (int)((value >>> (7 * g)) & 0x7F);
            dst[p++] = (byte)(g == 0 ? bits : bits | 0x80);
        }
        return p;
    }
}
