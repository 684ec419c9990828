package io.nocraven.codec.snmp;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The factory the CLI and the appliance use. */
class SnmpDecodersTest
{
    @Test
    void shouldCreateTheTrapDecoderForSnmp()
    {
        final DatagramDecoder d = Decoders.create(ProtocolFamily.SNMP,
            CodecOptions.builder().snmpUsers(SnmpTestSupport.fixtureUsers()).build());
        assertInstanceOf(SnmpTrapDecoder.class, d);
        final PcapUdp.Datagram trap = PcapUdp.read(SnmpTestSupport.FIXTURES + "snmp_v3_traps_authpriv.pcap").get(0);
        assertEquals("userSHAAES", SnmpTestSupport.decode((SnmpTrapDecoder)d, trap.payload()).single().get("user")
            .asText());
    }

    @Test
    void shouldRefuseAnInvalidConfiguredUserNamingIt()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Decoders.create(
            ProtocolFamily.SNMP, CodecOptions.builder().snmpUsers(List.of(
                new SnmpUser("bob", "zz", "SHA", "authpass-bob", "none", null, null))).build()));
        assertTrue(ex.getMessage().contains("'bob'") && ex.getMessage().contains("engineId 'zz'"), ex.getMessage());
    }
}
