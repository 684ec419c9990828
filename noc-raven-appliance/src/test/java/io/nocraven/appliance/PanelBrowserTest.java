package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The web control panel in a real headless browser against a real appliance on 127.0.0.1. */
class PanelBrowserTest
{
    @TempDir
    Path dir;

    private static void sendSyslog(final int port, final int count) throws Exception
    {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
        {
            for (int i = 0; i < count; i++)
            {
                final byte[] m = ("<34>1 2026-12-01T10:00:00Z host app - - - panel test " + i)
                    .getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(m, m.length, InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    private static void logIn(final BrowserSession b, final TestAppliance app)
    {
        b.driver.get(app.url("/"));
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(TestAppliance.TOKEN);
        b.driver.findElement(By.id("login-submit")).click();
        b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
    }

    private static String text(final BrowserSession b, final String id)
    {
        return b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
    }

    @Test
    void shouldRefuseAWrongTokenThenLogInAndSeeCountersRise() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); BrowserSession b = BrowserSession.open(1280, 1000))
        {
            b.driver.get(app.url("/"));
            final WebElement token = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
            assertEquals("Admin token", b.driver.findElement(By.cssSelector("label[for=token]")).getText());
            token.sendKeys("not-the-token");
            b.driver.findElement(By.id("login-submit")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Wrong admin token."));
            token.clear();
            token.sendKeys(TestAppliance.TOKEN);
            b.driver.findElement(By.id("login-submit")).click();
            b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
            assertEquals("0", text(b, "count-syslog-udp-received"));
            sendSyslog(app.port(ListenerType.SYSLOG_UDP), 7);
            b.wait.until(ExpectedConditions.textToBe(By.id("count-syslog-udp-received"), "7"));
            b.wait.until(ExpectedConditions.textToBe(By.id("count-syslog-udp-records"), "7"));
            assertTrue(b.driver.findElements(By.cssSelector("#chart-inputs canvas")).size() == 1, "rate chart drawn");
            b.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("health-status")));
            // Buffer fill per stream, with how long the buffer lasts at the current rate (or "no input now").
            b.wait.until(ExpectedConditions.textMatches(By.id("buffer-fill"),
                java.util.regex.Pattern.compile("syslog-udp \\d+(\\.\\d+)? (B|KiB|MiB|GiB) on disk · (lasts \\d+\\.\\d days at the "
                    + "current rate \\(free disk\\)|no input now)")));
            Thread.sleep(1500);
            b.screenshot("dashboard-desktop");
            b.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            Thread.sleep(1200);
            b.screenshot("dashboard-phone");
            assertEquals("true", b.driver.executeScript("return document.documentElement.scrollWidth <= "
                + "window.innerWidth + 1").toString(), "no horizontal page scroll on a phone-sized screen");
        }
    }

