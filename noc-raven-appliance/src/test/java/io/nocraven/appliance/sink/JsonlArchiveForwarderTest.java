package io.nocraven.appliance.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdInputStream;
import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class JsonlArchiveForwarderTest
{
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "gzip"})
    void shouldRotateBySizeCompressRotatedFilesAndKeepEveryLine(final String compression) throws Exception
    {
        final String suffix = "zstd".equals(compression) ? ".jsonl.zst" : ".jsonl.gz";
        final ForwarderConfig.Archive cfg = new ForwarderConfig.Archive(true, dir, List.of("syslog-udp"), 4096, 3600,
            compression);
        final RecordContext ctx = new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 5000, "syslog-udp", 0);
        final JsonlArchiveForwarder f = new JsonlArchiveForwarder(cfg);
        assertTrue(f.accepts(ListenerType.SYSLOG_UDP));
        assertEquals(false, f.accepts(ListenerType.NETFLOW_UDP));
        final int n = 300;
        for (int i = 0; i < n; i++)
        {
            f.onRecord(ListenerType.SYSLOG_UDP, RecordKind.SYSLOG, ctx, "{\"n\":" + i + ",\"pad\":\"" + "x".repeat(40)
                + "\"}");
            f.onBatchEnd();
        }
        f.close();
        final List<String> lines = new ArrayList<>();
        int gz = 0;
        try (Stream<Path> files = Files.list(dir))
        {
            for (final Path p : files.sorted().toList())
            {
                if (p.toString().endsWith(suffix))
                {
                    gz++;
                    try (InputStream in = "zstd".equals(compression) ? new ZstdInputStream(Files.newInputStream(p))
                        : new GZIPInputStream(Files.newInputStream(p)))
                    {
                        lines.addAll(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
                    }
                }
                else
                {
                    assertTrue(p.toString().endsWith(".jsonl"), p.toString());
                    lines.addAll(Files.readAllLines(p));
                }
            }
        }
        // 300 lines of 62 bytes = 18600 bytes: rotated at 4096 -> 5 files, the first 4 compressed.
        assertEquals(4, gz);
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++)
        {
            assertTrue(lines.get(i).startsWith("{\"n\":" + i + ","), lines.get(i));
        }
        assertEquals(n, f.status().sent());
    }
}
