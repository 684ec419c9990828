package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code noc-raven menu} driven through a real pseudo-terminal (tmux) against a running appliance. */
class MenuTerminalTest
{
    private static final String MENU = "NoC Raven setup menu";

    @TempDir
    Path dir;

    @Test
    void shouldShowStatusChangeAPortSetATargetRotateTheTokenAndShowThePanel() throws Exception
    {
        final Path data = Files.createDirectories(dir.resolve("data"));
        try (TestAppliance app = new TestAppliance(data))
        {
            final Path tokenFile = dir.resolve("token");
            Files.writeString(tokenFile, TestAppliance.TOKEN + "\n");
            final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try (TmuxPane pane = new TmuxPane(List.of(java, "-cp", System.getProperty("java.class.path"),
                MenuMain.class.getName(), "--url", app.url(""), "--token-file", tokenFile.toString())))
            {
                pane.waitFor(MENU);
                pane.keys("1");
                String s = pane.waitFor("HEALTH");
                assertTrue(s.contains("STATUS") && s.contains("syslog-udp") && s.contains("ready: true"), s);
                pane.keys("x");
                pane.waitFor(MENU);

                final int free;
                try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
                {
                    free = probe.getLocalPort();
                }
                pane.keys("2");
                pane.waitFor("Choose a listener");
                pane.keys("Enter");
                pane.waitFor("New port for syslog-udp");
                pane.type(String.valueOf(free));
                pane.keys("Enter");
                pane.waitFor("syslog-udp now listens on 127.0.0.1:" + free + " (saved).");
                assertEquals(free, app.port(ListenerType.SYSLOG_UDP));
                pane.keys("x");
                pane.waitFor(MENU);

                pane.keys("2");
                pane.waitFor("Choose a listener");
                pane.keys("Enter");
                pane.waitFor("New port for syslog-udp");
                pane.type(String.valueOf(app.port(ListenerType.NETFLOW_UDP)));
                pane.keys("Enter");
                pane.waitFor("Not changed: listeners.syslog-udp.port: value '" + app.port(ListenerType.NETFLOW_UDP)
                    + "' is invalid (expected a port not already used by listeners.netflow-udp on UDP)");
                pane.keys("x");
                pane.waitFor(MENU);

                pane.keys("3");
                pane.waitFor("Choose a target");
                pane.keys("Down", "Enter");
                pane.waitFor("Raw UDP relay target (host:port) []:");
                pane.type("127.0.0.1:9");
                pane.keys("Enter");
                s = pane.waitFor("Saved to");
                assertTrue(s.contains("forwarders.udpRelay.target"), s);
                final JsonNode relay = app.getJson("/api/v1/config").path("forwarders").path("udpRelay");
                assertEquals("127.0.0.1:9", relay.path("target").asText());
                assertTrue(relay.path("enabled").asBoolean());
                pane.keys("x");
                pane.waitFor(MENU);

                pane.keys("4");
                pane.waitFor("[y/N]");
                pane.type("y");
                pane.keys("Enter");
                s = pane.waitFor("New admin token");
                final Matcher m = Pattern.compile("\\b([0-9a-f]{64})\\b").matcher(s);
                assertTrue(m.find(), s);
                assertEquals(m.group(1), Files.readString(data.resolve("admin-token")).trim());
                assertEquals(403, app.send("POST", "/api/v1/token/rotate", "", TestAppliance.TOKEN).statusCode());
                pane.keys("x");
                pane.waitFor(MENU);

                pane.keys("5");
                pane.waitFor("http://127.0.0.1:" + app.appliance.adminPort() + "/");
                pane.keys("x");
                pane.waitFor(MENU);
                pane.keys("q");
                pane.waitFor(sc -> !sc.contains(MENU), "the menu closed");
            }
        }
    }
}
