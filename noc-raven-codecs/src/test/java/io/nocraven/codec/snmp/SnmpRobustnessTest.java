package io.nocraven.codec.snmp;

import io.nocraven.codec.DecodeStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.nocraven.codec.snmp.SnmpTestSupport.FIXTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix and every single-bit flip of every captured datagram: the decoder never throws, writes exactly one
 * record per datagram (an {@code invalid} one for every proper prefix) and counts it.
 */
class SnmpRobustnessTest
{
    @ParameterizedTest
    @ValueSource(strings = {"snmp_v1_traps", "snmp_v2c_traps", "snmp_v2c_informs", "snmp_v3_traps_authpriv",
        "snmp_v3_traps_noauth_authnopriv", "snmp_rejected"})
    void shouldRejectEveryProperPrefixCleanly(final String capture)
    {
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(SnmpTestSupport.fixtureUsers());
        for (final PcapUdp.Datagram d : PcapUdp.read(FIXTURES + capture + ".pcap"))
        {
            final byte[] p = d.payload();
            for (int len = 0; len < p.length; len++)
            {
                final byte[] prefix = java.util.Arrays.copyOf(p, len);
                final SnmpTestSupport.Result r = SnmpTestSupport.decode(decoder, prefix);
                assertEquals(DecodeStatus.INVALID, r.status(), capture + " frame " + d.frame() + " prefix " + len);
                assertEquals(len, r.single().get("length").asInt());
                final int offset = r.single().get("offset").asInt();
                assertTrue(offset >= 0 && offset <= len, "offset " + offset + " of " + len);
            }
        }
        assertEquals(decoder.counters().inputs(), decoder.counters().invalid() + decoder.counters().records());
    }

    @ParameterizedTest
    @ValueSource(strings = {"snmp_v1_traps", "snmp_v2c_traps", "snmp_v2c_informs", "snmp_v3_traps_authpriv",
        "snmp_v3_traps_noauth_authnopriv", "snmp_rejected"})
    void shouldSurviveEveryBitFlip(final String capture)
    {
        final List<SnmpUser> users = SnmpTestSupport.fixtureUsers();
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(users);
        for (final PcapUdp.Datagram d : PcapUdp.read(FIXTURES + capture + ".pcap"))
        {
            final byte[] p = d.payload().clone();
            for (int bit = 0; bit < p.length * 8; bit++)
            {
                p[bit >> 3] ^= (byte)(1 << (bit & 7));
                final SnmpTestSupport.Result r = SnmpTestSupport.decode(decoder, p);
                assertEquals(1, r.records().size(), capture + " frame " + d.frame() + " bit " + bit);
                p[bit >> 3] ^= (byte)(1 << (bit & 7));
            }
        }
        assertEquals(decoder.counters().inputs(), decoder.counters().invalid() + decoder.counters().records());
    }
}
