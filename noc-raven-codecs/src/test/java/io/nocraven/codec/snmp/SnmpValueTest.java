package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.DecodeStatus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Varbind value mapping on hand-built v2c traps: edge encodings, every type, and what is rejected. */
class SnmpValueTest
{
    static byte[] tlv(final int tag, final byte[]... parts)
    {
        final ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (final byte[] p : parts)
        {
            content.writeBytes(p);
        }
        final int n = content.size();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (n < 128)
        {
            out.write(n);
        }
        else
        {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xFF);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    static byte[] h(final String hex)
    {
        return SnmpTestSupport.hex(hex);
    }

    /** A v2c SNMPv2-Trap with the given varbinds (each a complete varbind SEQUENCE). */
    static byte[] trap(final byte[]... varbinds)
    {
        return tlv(0x30, h("020101"), tlv(0x04, h("7075626c6963")),
            tlv(0xA7, h("020107"), h("020100"), h("020100"), tlv(0x30, varbinds)));
    }

    static byte[] vb(final String oidHex, final int tag, final String valueHex)
    {
        return tlv(0x30, tlv(0x06, h(oidHex)), tlv(tag, h(valueHex)));
    }

    private static JsonNode only(final byte[] datagram)
    {
        final SnmpTestSupport.Result r = SnmpTestSupport.decode(SnmpTestSupport.decoder(List.of()), datagram);
        return r.single();
    }

    @Test
    void shouldMapEveryTypeAndEdgeEncoding()
    {
        final JsonNode rec = only(trap(
            vb("2b0601040101", 0x41, "ff"),
            vb("2b0601040102", 0x46, "ff"),
            vb("2b0601040103", 0x42, "00ffffffff"),
            vb("2b0601040104", 0x40, "0a0000"),
            vb("2b0601040105", 0x04, "6100"),
            vb("2b0601040106", 0x04, "6109620a"),
            vb("2b0601040107", 0x47, "05"),
            vb("2b0601040108", 0x45, "47000580"),
            vb("2b0601040109", 0x80, ""),
            vb("2b060104010a", 0x81, ""),
            vb("2b060104010b", 0x82, ""),
            vb("2b060104010c", 0x44, "0102"),
            vb("2b060104010d", 0x02, "ff7fffffffffffff"),
            vb("2b060104010e", 0x04, "c280")));
        assertTrue(rec.get("sysUpTime").isNull());
        assertTrue(rec.get("trapOid").isNull());
        final JsonNode v = rec.get("varbinds");
        assertEquals("4294967295", v.get(0).get("value").asText());
        assertEquals("18446744073709551615", v.get(1).get("value").bigIntegerValue().toString());
        assertEquals(4294967295L, v.get(2).get("value").asLong());
        assertEquals("0a0000", v.get(3).get("value").asText());
        assertEquals("6100", v.get(4).get("value").asText());
        assertEquals("a\tb\n", v.get(5).get("value").asText());
        assertEquals("UInteger32", v.get(6).get("type").asText());
        assertEquals("47000580", v.get(7).get("value").asText());
        assertEquals("noSuchObject", v.get(8).get("type").asText());
        assertTrue(v.get(8).get("value").isNull());
        assertEquals("noSuchInstance", v.get(9).get("type").asText());
        assertEquals("endOfMibView", v.get(10).get("type").asText());
        assertEquals("0102", v.get(11).get("value").asText());
        assertFalse(v.get(11).has("opaqueType"));
        assertEquals(-36028797018963969L, v.get(12).get("value").asLong());
        assertEquals("c280", v.get(13).get("value").asText());
    }

    @Test
    void shouldRejectMalformedValues()
    {
        assertReason("unknown varbind type", trap(vb("2b0601040101", 0x48, "00")));
        assertReason("bad varbind value", trap(vb("2b0601040101", 0x02, "010203040506070809")));
        assertReason("bad varbind value", trap(vb("2b0601040101", 0x41, "0100000000")));
        assertReason("bad varbind value", trap(vb("2b0601040101", 0x05, "00")));
        assertReason("bad varbind OID", trap(vb("2b06010481", 0x05, "")));
        assertReason("bad varbind OID", trap(vb("2b060104908080808001", 0x05, "")));
        assertReason("bad varbind", trap(tlv(0x30, tlv(0x06, h("2b06")), tlv(0x05, h("")), tlv(0x05, h("")))));
        assertReason("PDU type not allowed in this version",
            tlv(0x30, h("020100"), tlv(0x04, h("70")), tlv(0xA7, h("020107"), h("020100"), h("020100"), tlv(0x30))));
        assertReason("not a notification",
            tlv(0x30, h("020101"), tlv(0x04, h("70")), tlv(0xA8, h("020107"), h("020100"), h("020100"), tlv(0x30))));
        assertReason("bad message", tlv(0x30, h("020101"), tlv(0x04, h("70")),
            tlv(0xA7, h("020107"), h("020100"), h("020100"), tlv(0x30)), h("0500")));
        assertReason("bad PDU", tlv(0x30, h("020101"), tlv(0x04, h("70")),
            tlv(0xA7, h("020107"), h("020100"), h("020100"), tlv(0x30), h("0500"))));
        assertReason("unsupported version", tlv(0x30, h("020102"), tlv(0x04, h("70"))));
        assertReason("bad generic-trap", tlv(0x30, h("020100"), tlv(0x04, h("70")), tlv(0xA4, h("06032b0601"),
            h("40047f000001"), h("020107"), h("020100"), h("430100"), tlv(0x30))));
    }

    @Test
    void shouldDecodeAV1EnterpriseSpecificTrapWithLargeSpecific()
    {
        final JsonNode rec = only(tlv(0x30, h("020100"), tlv(0x04, h("70")), tlv(0xA4, h("06072b060104018f65"),
            h("40047f000001"), h("020106"), h("020500ffffffff"), h("4301ff"), tlv(0x30))));
        assertEquals("1.3.6.1.4.1.2021.0.4294967295", rec.get("trapOid").asText());
        assertEquals(4294967295L, rec.get("specificTrap").asLong());
        assertEquals(4294967295L, rec.get("sysUpTime").asLong());
        assertEquals("127.0.0.1", rec.get("agentAddress").asText());
    }

    @Test
    void shouldKeepSysUpTimeAndTrapOidVarbindsOfAV1Trap()
    {
        final JsonNode rec = only(tlv(0x30, h("020100"), tlv(0x04, h("70")), tlv(0xA4, h("06072b060104018f65"),
            h("40047f000001"), h("020100"), h("020100"), h("430105"),
            tlv(0x30, vb("2b06010201010300", 0x43, "07"), vb("2b060106030101040100", 0x06, "2b0601"),
                vb("2b06010201010300", 0x43, "08")))));
        assertEquals(5, rec.get("sysUpTime").asInt());
        assertEquals(3, rec.get("varbinds").size());
        assertEquals("sysUpTime.0", rec.get("varbinds").get(0).get("name").asText());
    }

    @Test
    void shouldLiftOnlyTheFirstSysUpTimeOfAV2Trap()
    {
        final JsonNode rec = only(trap(vb("2b06010201010300", 0x43, "07"), vb("2b06010201010300", 0x43, "08")));
        assertEquals(7, rec.get("sysUpTime").asInt());
        assertEquals(1, rec.get("varbinds").size());
        assertEquals(8, rec.get("varbinds").get(0).get("value").asInt());
    }

    private static void assertReason(final String reason, final byte[] datagram)
    {
        final SnmpTestSupport.Result r = SnmpTestSupport.decode(SnmpTestSupport.decoder(List.of()), datagram);
        assertEquals(DecodeStatus.INVALID, r.status(), String.valueOf(r.records()));
        assertEquals(reason, r.single().get("reason").asText());
    }
}
