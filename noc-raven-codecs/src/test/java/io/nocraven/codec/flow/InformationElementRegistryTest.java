package io.nocraven.codec.flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Names and types from the bundled IANA/vendor data and from a user mapping file.
 */
class InformationElementRegistryTest
{
    private final InformationElementRegistry registry = InformationElementRegistry.standard();

    @Test
    void shouldNameIanaReverseVendorAndUnknownElements()
    {
        assertEquals("octetDeltaCount(0/1, unsigned64)", registry.ipfix(0, 1).toString());
        assertEquals("reverseOctetDeltaCount(29305/1, unsigned64)", registry.ipfix(29305, 1).toString());
        assertEquals("ie32000(0/32000, octetArray)", registry.ipfix(0, 32000).toString());
        assertEquals("pen99999_7(99999/7, octetArray)", registry.ipfix(99999, 7).toString());
        assertEquals("ie65(0/65, octetArray)", registry.ipfix(0, 65).toString(), "reserved for NetFlow v9 in IPFIX");
    }

    @Test
    void shouldNameNetFlowV9TypesIncludingVendorTypes()
    {
        assertEquals("sourceIPv4Address(0/8, ipv4Address)", registry.netflowV9(8).toString());
        assertEquals("NF_F_FW_EXT_EVENT(0/33002, unsigned64)", registry.netflowV9(33002).toString());
        assertEquals("NF_F_USERNAME(0/40000, string)", registry.netflowV9(40000).toString());
        assertEquals("NF_F_XLATE_SRC_ADDR_84(0/40001, ipv4Address)", registry.netflowV9(40001).toString());
        assertEquals("ie65000(0/65000, octetArray)", registry.netflowV9(65000).toString());
    }

    @Test
    void shouldAddAndOverrideNamesFromAMappingFile(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("mapping.json");
        Files.writeString(file, "{\"elements\":[{\"enterpriseNumber\":99999,\"id\":7,\"name\":\"venueZone\",\"type\":\"string\"},"
            + "{\"id\":1,\"name\":\"bytes\",\"type\":\"unsigned64\"}],"
            + "\"netflowV9\":[{\"id\":65000,\"name\":\"fwRule\",\"type\":\"unsigned32\"}]}");
        final InformationElementRegistry mapped = registry.withMappingFile(file);

        assertEquals("venueZone(99999/7, string)", mapped.ipfix(99999, 7).toString());
        assertEquals("bytes(0/1, unsigned64)", mapped.ipfix(0, 1).toString());
        assertEquals("fwRule(0/65000, unsigned32)", mapped.netflowV9(65000).toString());
        assertEquals("octetDeltaCount(0/1, unsigned64)", registry.ipfix(0, 1).toString(), "the standard registry is unchanged");
    }

    @Test
    void shouldNameTheKeyAndValueOfABadMappingEntry(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("mapping.json");
        Files.writeString(file, "{\"elements\":[{\"id\":7,\"name\":\"x\",\"type\":\"unsigned7\"}]}");

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry.withMappingFile(file));
        assertEquals("flow mapping file " + file + ": elements[].type = \"unsigned7\" (expected: an IANA abstract data type such as "
            + "unsigned32, string, ipv4Address)", ex.getMessage());
    }
}
