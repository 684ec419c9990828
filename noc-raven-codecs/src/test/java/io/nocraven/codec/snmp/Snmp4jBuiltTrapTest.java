package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.DecodeStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.TransportStateReference;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.PduHandle;
import org.snmp4j.security.AuthenticationProtocol;
import org.snmp4j.security.PrivacyProtocol;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * v3 traps built by SNMP4J's own message processing (MPv3 + USM, offline: no session, no transport) for the
 * combinations no capture has, notably AES-192/256 with the Reeder (Cisco) key extension: the decoder must accept
 * them with the matching {@code keyExtension} and reject them with the other one.
 */
class Snmp4jBuiltTrapTest
{
    static final String ENGINE = "800000090300aabbccddeeff";

    static byte[] buildTrap(final String auth, final String priv, final String extension) throws Exception
    {
        final AuthenticationProtocol a = SnmpSecurityProtocols.auth(auth);
        final PrivacyProtocol p = SnmpSecurityProtocols.priv(priv, extension);
        final SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        protocols.addAuthenticationProtocol(a);
        protocols.addPrivacyProtocol(p);
        final OctetString engine = OctetString.fromHexStringPairs(ENGINE);
        final USM usm = new USM(protocols, engine, 3);
        usm.addUser(new UsmUser(new OctetString("cisco"), a.getID(), new OctetString("authpass-cisco"), p.getID(),
            new OctetString("privpass-cisco")));
        final MPv3 mp = new MPv3(usm);
        final ScopedPDU pdu = new ScopedPDU();
        pdu.setType(PDU.TRAP);
        pdu.setRequestID(new org.snmp4j.smi.Integer32(99));
        pdu.setContextEngineID(engine);
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(777)));
        pdu.add(new VariableBinding(new OID("1.3.6.1.6.3.1.1.4.1.0"), new OID("1.3.6.1.6.3.1.1.5.4")));
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.7"), new org.snmp4j.smi.Integer32(7)));
        pdu.add(new VariableBinding(new OID("1.3.6.1.4.1.9.9.1"), new Counter64(-1L)));
        final BEROutputStream out = new BEROutputStream(ByteBuffer.allocate(4096));
        final int status = mp.prepareOutgoingMessage(new UdpAddress("127.0.0.1/162"), 65507, MPv3.ID,
            SecurityModel.SECURITY_MODEL_USM, "cisco".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            SecurityLevel.AUTH_PRIV, pdu, false, new PduHandle(1), out,
            new TransportStateReference(null, new UdpAddress("127.0.0.1/162"), new OctetString("cisco"),
                SecurityLevel.authPriv, SecurityLevel.undefined, false, null));
        assertEquals(0, status, "SNMP4J could not build the trap");
        final ByteBuffer b = out.getBuffer();
        return Arrays.copyOf(b.array(), b.position());
    }

    @ParameterizedTest
    @CsvSource({"MD5,AES-192", "MD5,AES-256", "SHA,AES-192", "SHA,AES-256", "SHA-256,AES-256", "SHA,3DES",
        "SHA-512,DES", "SHA-384,AES"})
    void shouldDecodeTrapsWithTheMatchingKeyExtensionOnly(final String auth, final String priv) throws Exception
    {
        for (final String ext : List.of("reeder", "blumenthal"))
        {
            final byte[] trap = buildTrap(auth, priv, ext);
            final String other = "reeder".equals(ext) ? "blumenthal" : "reeder";
            final JsonNode ok = decode(trap, auth, priv, ext, DecodeStatus.OK);
            assertEquals("cisco", ok.get("user").asText());
            assertEquals(ENGINE, ok.get("engineId").asText());
            assertEquals("authPriv", ok.get("securityLevel").asText());
            assertEquals(777, ok.get("sysUpTime").asInt());
            assertEquals("linkUp", ok.get("trapName").asText());
            assertEquals("ifIndex.7", ok.get("varbinds").get(0).get("name").asText());
            assertEquals("18446744073709551615", ok.get("varbinds").get(1).get("value").asText());
            final boolean extensionMatters = priv.startsWith("AES-") && auth.matches("MD5|SHA");
            if (extensionMatters)
            {
                final JsonNode bad = decode(trap, auth, priv, other, DecodeStatus.INVALID);
                assertEquals("decryption failed", bad.get("reason").asText(), auth + "/" + priv + "/" + ext);
            }
        }
    }

    private static JsonNode decode(final byte[] trap, final String auth, final String priv, final String ext,
        final DecodeStatus expected)
    {
        final SnmpUser user = new SnmpUser("cisco", null, auth, "authpass-cisco", priv, "privpass-cisco", ext);
        final SnmpTestSupport.Result r = SnmpTestSupport.decode(SnmpTestSupport.decoder(List.of(user)), trap);
        assertEquals(expected, r.status(), auth + "/" + priv + "/" + ext + ": " + r.records() + " "
            + HexFormat.of().formatHex(trap));
        return r.single();
    }
}
