package io.nocraven.buffer;

import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.segment.SegmentEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Measures the compression ratio of the buffer on real syslog text and real NetFlow/IPFIX bytes from the project's
 * fixtures (core test resources, see their PROVENANCE.md), as stored: each message one record with its 24-byte
 * header, frames of 512 KiB, each corpus used once (repeating a small corpus would let zstd match whole copies and
 * inflate the ratio). Prints the figures used in {@code docs/capacity.md}:
 * {@code mvn -q -o -pl noc-raven-buffer -am test -Dtest=CompressionRatioMeasurementTest
 * -Dsurefire.failIfNoSpecifiedTests=false}, then read
 * {@code noc-raven-buffer/target/surefire-reports/io.nocraven.buffer.CompressionRatioMeasurementTest-output.txt}.
 */
class CompressionRatioMeasurementTest
{
    private static final String F = "/fixtures/";
    private static final String[] SYSLOG_PCAPS = {
        "syslog/logger_rfc3164_udp.pcap", "syslog/logger_rfc5424_udp.pcap", "syslog/rsyslog_fwd_rfc3164_udp.pcap"};
    private static final String[] NETFLOW_PCAPS = {
        "netflow/fprobe_v5.pcap", "netflow/pmacctd_nfprobe_v5.pcap", "netflow/pmacctd_nfprobe_v9.pcap",
        "netflow/pmacctd_nfprobe_v9_full.pcap", "netflow/pmacctd_nfprobe_ipfix.pcap",
        "netflow/pmacctd_nfprobe_ipfix_full.pcap", "netflow/softflowd_ipfix.pcap",
        "corpora/graylog-netflow/nprobe-netflow9-3.pcap", "corpora/graylog-netflow/nprobe-netflow9.pcap",
        "corpora/graylog-netflow/netgraph-netflow5.pcap"};
    private static final String[] SFLOW_PCAPS = {"netflow/pmacctd_sfprobe_rate8.pcap"};

    @TempDir
    Path dir;

    @Test
    void shouldMeasureCompressionOnRealSyslogAndNetflow() throws Exception
    {
        final List<byte[]> syslog = new ArrayList<>();
        for (final String pcap : SYSLOG_PCAPS)
        {
            syslog.addAll(UdpPayloads.fromResource(F + pcap));
        }
        syslog.addAll(jsonInputs(F + "corpora/syslog-3164-gosyslog.jsonl"));
        final List<byte[]> netflow = new ArrayList<>();
        for (final String pcap : NETFLOW_PCAPS)
        {
            netflow.addAll(UdpPayloads.fromResource(F + pcap));
        }
        final List<byte[]> sflow = new ArrayList<>();
        for (final String pcap : SFLOW_PCAPS)
        {
            sflow.addAll(UdpPayloads.fromResource(F + pcap));
        }
        for (final Compression codec : new Compression[] {Compression.ZSTD, Compression.GZIP})
        {
            final double syslogRatio = measure("syslog-" + codec, syslog, codec);
            final double netflowRatio = measure("netflow-" + codec, netflow, codec);
            final double sflowRatio = measure("sflow-" + codec, sflow, codec);
            assertTrue(syslogRatio > 1.5, "syslog ratio " + syslogRatio);
            assertTrue(netflowRatio > 1.2, "netflow ratio " + netflowRatio);
            assertTrue(sflowRatio > 1.2, "sflow ratio " + sflowRatio);
        }
    }

    private double measure(final String name, final List<byte[]> messages, final Compression codec) throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir.resolve(name)).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(StreamConfig.builder("m").segmentLength(16 * 1024 * 1024)
                .compression(codec).build());
            long payloadBytes = 0;
            long timestamp = Records.BASE_TIME;
            for (final byte[] message : messages)
            {
                journal.append(1, timestamp, message, 0, message.length);
                timestamp += 37;
                payloadBytes += message.length;
            }
            journal.sealActiveSegment();
            final SegmentEntry entry = journal.catalog().first();
            buffer.compressor().compress(journal, entry);
            assertTrue(entry.storage() == codec && entry.recordCount() == messages.size());
            final long recordBytes = entry.endOffset() - 64 - 24;
            final long compressed = entry.bytesOnDisk();
            final double ratio = (double)recordBytes / compressed;
            System.out.printf("%s: messages=%d payloadBytes=%d recordBytes=%d compressedFile=%d ratio=%.2f " +
                "(payload/compressed %.2f)%n", name, messages.size(), payloadBytes, recordBytes, compressed, ratio,
                (double)payloadBytes / compressed);
            return ratio;
        }
    }

    private static List<byte[]> jsonInputs(final String resource) throws Exception
    {
        final List<byte[]> result = new ArrayList<>();
        try (InputStream in = CompressionRatioMeasurementTest.class.getResourceAsStream(resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                final String input = jsonString(line, "\"input\": \"");
                if (input != null && !input.isEmpty())
                {
                    result.add(input.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return result;
    }

    /** The JSON string value after {@code key} (which ends with the opening quote), unescaped. */
    private static String jsonString(final String line, final String key)
    {
        final int start = line.indexOf(key);
        if (start < 0)
        {
            return null;
        }
        final StringBuilder out = new StringBuilder();
        for (int i = start + key.length(); i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '"')
            {
                return out.toString();
            }
            if (c != '\\' || i + 1 >= line.length())
            {
                out.append(c);
                continue;
            }
            final char e = line.charAt(++i);
            switch (e)
            {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' ->
                {
                    out.append((char)Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return null;
    }
}
