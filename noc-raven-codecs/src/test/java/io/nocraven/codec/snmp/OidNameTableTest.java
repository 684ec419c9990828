package io.nocraven.codec.snmp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OID names: longest prefix plus instance, exact matches for trap names, user files. */
class OidNameTableTest
{
    @TempDir
    Path dir;

    private static String name(final OidNameTable t, final String berHex, final boolean exact)
    {
        final byte[] b = SnmpTestSupport.hex(berHex);
        final StringBuilder sb = new StringBuilder();
        return t.appendName(sb, b, 0, b.length, exact) ? sb.toString() : null;
    }

    @Test
    void shouldNameStandardTrapsAndInstances()
    {
        final OidNameTable t = OidNameTable.standard();
        assertEquals("coldStart", name(t, "2b0601060301010501", true));
        assertEquals("ifIndex.3", name(t, "2b06010201020201010" + "3", false));
        assertEquals("ifName.3", name(t, "2b060102011f0101010103", false));
        assertEquals("entConfigChange", name(t, "2b060102012f020001", true));
        assertEquals("sysUpTime.0", name(t, "2b06010201010300", false));
        assertEquals(null, name(t, "2b06010201020201010" + "3", true));
        assertEquals(null, name(t, "2b0601040181c0", false));
        assertEquals(null, name(OidNameTable.empty(), "2b0601060301010501", true));
    }

    @Test
    void shouldAddAndOverrideNamesFromAUserFile() throws IOException
    {
        final Path f = dir.resolve("names.txt");
        Files.writeString(f, "# vendor\n.1.3.6.1.4.1.9.9.41.2.0.1 clogMessageGenerated\n1.3.6.1.6.3.1.1.5.1 = boot\n");
        final OidNameTable t = OidNameTable.standard().withFile(f);
        assertEquals("clogMessageGenerated", name(t, "2b06010401090929020001", true));
        assertEquals("boot", name(t, "2b0601060301010501", true));
        assertEquals("coldStart", name(OidNameTable.standard(), "2b0601060301010501", true));
    }

    @Test
    void shouldNameTheLineOfABadUserFile() throws IOException
    {
        final Path f = dir.resolve("bad.txt");
        Files.writeString(f, "1.3.6.1.4.1.9 cisco\nifIndex 1.3.6.1.2.1.2.2.1.1\n");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> OidNameTable.standard().withFile(f));
        assertTrue(ex.getMessage().contains("line 2"), ex.getMessage());
    }
}
