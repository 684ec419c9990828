package io.nocraven.codec.syslog;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.codec.CodecOptions;
import org.junit.jupiter.api.Test;

import static io.nocraven.codec.syslog.SyslogTestSupport.LENIENT;
import static io.nocraven.codec.syslog.SyslogTestSupport.STRICT;
import static io.nocraven.codec.syslog.SyslogTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vendor dialects with realistic lines (received 2026-11-26T10:00:00Z, zone UTC unless said). */
class SyslogDialectTest
{
    @Test
    void shouldParseCiscoIosWithCounterOriginHostnameUnsyncedClockAndMilliseconds()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT,
            "<189>52: router1: *Mar  1 18:46:11.123: %SYS-5-CONFIG_I: Configured from console by vty0 (10.1.1.20)");
        assertEquals("cisco-ios", text(r, "dialect"));
        assertEquals(23, r.get("facility").asInt());
        assertEquals("router1", text(r, "hostname"));
        assertEquals("2026-03-01T18:46:11.123Z", text(r, "timestamp"));
        assertEquals("%SYS-5-CONFIG_I", text(r, "appName"));
        assertEquals("Configured from console by vty0 (10.1.1.20)", text(r, "message"));
        assertEquals("{\"counter\":52,\"sequence\":null,\"facility\":\"SYS\",\"severity\":5,"
            + "\"mnemonic\":\"CONFIG_I\",\"clockMarker\":\"*\"}",
            r.get("cisco").toString());
    }

    @Test
    void shouldParseCiscoIosVariants()
    {
        final CodecOptions paris = SyslogTestSupport.options(CodecOptions.SyslogMode.LENIENT, "Europe/Paris", null);
        final JsonNode utc = SyslogTestSupport.decode(paris,
            "<187>1234: 001234: Mar  1 18:46:11.123 UTC: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down");
        assertEquals("2026-03-01T18:46:11.123Z", text(utc, "timestamp"));
        assertEquals(1234, utc.get("cisco").get("sequence").asInt());
        final JsonNode lost = SyslogTestSupport.decode(paris,
            "<189>77: .Mar  1 18:46:11: %LINEPROTO-5-UPDOWN: Line protocol on Interface Vlan1, changed state to up");
        assertEquals(".", text(lost.get("cisco"), "clockMarker"));
        assertEquals("2026-03-01T18:46:11+01:00", text(lost, "timestamp"));
        final JsonNode year = SyslogTestSupport.decode(paris, "<189>78: Mar  1 2024 18:46:11.123 CET: %SYS-5-CONFIG_I: Configured");
        assertEquals("2024-03-01T18:46:11.123+01:00", text(year, "timestamp"));
        final JsonNode sub = SyslogTestSupport.decode(LENIENT,
            "<187>12: %LINK-SP-3-UPDOWN: Interface GigabitEthernet1/1, changed state to down");
        assertEquals("LINK-SP", text(sub.get("cisco"), "facility"));
        assertEquals(3, sub.get("cisco").get("severity").asInt());
        assertTrue(sub.get("timestamp").isNull());
    }

    @Test
    void shouldParseCiscoOriginHostnameWithoutCounterAndArubaYearAfterTime()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT, "<189>router1: *Mar  1 18:46:11.123: %SYS-5-CONFIG_I: Configured");
        assertEquals("cisco-ios", text(r, "dialect"));
        assertEquals("router1", text(r, "hostname"));
        assertEquals("*", text(r.get("cisco"), "clockMarker"));
        assertEquals("2026-03-01T18:46:11.123Z", text(r, "timestamp"));
        final JsonNode notCisco = SyslogTestSupport.decode(LENIENT, "<13>app: Mar 15 was a good day");
        assertEquals("app", text(notCisco, "appName"));
        assertNull(text(notCisco, "hostname"));
        assertEquals("Mar 15 was a good day", text(notCisco, "message"));
        final JsonNode aruba = SyslogTestSupport.decode(LENIENT,
            "<190>Mar 15 10:00:00 2024 10.1.1.1 stm[1234]: <501106> <NOTI> |AP ap1@10.1.1.2 stm| Deauth to sta");
        assertEquals("2024-03-15T10:00:00Z", text(aruba, "timestamp"));
        assertEquals("10.1.1.1", text(aruba, "hostname"));
        assertEquals("stm", text(aruba, "appName"));
        assertEquals("1234", text(aruba, "procId"));
    }

    @Test
    void shouldParseNxos()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT,
            "<189>: 2024 Mar  1 18:46:11 UTC: %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up in mode access");
        assertEquals("cisco-nxos", text(r, "dialect"));
        assertEquals("2024-03-01T18:46:11Z", text(r, "timestamp"));
        assertEquals("%ETHPORT-5-IF_UP", text(r, "appName"));
        assertTrue(r.get("cisco").get("counter").isNull());
        final JsonNode h = SyslogTestSupport.decode(LENIENT,
            "<190>2024 Mar 18 11:11:06 N9K-1 %AUTHPRIV-6-SYSTEM_MSG: pam_unix(sshd:session): session opened for user admin - sshd[1234]");
        assertEquals("cisco-nxos", text(h, "dialect"));
        assertEquals("N9K-1", text(h, "hostname"));
        assertEquals("SYSTEM_MSG", text(h.get("cisco"), "mnemonic"));
        assertEquals("pam_unix(sshd:session): session opened for user admin - sshd[1234]", text(h, "message"));
    }

    @Test
    void shouldParseCiscoAsaAndFtd()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT, "<166>Mar 15 2024 10:00:00: %ASA-6-302013: Built outbound TCP connection 123 "
            + "for outside:203.0.113.5/443 (203.0.113.5/443) to inside:10.1.1.20/52113 (198.51.100.7/52113)");
        assertEquals("cisco-asa", text(r, "dialect"));
        assertEquals("2024-03-15T10:00:00Z", text(r, "timestamp"));
        assertNull(text(r, "hostname"));
        assertEquals("%ASA-6-302013", text(r, "appName"));
        assertEquals("302013", text(r.get("cisco"), "mnemonic"));
        assertTrue(text(r, "message").startsWith("Built outbound TCP connection 123"));
        final JsonNode host = SyslogTestSupport.decode(LENIENT,
            "<166>Mar 15 2024 10:00:01 asa01 : %ASA-6-302014: Teardown TCP connection 123");
        assertEquals("asa01", text(host, "hostname"));
        assertEquals("Teardown TCP connection 123", text(host, "message"));
        final JsonNode bare = SyslogTestSupport.decode(LENIENT, "<166>%ASA-6-302013: Built inbound TCP connection 9");
        assertEquals("cisco-asa", text(bare, "dialect"));
        assertTrue(bare.get("timestamp").isNull());
        final JsonNode ftd = SyslogTestSupport.decode(LENIENT, "<166>2024-03-15T10:00:00Z ftd01 : %FTD-6-430003: EventPriority: Low");
        assertEquals("cisco-asa", text(ftd, "dialect"));
        assertEquals("ftd01", text(ftd, "hostname"));
        assertEquals("2024-03-15T10:00:00Z", text(ftd, "timestamp"));
    }

    @Test
    void shouldParseJuniper()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT,
            "<28>Mar 15 10:00:00 mx960-re0 mgd[4242]: UI_COMMIT: User 'admin' requested 'commit' operation (comment: none)");
        assertEquals("juniper", text(r, "dialect"));
        assertEquals("mx960-re0", text(r, "hostname"));
        assertEquals("mgd", text(r, "appName"));
        assertEquals("4242", text(r, "procId"));
        assertEquals("UI_COMMIT", text(r.get("juniper"), "event"));
        assertEquals("UI_COMMIT: User 'admin' requested 'commit' operation (comment: none)", text(r, "message"));
        final JsonNode flow = SyslogTestSupport.decode(STRICT,
            "<14>Mar 15 10:00:00 srx1 RT_FLOW: RT_FLOW_SESSION_CREATE: session created 10.1.1.20/52113->203.0.113.5/443 junos-https");
        assertEquals("RT_FLOW", text(flow, "appName"));
        assertEquals("RT_FLOW_SESSION_CREATE", text(flow.get("juniper"), "event"));
    }

    @Test
    void shouldParseFortiGateKeyValues()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT, "<189>date=2024-03-15 time=10:00:00 devname=\"FGT60F\" devid=\"FGT60FTK1234\" "
            + "eventtime=1710493200123456789 tz=\"+0100\" logid=\"0000000013\" type=\"traffic\" subtype=\"forward\" level=\"notice\" "
            + "vd=\"root\" srcip=10.1.1.20 srcport=52113 dstip=203.0.113.5 dstport=443 action=\"accept\" msg=\"quoted \\\"x\\\"\"");
        assertEquals("fortigate", text(r, "dialect"));
        assertEquals("FGT60F", text(r, "hostname"));
        assertEquals("2024-03-15T10:00:00+01:00", text(r, "timestamp"));
        final JsonNode kv = r.get("kv");
        assertEquals("10.1.1.20", kv.get("srcip").asText());
        assertEquals("traffic", kv.get("type").asText());
        assertEquals("quoted \"x\"", kv.get("msg").asText());
        assertEquals(17, kv.size());
        assertTrue(text(r, "message").startsWith("date=2024-03-15 time=10:00:00"));
        final JsonNode noTz = SyslogTestSupport.decode(SyslogTestSupport.options(CodecOptions.SyslogMode.LENIENT, "America/New_York", null),
            "<189>date=2024-07-04 time=12:00:00 devname=FGT type=event");
        assertEquals("2024-07-04T12:00:00-04:00", text(noTz, "timestamp"));
    }

    @Test
    void shouldParsePaloAltoCsv()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT,
            "<14>Mar 15 10:00:00 PA-VM 1,2024/03/15 10:00:00,012801000001,TRAFFIC,end,2560,"
            + "2024/03/15 10:00:00,10.1.1.20,203.0.113.5,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust,ethernet1/2,ethernet1/1,"
            + "Log-Fwd,2024/03/15 10:00:00,12345,1,52113,443,0,0,0x400064,tcp,allow,\"5,432 \"\"bytes\"\"\",1234,4198");
        assertEquals("paloalto", text(r, "dialect"));
        assertEquals("PA-VM", text(r, "hostname"));
        assertNull(text(r, "appName"));
        final JsonNode pa = r.get("paloalto");
        assertEquals("2024/03/15 10:00:00", text(pa, "receiveTime"));
        assertEquals("012801000001", text(pa, "serial"));
        assertEquals("TRAFFIC", text(pa, "type"));
        assertEquals("end", text(pa, "subtype"));
        assertEquals(34, pa.get("fields").size());
        assertEquals("5,432 \"bytes\"", pa.get("fields").get(31).asText());
        assertEquals("", pa.get("fields").get(12).asText());
    }

    @Test
    void shouldParseCiscoIseSegments()
    {
        final JsonNode first = SyslogTestSupport.decode(LENIENT, "<181>Mar 15 10:00:00 ise01 CISE_Passed_Authentications 0000012345 2 0 "
            + "2024-03-15 10:00:00.123 +01:00 0000456789 5200 NOTICE Passed-Authentication: Authentication succeeded, "
            + "ConfigVersionId=123,");
        assertEquals("cisco-ise", text(first, "dialect"));
        assertEquals("ise01", text(first, "hostname"));
        assertEquals("CISE_Passed_Authentications", text(first, "appName"));
        assertEquals("{\"messageId\":12345,\"segmentTotal\":2,\"segmentNumber\":0}", first.get("ise").toString());
        assertTrue(text(first, "message").startsWith("2024-03-15 10:00:00.123 +01:00 0000456789 5200 NOTICE"));
        final JsonNode second = SyslogTestSupport.decode(LENIENT,
            "<181>Mar 15 10:00:00 ise01 CISE_Passed_Authentications 0000012345 2 1 AuthenticationIdentityStore=Internal Users,");
        assertEquals(1, second.get("ise").get("segmentNumber").asInt());
        assertEquals("AuthenticationIdentityStore=Internal Users,", text(second, "message"));
    }

    @Test
    void shouldParseMerakiInLenientModeOnly()
    {
        final String flows = "<134>1 1710496800.123456789 MX84 flows allow src=10.1.1.20 dst=203.0.113.5 mac=AA:BB:CC:DD:EE:FF "
            + "protocol=tcp sport=52113 dport=443 pattern: allow all";
        final JsonNode r = SyslogTestSupport.decode(LENIENT, flows);
        assertEquals("meraki", text(r, "dialect"));
        assertEquals("rfc3164", text(r, "protocol"));
        assertEquals(16, r.get("facility").asInt());
        assertEquals(6, r.get("severity").asInt());
        assertEquals("2024-03-15T10:00:00.123456789Z", text(r, "timestamp"));
        assertEquals("MX84", text(r, "hostname"));
        assertEquals("flows", text(r, "appName"));
        assertEquals("allow src=10.1.1.20 dst=203.0.113.5 mac=AA:BB:CC:DD:EE:FF protocol=tcp sport=52113 dport=443 pattern: allow all",
            text(r, "message"));
        assertEquals("{\"src\":\"10.1.1.20\",\"dst\":\"203.0.113.5\",\"mac\":\"AA:BB:CC:DD:EE:FF\",\"protocol\":\"tcp\","
            + "\"sport\":\"52113\",\"dport\":\"443\"}", r.get("kv").toString());
        final JsonNode events = SyslogTestSupport.decode(LENIENT,
            "<134>1 1710496800.551234 MR42 events type=association radio='1' vap='0' channel='36' rssi='45'");
        assertEquals("2024-03-15T10:00:00.551234Z", text(events, "timestamp"));
        assertEquals("36", events.get("kv").get("channel").asText());
        assertEquals("invalid timestamp", text(SyslogTestSupport.decode(STRICT, flows), "reason"));
    }

    @Test
    void shouldParseLinuxDaemons()
    {
        final JsonNode systemd = SyslogTestSupport.decode(STRICT, "<30>Mar 15 10:00:00 web1 systemd[1]: Started Session 42 of user ops.");
        assertEquals("rfc3164", text(systemd, "dialect"));
        assertEquals("systemd", text(systemd, "appName"));
        assertEquals("1", text(systemd, "procId"));
        assertEquals("Started Session 42 of user ops.", text(systemd, "message"));
        final JsonNode sshd = SyslogTestSupport.decode(STRICT,
            "<38>Mar 15 10:00:00 web1 sshd[4242]: Accepted publickey for ops from 10.1.1.20 port 52113 ssh2: ED25519 SHA256:abc");
        assertEquals("sshd", text(sshd, "appName"));
        assertEquals("Accepted publickey for ops from 10.1.1.20 port 52113 ssh2: ED25519 SHA256:abc", text(sshd, "message"));
        final JsonNode kernel = SyslogTestSupport.decode(STRICT, "<4>Mar 15 10:00:00 web1 kernel: [12345.678901] eth0: link up");
        assertEquals("kernel", text(kernel, "appName"));
        assertEquals("[12345.678901] eth0: link up", text(kernel, "message"));
        final JsonNode local = SyslogTestSupport.decode(STRICT, "<85>Mar 15 10:00:00 sudo: ops : TTY=pts/0 ; PWD=/home/ops ; USER=root");
        assertNull(text(local, "hostname"));
        assertEquals("sudo", text(local, "appName"));
        final JsonNode cron = SyslogTestSupport.decode(STRICT, "<78>Mar  5 10:00:00 web1 CRON[999]: (root) CMD (true)");
        assertEquals("CRON", text(cron, "appName"));
        assertEquals("2026-03-05T10:00:00Z", text(cron, "timestamp"));
    }

    @Test
    void shouldFlagMissingPriAndAcceptIsoTimestampsInLenientModeOnly()
    {
        final JsonNode r = SyslogTestSupport.decode(LENIENT, "Mar 15 10:00:00 web1 app: hello");
        assertEquals(1, r.get("facility").asInt());
        assertEquals(5, r.get("severity").asInt());
        assertTrue(r.get("priMissing").asBoolean());
        assertEquals("web1", text(r, "hostname"));
        final JsonNode strict = SyslogTestSupport.decode(STRICT, "Mar 15 10:00:00 web1 app: hello");
        assertEquals("invalid pri", text(strict, "reason"));
        assertEquals(1, strict.get("column").asInt());
        final String iso = "<28>2019-12-02T16:49:23+02:00 host app[23410]: Test";
        assertEquals("rfc3164-iso8601", text(SyslogTestSupport.decode(LENIENT, iso), "dialect"));
        assertEquals("invalid timestamp", text(SyslogTestSupport.decode(STRICT, iso), "reason"));
        assertEquals("invalid timestamp", text(SyslogTestSupport.decode(STRICT, "<13>Aug 7 06:30:00 h a: x"), "reason"));
        assertEquals("empty message", text(SyslogTestSupport.decode(LENIENT, "\r\n"), "reason"));
        assertEquals("invalid pri", text(SyslogTestSupport.decode(LENIENT, "<abc> x"), "reason"));
    }
}
