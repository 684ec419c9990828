package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datagrams larger than Netty's default 2048-byte read buffer arrive whole (NetFlow v9/IPFIX, long syslog). */
class LargeDatagramTest
{
    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryByteOfAnEightKilobyteSyslogDatagram() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); DatagramSocket client = new DatagramSocket())
        {
            final String text = "x".repeat(8000) + " end";
            final byte[] m = ("<13>1 2026-12-02T10:00:00Z host app - - - " + text).getBytes(StandardCharsets.UTF_8);
            client.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(),
                app.port(ListenerType.SYSLOG_UDP)));
            final List<JsonNode> lines = SyslogUdpEndToEndTest.awaitArchive(app.config.forwarders().archive().directory(),
                1);
            assertEquals(1, lines.size());
            assertEquals("syslog", lines.get(0).get("kind").asText(), lines.get(0).toString());
            assertEquals(text, lines.get(0).get("message").asText());
            AdminApiTest.awaitField(app, "syslog-udp", "received", 1);
        }
    }
}
