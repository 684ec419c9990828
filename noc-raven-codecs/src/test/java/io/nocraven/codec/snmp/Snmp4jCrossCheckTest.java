package io.nocraven.codec.snmp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.asn1.BER;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.smi.AssignableFromLong;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.VariableBinding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static io.nocraven.codec.snmp.SnmpTestSupport.FIXTURES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-written BER reader against SNMP4J's own PDU decoder on every v1/v2c notification of the captures:
 * same OIDs, same syntax, same numeric values.
 */
class Snmp4jCrossCheckTest
{
    @ParameterizedTest
    @ValueSource(strings = {"snmp_v1_traps", "snmp_v2c_traps", "snmp_v2c_informs"})
    void shouldAgreeWithSnmp4jOnEveryVarbind(final String capture) throws IOException
    {
        final SnmpTrapDecoder decoder = SnmpTestSupport.decoder(List.of());
        int checked = 0;
        for (final PcapUdp.Datagram d : PcapUdp.read(FIXTURES + capture + ".pcap"))
        {
            final SnmpTestSupport.Result r = SnmpTestSupport.decode(decoder, d.payload());
            final JsonNode ours = r.single();
            if (!"snmp-trap".equals(ours.get("kind").asText()))
            {
                continue;
            }
            final BERInputStream in = new BERInputStream(ByteBuffer.wrap(d.payload()));
            final BER.MutableByte type = new BER.MutableByte();
            BER.decodeHeader(in, type);
            final int version = BER.decodeInteger(in, type);
            BER.decodeString(in, type);
            final PDU pdu = version == 0 ? new PDUv1() : new PDU();
            pdu.decodeBER(in);
            final List<String> theirs = new ArrayList<>();
            for (final VariableBinding vb : pdu.getVariableBindings())
            {
                theirs.add(describe(vb));
            }
            final List<String> mine = new ArrayList<>();
            if (version != 0)
            {
                mine.add("1.3.6.1.2.1.1.3.0 TimeTicks " + ours.get("sysUpTime").asText());
                mine.add("1.3.6.1.6.3.1.1.4.1.0 OID " + ours.get("trapOid").asText());
            }
            for (final JsonNode v : ours.get("varbinds"))
            {
                mine.add(describe(v));
            }
            assertEquals(theirs, mine, capture + " frame " + d.frame());
            checked++;
        }
        assertEquals(capture.contains("informs") ? 3 : capture.contains("v1") ? 7 : 5, checked);
    }

    private static String describe(final VariableBinding vb)
    {
        final String syntax = vb.getVariable().getSyntaxString();
        final String value;
        if (vb.getVariable() instanceof Counter64 c)
        {
            value = Long.toUnsignedString(c.getValue());
        }
        else if (vb.getVariable() instanceof AssignableFromLong || vb.getVariable() instanceof org.snmp4j.smi.Integer32)
        {
            value = String.valueOf(vb.getVariable().toLong());
        }
        else if (vb.getVariable() instanceof org.snmp4j.smi.OID oid)
        {
            value = oid.toDottedString();
        }
        else
        {
            value = "*";
        }
        return vb.getOid() + " " + mapSyntax(syntax) + " " + value;
    }

    private static String mapSyntax(final String snmp4j)
    {
        return switch (snmp4j)
        {
            case "INTEGER" -> "Integer32";
            case "OCTET STRING" -> "OctetString";
            case "OBJECT IDENTIFIER" -> "OID";
            case "Counter" -> "Counter32";
            case "Gauge" -> "Gauge32";
            default -> snmp4j;
        };
    }

    private static String describe(final JsonNode v)
    {
        final String type = v.get("type").asText();
        final boolean numeric = type.matches("Integer32|Counter32|Gauge32|TimeTicks|Counter64|ObjectIdentifier");
        final String syntax = switch (type)
        {
            case "ObjectIdentifier" -> "OID";
            default -> type;
        };
        return v.get("oid").asText() + " " + syntax + " " + (numeric ? v.get("value").asText() : "*");
    }
}
