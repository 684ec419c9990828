package io.nocraven.bench.capture;

import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.Protocol;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Writing one record as a JSON line: an IPFIX-shaped flow record (envelope, header object, 14 fields of every value
 * type), and a syslog record whose text fields (timestamp, hostname, app name, a 200-byte message) are written from
 * the datagram's bytes with {@code utf8Value}, as the syslog decoder does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JsonRecordWriterBenchmark
{
    private final byte[] v6 = {0x20, 0x01, 0x0d, (byte)0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private final byte[] mac = {0, 0x1b, 0x21, 0x3a, 0x4b, 0x5c};
    private final byte[] message = "flow \"export\" from edge-1 é".getBytes(StandardCharsets.UTF_8);
    private final byte[] datagram = ("<189>1 2024-03-15T10:00:02.087Z edge-sw-01.venue.example sshd 4123 - - "
        + "Accepted publickey for netops from 192.0.2.17 port 52114 ssh2: ED25519 SHA256:Zm9vYmFyYmF6cXV4cXV1eGNvcmdl "
        + "\"session opened\" tty=pts/3 cwd=/home/netops cmd=show interfaces status vlan 120 uplink=Te1/0/48")
        .getBytes(StandardCharsets.UTF_8);
    private final RecordContext context = new RecordContext();
    private JsonRecordWriter writer;
    private JsonRecordWriter archiveWriter;
    private Blackhole blackhole;

    /**
     * @param bh receives every line's length in bytes.
     */
    @Setup
    public void setUp(final Blackhole bh)
    {
        blackhole = bh;
        writer = new JsonRecordWriter((kind, line) -> blackhole.consume(line.byteLength()));
        // What the JSONL archive forwarder does with a line: its UTF-8 bytes into a 256 KiB buffered stream.
        final OutputStream archive = new BufferedOutputStream(OutputStream.nullOutputStream(), 256 * 1024);
        archiveWriter = new JsonRecordWriter((kind, line) ->
        {
            try
            {
                line.writeTo(archive);
                archive.write('\n');
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
        context.set(new byte[] {(byte)192, 0, 2, 1}, 0, 4, 4739, "ipfix-udp", 1_710_496_802_087_825_000L);
    }

    /** Writes one record. */
    @Benchmark
    public void flowRecord()
    {
        final JsonRecordWriter w = writer;
        w.beginRecord(RecordKind.FLOW, Protocol.IPFIX, context);
        w.name("header").startObject();
        w.field("version", 10);
        w.field("sequenceNumber", 123_456);
        w.field("observationDomainId", 1);
        w.timestampMillisField("exportTime", 1_710_496_802_000L);
        w.endObject();
        w.name("fields").startObject();
        w.name("sourceIPv4Address").ipv4Value(0x0A000001);
        w.name("destinationIPv6Address").ipv6Value(v6, 0);
        w.name("sourceMacAddress").macValue(mac, 0);
        w.field("sourceTransportPort", 443);
        w.field("destinationTransportPort", 51_515);
        w.field("protocolIdentifier", 6);
        w.name("octetDeltaCount").unsignedLongValue(-2L);
        w.name("packetDeltaCount").unsignedLongValue(1234);
        w.name("flowStartMilliseconds").timestampValue(1_710_496_800L, 123_000_000, 3);
        w.name("flowEndMicroseconds").timestampValue(1_710_496_801L, 123_456_000, 6);
        w.name("ie999").hexValue(mac, 0, 6);
        w.name("interfaceDescription").utf8Value(message, 0, message.length);
        w.field("applicationName", "https");
        w.name("ratio").doubleValue(0.25);
        w.endObject();
        w.endRecord();
    }

    /** Writes one syslog record whose message (202 bytes, two quotes to escape) comes from the datagram's bytes. */
    @Benchmark
    public void syslogRecord()
    {
        syslog(writer);
    }

    /** {@link #syslogRecord()}, then the line goes where the archive forwarder puts it (a buffered byte stream). */
    @Benchmark
    public void syslogRecordToArchive()
    {
        syslog(archiveWriter);
    }

    private void syslog(final JsonRecordWriter w)
    {
        final byte[] d = datagram;
        w.beginRecord(RecordKind.SYSLOG, Protocol.RFC5424, context);
        w.field("facility", 23);
        w.field("severity", 5);
        w.field("version", 1);
        w.name("timestamp").utf8Value(d, 7, 24);
        w.name("hostname").utf8Value(d, 32, 24);
        w.name("appName").utf8Value(d, 57, 4);
        w.name("procId").utf8Value(d, 62, 4);
        w.name("msgId").nullValue();
        w.name("structuredData").nullValue();
        w.name("message").utf8Value(d, 71, d.length - 71);
        w.field("dialect", "rfc5424");
        w.endRecord();
    }
}