    @Test
    void shouldChangeAPortAndShowConflictsNextToTheField() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); BrowserSession b = BrowserSession.open(1280, 1400))
        {
            logIn(b, app);
            b.driver.get(app.url("/#/config"));
            final int free;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                free = probe.getLocalPort();
            }
            final WebElement port = b.wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("port-syslog-udp-port")));
            assertEquals("syslog-udp port", b.driver.findElement(By.cssSelector("label[for=port-syslog-udp-port]"))
                .getText());
            port.clear();
            port.sendKeys(String.valueOf(app.port(ListenerType.NETFLOW_UDP)));
            b.driver.findElement(By.id("port-syslog-udp-apply")).click();
            b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("port-syslog-udp-error"),
                "already used by netflow-udp"));
            assertEquals("true", port.getAttribute("aria-invalid"));
            b.screenshot("config-port-conflict");

            try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                port.clear();
                port.sendKeys(String.valueOf(taken.getLocalPort()));
                b.driver.findElement(By.id("port-syslog-udp-apply")).click();
                b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("port-syslog-udp-error"),
                    String.valueOf(taken.getLocalPort())));
            }
            final WebElement again = b.driver.findElement(By.id("port-syslog-udp-port"));
            again.clear();
            again.sendKeys(String.valueOf(free));
            b.driver.findElement(By.id("port-syslog-udp-apply")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("ports-msg"), "syslog-udp applied: now " + free));
            assertEquals(free, app.port(ListenerType.SYSLOG_UDP));
            sendSyslog(free, 3);
            b.driver.get(app.url("/#/dashboard"));
            b.wait.until(ExpectedConditions.textToBe(By.id("count-syslog-udp-received"), "3"));
        }
    }

    @Test
    void shouldReplayTheArchiveForwarderFromATime() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); BrowserSession b = BrowserSession.open(1280, 1400))
        {
            final Path archive = app.config.forwarders().archive().directory();
            sendSyslog(app.port(ListenerType.SYSLOG_UDP), 4);
            SyslogUdpEndToEndTest.awaitArchive(archive, 4);
            logIn(b, app);
            b.driver.get(app.url("/#/buffer"));
            b.wait.until(ExpectedConditions.textMatches(By.id("streams"),
                java.util.regex.Pattern.compile("syslog-udp\\s+\\d+(\\.\\d+)? (B|KiB|MiB|GiB)\\s+4\\s+20\\d\\d-")));
            final WebElement from = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-archive")));
            assertEquals("Replay archive from (UTC)", b.driver.findElement(By.cssSelector("label[for=replay-archive]"))
                .getText());
            // A datetime-local field takes keystrokes in the browser's locale format; set its value the way the
            // picker does, then press the real button.
            final String oneHourAgo = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)
                .withNano(0).toString();
            b.driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", from, oneHourAgo);
            b.driver.findElement(By.id("replay-do-archive")).click();
            b.wait.until(ExpectedConditions.textToBe(By.id("fwd-msg-archive"), "done"));
            b.screenshot("buffer-replay");
            // At-least-once replay: the archive receives the four messages a second time.
            final java.util.List<com.fasterxml.jackson.databind.JsonNode> lines =
                SyslogUdpEndToEndTest.awaitArchive(archive, 8);
            for (int i = 0; i < 4; i++)
            {
                final String text = "panel test " + i;
                assertEquals(2, lines.stream().filter(r -> text.equals(r.path("message").asText())).count(), text);
            }
        }
    }

    @Test
    void shouldAddAnSnmpV3UserFromTheConfigurationPageWithoutShowingItsPassphrases() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir); BrowserSession b = BrowserSession.open(1280, 1600))
        {
            logIn(b, app);
            b.driver.get(app.url("/#/config"));
            final WebElement users = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cfg-snmp-users")));
            assertEquals("codec.snmpUsers (JSON list of users)",
                b.driver.findElement(By.cssSelector("label[for=cfg-snmp-users]")).getText());
            users.clear();
            users.sendKeys("[{\"user\": \"venue-ops\", \"authProtocol\": \"SHA-256\", \"authPassphrase\": "
                + "\"panel-auth-secret\", \"privProtocol\": \"AES\", \"privPassphrase\": \"panel-priv-secret\"}]");
            b.driver.findElement(By.id("cfg-save")).click();
            b.wait.until(ExpectedConditions.textMatches(By.id("cfg-result"), java.util.regex.Pattern.compile("^Saved to ")));
            final com.fasterxml.jackson.databind.JsonNode cfg = app.getJson("/api/v1/config");
            assertEquals("venue-ops", cfg.at("/codec/snmpUsers/0/user").asText(), cfg.toString());
            assertEquals("<redacted>", cfg.at("/codec/snmpUsers/0/authPassphrase").asText());
            assertEquals("<redacted>", cfg.at("/codec/snmpUsers/0/privPassphrase").asText());
            assertTrue(java.nio.file.Files.readString(dir.resolve("config.yaml")).contains("panel-auth-secret"),
                "persisted with the real passphrase");

            // A bad entry is refused with the error next to the users field, nothing applied.
            b.driver.navigate().refresh();
            final WebElement again = b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cfg-snmp-users")));
            again.clear();
            again.sendKeys("[{\"user\": \"bad\", \"authProtocol\": \"SHA-999\"}]");
            b.driver.findElement(By.id("cfg-save")).click();
            b.wait.until(ExpectedConditions.textMatches(By.id("cfg-snmp-users-error"),
                java.util.regex.Pattern.compile("codec.snmpUsers: .*SHA-999")));
            b.screenshot("config-snmp-users-error");
        }
    }
}
