package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/** An SNMPv2c InformRequest from SNMP4J is answered with a Response and recorded as a snmp-trap record. */
class SnmpInformTest
{
    @TempDir
    Path dir;

    @Test
    void shouldAnswerInformsAndRecordThem() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir);
            Snmp snmp = new Snmp(new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"))))
        {
            snmp.listen();
            final CommunityTarget<UdpAddress> target = new CommunityTarget<>(
                new UdpAddress("127.0.0.1/" + app.port(ListenerType.SNMP_UDP)), new OctetString("public"));
            target.setVersion(SnmpConstants.version2c);
            target.setTimeout(3000);
            target.setRetries(0);
            final PDU pdu = new PDU();
            pdu.setType(PDU.INFORM);
            pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(4242)));
            pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, new OID("1.3.6.1.6.3.1.1.5.3")));
            pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.7"), new OctetString("eth7")));
            final ResponseEvent<UdpAddress> resp = snmp.inform(pdu, target);
            assertNotNull(resp.getResponse(), "inform answered");
            assertEquals(PDU.RESPONSE, resp.getResponse().getType());
            assertEquals(pdu.getRequestID(), resp.getResponse().getRequestID());
            assertEquals(3, resp.getResponse().size());
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(
                app.config.forwarders().archive().directory(), 1);
            assertEquals(1, lines.size());
            assertEquals("snmp-trap", lines.get(0).get("kind").asText());
            assertEquals("inform", lines.get(0).get("pdu").asText());
            assertEquals("1.3.6.1.6.3.1.1.5.3", lines.get(0).get("trapOid").asText());
        }
    }
}
