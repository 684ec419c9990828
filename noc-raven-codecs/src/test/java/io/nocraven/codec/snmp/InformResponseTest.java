package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.DecodeStatus;
import org.junit.jupiter.api.Test;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.ByteArrayWindow;
import org.snmp4j.security.DecryptParams;
import org.snmp4j.security.UsmSecurityParameters;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.nocraven.codec.snmp.SnmpTestSupport.FIXTURES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Responses to informs: v2c byte-identical to snmptrapd's, v3 authenticated and encrypted for the same user. */
class InformResponseTest
{
    static final String ENGINE = "80001f8880aabbccdd11223344";

    @Test
    void shouldAnswerV2cInformsExactlyLikeSnmptrapd()
    {
        final List<PcapUdp.Datagram> d = PcapUdp.read(FIXTURES + "snmp_v2c_informs.pcap");
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(List.of());
        for (int i = 0; i < d.size(); i += 2)
        {
            assertEquals(DecodeStatus.OK, SnmpTestSupport.decode(decoder, d.get(i).payload()).status());
            final SnmpInform inform = decoder.lastInform();
            assertNotNull(inform);
            assertEquals(1, inform.version());
            assertArrayEquals(d.get(i + 1).payload(), inform.encodeResponse(), "frame " + d.get(i + 1).frame());
            SnmpTestSupport.decode(decoder, d.get(i + 1).payload());
            assertNull(decoder.lastInform());
        }
    }

    @Test
    void shouldNotOfferAnInformForATrap()
    {
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(List.of());
        SnmpTestSupport.decode(decoder, PcapUdp.read(FIXTURES + "snmp_v2c_traps.pcap").get(0).payload());
        assertNull(decoder.lastInform());
    }

    @Test
    void shouldAnswerAV3AuthPrivInformWithTheSameUser() throws IOException
    {
        final SnmpUser user = new SnmpUser("informUser", ENGINE, "SHA", "inform-auth-pass", "AES", "inform-priv-pass",
            null);
        roundTrip(user, 3);
    }

    @Test
    void shouldAnswerV3InformsForEveryAuthAndPrivProtocol() throws IOException
    {
        for (final String auth : List.of("MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"))
        {
            roundTrip(new SnmpUser("u", ENGINE, auth, "authpass-" + auth, "none", null, null), 1);
            for (final String priv : List.of("DES", "3DES", "AES", "AES-192", "AES-256"))
            {
                for (final String ext : List.of("blumenthal", "reeder"))
                {
                    roundTrip(new SnmpUser("u", ENGINE, auth, "authpass-" + auth, priv, "privpass-" + priv, ext), 3);
                }
            }
        }
    }

    static byte[] varbinds()
    {
        final byte[] upTime = SnmpTestSupport.hex("300e06082b06010201010300430230" + "39");
        final byte[] trapOid = SnmpTestSupport.hex("3017060a2b0601060301010401000609" + "2b0601060301010503");
        final byte[] ifIndex = SnmpTestSupport.hex("300f060a2b06010201020201010102010" + "7");
        final byte[] list = new byte[2 + upTime.length + trapOid.length + ifIndex.length];
        list[0] = 0x30;
        list[1] = (byte)(list.length - 2);
        System.arraycopy(upTime, 0, list, 2, upTime.length);
        System.arraycopy(trapOid, 0, list, 2 + upTime.length, trapOid.length);
        System.arraycopy(ifIndex, 0, list, 2 + upTime.length + trapOid.length, ifIndex.length);
        return list;
    }

    /** Builds an inform with the encoder, decodes it, answers it and checks the answer with SNMP4J alone. */
    private static void roundTrip(final SnmpUser user, final int level) throws IOException
    {
        final String where = user.toString();
        final UsmLocalizedUser u = UsmKeysTest.find(new UsmUserTable(List.of(user)), user.user(), ENGINE);
        final byte[] context = "ctx".getBytes(StandardCharsets.US_ASCII);
        final SnmpInform request = new SnmpInform(3, null, 4242, varbinds(), 777, level | 4, 5, 1234,
            SnmpTestSupport.hex(ENGINE), context, u);
        final byte[] informBytes = InformResponseEncoder.encode(request, SnmpMessageDescriptor.PDU_INFORM, 5, 1234);
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(List.of(user));
        final SnmpTestSupport.Result r = SnmpTestSupport.decode(decoder, informBytes);
        assertEquals(DecodeStatus.OK, r.status(), where + " " + r.records());
        final JsonNode record = r.single();
        assertEquals("inform", record.get("pdu").asText());
        assertEquals(12345, record.get("sysUpTime").asInt());
        assertEquals("1.3.6.1.6.3.1.1.5.3", record.get("trapOid").asText());
        assertEquals("ifIndex.1", record.get("varbinds").get(0).get("name").asText());
        final SnmpInform inform = decoder.lastInform();
        assertEquals(777, inform.msgId());
        final byte[] response = inform.encodeResponse(6, 2000);

        // check with SNMP4J only: header, HMAC, decryption, ScopedPDU
        final BERInputStream in = new BERInputStream(ByteBuffer.wrap(response));
        final BER.MutableByte type = new BER.MutableByte();
        BER.decodeHeader(in, type);
        assertEquals(3, BER.decodeInteger(in, type));
        final MPv3.HeaderData header = new MPv3.HeaderData()
        {
        };
        header.decodeBER(in);
        assertEquals(777, header.getMsgID());
        assertEquals(level, header.getMsgFlags(), where);
        final UsmSecurityParameters usm = new UsmSecurityParameters();
        usm.decodeBER(in);
        assertEquals(ENGINE, new OctetString(usm.getAuthoritativeEngineID()).toHexString().replace(":", ""));
        assertEquals(6, usm.getAuthoritativeEngineBoots());
        assertEquals(2000, usm.getAuthoritativeEngineTime());
        final byte[] mac = usm.getAuthenticationParameters().getValue();
        final int macAt = indexOf(response, mac);
        final byte[] copy = response.clone();
        assertTrue(u.auth().isAuthentic(u.authKey(), copy, 0, copy.length,
            new ByteArrayWindow(copy, macAt, mac.length)), where);
        byte[] plain;
        if (level == 3)
        {
            final byte[] encrypted = BER.decodeString(in, type);
            final byte[] salt = usm.getPrivacyParameters().getValue();
            plain = u.priv().decrypt(encrypted, 0, encrypted.length, u.privKey(), 6, 2000,
                new DecryptParams(salt, 0, salt.length));
        }
        else
        {
            plain = new byte[in.getBuffer().remaining()];
            in.getBuffer().get(plain);
        }
        final ScopedPDU pdu = new ScopedPDU();
        pdu.decodeBER(new BERInputStream(ByteBuffer.wrap(plain)));
        assertEquals(PDU.RESPONSE, pdu.getType(), where);
        assertEquals(4242, pdu.getRequestID().getValue());
        assertEquals("ctx", pdu.getContextName().toString());
        assertEquals(3, pdu.size());
        assertEquals(new TimeTicks(12345), pdu.get(0).getVariable());
        assertEquals(new OID("1.3.6.1.6.3.1.1.5.3"), pdu.get(1).getVariable());
    }

    private static int indexOf(final byte[] hay, final byte[] needle)
    {
        for (int i = 0; i + needle.length <= hay.length; i++)
        {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++)
            {
                match = hay[i + j] == needle[j];
            }
            if (match)
            {
                return i;
            }
        }
        throw new AssertionError("HMAC not found in message");
    }
}
