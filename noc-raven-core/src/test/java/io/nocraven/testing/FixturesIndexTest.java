package io.nocraven.testing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixturesIndexTest
{
    private static final Path ROOT = Path.of("src/test/resources/fixtures");

    @Test
    void shouldListEveryFixtureFileInTheIndex() throws IOException
    {
        final List<String> files;
        try (Stream<Path> walk = Files.walk(ROOT))
        {
            files = walk.filter(Files::isRegularFile)
                .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
                .filter(p -> !p.equals("INDEX.txt"))
                .sorted()
                .collect(Collectors.toList());
        }
        assertEquals(files, Fixtures.index(), "regenerate src/test/resources/fixtures/INDEX.txt: the list should be\n"
            + String.join("\n", files));
    }

    @Test
    void shouldListAFolderByFileEnding()
    {
        final List<String> v5 = Fixtures.list("/fixtures/netflow", ".pcap");
        assertTrue(v5.contains("/fixtures/netflow/softflowd_v5.pcap"), v5.toString());
        assertTrue(v5.stream().allMatch(p -> p.startsWith("/fixtures/netflow/") && p.endsWith(".pcap")), v5.toString());
        assertEquals(21, v5.size(), "ls fixtures/netflow/*.pcap | wc -l");
        assertEquals(List.of("/fixtures/capture/logger_rfc5424_tcp_octet.pcapng", "/fixtures/capture/merged_two_interfaces.pcapng",
            "/fixtures/capture/softflowd_v9.pcapng"), Fixtures.list("/fixtures/capture/", ".pcapng"));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.list("/fixtures/netflw", ".pcap"));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.bytes("/fixtures/missing.pcap"));
    }
}
