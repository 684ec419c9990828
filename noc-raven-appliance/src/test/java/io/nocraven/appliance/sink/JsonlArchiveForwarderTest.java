package io.nocraven.appliance.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdInputStream;
import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
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

    @Test
    void shouldWriteTheLinesUtf8BytesAndRotateByBytesNotChars() throws Exception
    {
        final ForwarderConfig.Archive cfg = new ForwarderConfig.Archive(true, dir, List.of("syslog-udp"), 2000, 3600,
            "none");
        final RecordContext ctx = new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 5000, "syslog-udp", 0);
        final JsonlArchiveForwarder f = new JsonlArchiveForwarder(cfg);
        final List<byte[]> expected = new ArrayList<>();
        final JsonRecordWriter writer = new JsonRecordWriter((kind, line) ->
        {
            expected.add(line.toByteArray());
            f.onRecord(ListenerType.SYSLOG_UDP, kind, ctx, line);
        });
        // 100 two-byte chars and a four-byte one per record: about 350 bytes but 250 chars per line.
        final String text = "\u00e9".repeat(100) + "\uD83D\uDE00";
        for (int i = 0; i < 20; i++)
        {
            writer.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424, ctx);
            writer.field("n", i);
            writer.field("message", text);
            writer.endRecord();
            f.onBatchEnd();
        }
        f.onRecord(ListenerType.SYSLOG_UDP, RecordKind.SYSLOG, ctx, "{\"plain\":\"caf\u00e9 \u2603\"}");
        expected.add("{\"plain\":\"caf\u00e9 \u2603\"}".getBytes(StandardCharsets.UTF_8));
        f.close();
        final List<Path> files;
        try (Stream<Path> list = Files.list(dir))
        {
            files = list.sorted().toList();
        }
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (final Path p : files)
        {
            final byte[] content = Files.readAllBytes(p);
            // A file is rotated once it holds rotateBytes or more: never more than one line past the limit.
            assertTrue(content.length < 2000 + 400, p + ": " + content.length + " bytes");
            all.write(content);
        }
        final ByteArrayOutputStream want = new ByteArrayOutputStream();
        for (final byte[] line : expected)
        {
            want.write(line);
            want.write('\n');
        }
        assertArrayEquals(want.toByteArray(), all.toByteArray(), new String(all.toByteArray(), StandardCharsets.UTF_8));
        // 21 lines of ~350 bytes, rotated at 2000 bytes: 6 lines a file, 4 files (counting chars: 9 a file, 3 files).
        assertEquals(4, files.size(), files.toString());
        assertEquals(21, f.status().sent());
    }
}
