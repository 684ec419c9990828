package io.nocraven.codec.snmp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code --snmp-users} file: YAML, JSON, the fixture's credentials.json shape, and precise errors. */
class SnmpUsersTest
{
    @TempDir
    Path dir;

    private Path write(final String name, final String text) throws IOException
    {
        final Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void shouldLoadYaml() throws IOException
    {
        final List<SnmpUser> users = SnmpUsers.load(write("users.yaml", """
            - user: ciscoUser
              engineId: 800000090300AABBCCDDEEFF
              authProtocol: SHA-256
              authPassphrase: auth-pass-1
              privProtocol: AES-256
              privPassphrase: priv-pass-1
              keyExtension: reeder
            - user: anyEngine
              authProtocol: MD5
              authPassphrase: auth-pass-2
            """));
        assertEquals(List.of(
            new SnmpUser("ciscoUser", "800000090300aabbccddeeff", "SHA-256", "auth-pass-1", "AES-256", "priv-pass-1",
                "reeder"),
            new SnmpUser("anyEngine", null, "MD5", "auth-pass-2", "none", null, "blumenthal")), users);
    }

    @Test
    void shouldLoadJsonWithAUsersKey() throws IOException
    {
        final List<SnmpUser> users = SnmpUsers.load(write("users.json",
            "{\"users\": [{\"user\": \"u\", \"authProtocol\": \"none\", \"privProtocol\": \"none\"}]}"));
        assertEquals(1, users.size());
        assertNull(users.get(0).engineId());
    }

    @Test
    void shouldLoadTheFixtureCredentialsFile()
    {
        final List<SnmpUser> users = SnmpTestSupport.fixtureUsers();
        assertEquals(7, users.size());
        assertEquals(new SnmpUser("userSHA512AES192", "80001f888001020304050607", "SHA-512", "authpass-sha512",
            "AES-192", "privpass-aes192", "blumenthal"), users.get(3));
        assertEquals("none", users.get(5).authProtocol());
    }

    @Test
    void shouldNameIndexKeyValueAndExpectationInErrors() throws IOException
    {
        final Path bad = write("bad.yaml", """
            - user: ok
            - user: broken
              authProtocol: SHA-1024
              authPassphrase: whatever-long
            """);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SnmpUsers.load(bad));
        final String m = ex.getMessage();
        assertTrue(m.contains("entry 1") && m.contains("'authProtocol'") && m.contains("'SHA-1024'")
            && m.contains("SHA-512"), m);
    }

    @Test
    void shouldRejectTyposShortPassphrasesBadEngineIdsAndPrivWithoutAuth() throws IOException
    {
        assertMessage("- user: u\n  authProtcol: MD5\n", "key 'authProtcol'");
        assertMessage("- user: u\n  authProtocol: MD5\n  authPassphrase: short\n", "'authPassphrase' is too short");
        assertMessage("- user: u\n  authProtocol: MD5\n", "'authPassphrase' is missing");
        assertMessage("- user: u\n  engineId: xyz\n", "key 'engineId' value 'xyz'");
        assertMessage("- user: u\n  privProtocol: AES\n  privPassphrase: longenough\n", "because authProtocol is none");
        assertMessage("- user: u\n  keyExtension: cisco\n", "key 'keyExtension' value 'cisco' (expected: blumenthal or reeder)");
        assertMessage("- user: u\n  authProtocol: 5\n", "value '5' (expected: a string; quote numbers");
        assertMessage("user: u\n", "expected a list of users");
    }

    private void assertMessage(final String yaml, final String expected) throws IOException
    {
        final Path p = write("t.yaml", yaml);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SnmpUsers.load(p));
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
