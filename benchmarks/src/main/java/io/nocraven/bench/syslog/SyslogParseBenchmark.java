package io.nocraven.bench.syslog;

import com.github.palindromicity.syslog.SyslogParser;
import com.github.palindromicity.syslog.SyslogParserBuilder;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.syslog.SyslogDecoder;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
import org.graylog2.syslog4j.server.impl.event.SyslogServerEvent;
import org.graylog2.syslog4j.server.impl.event.structured.StructuredSyslogServerEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Syslog parse throughput in messages per second: NoC Raven's {@link SyslogDecoder} writing into a
 * {@link CountingRecordWriter} (parse cost without output cost), and, on the same messages, simple-syslog-5424
 * (RFC 5424, ANTLR-based, to a {@code Map}) and syslog4j (Graylog's fork; {@code StructuredSyslogServerEvent} for
 * RFC 5424, {@code SyslogServerEvent} for RFC 3164). Each invocation parses the whole message set once.
 * <p>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SyslogParseBenchmark} (see docs/benchmarks.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyslogParseBenchmark
{
    /** RFC 5424 messages (logger and RFC 5424 §6.5 style), SD and plain. */
    static final String[] RFC5424 = {
        "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" "
            + "eventSource=\"Application\" eventID=\"1011\"] An application event log entry",
        "<34>1 2026-11-26T09:58:29.862231+00:00 vm app1 - MSG1 [timeQuality tzKnown=\"1\" isSynced=\"0\"] rfc5424 udp message 1",
        "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
        "<14>1 2026-11-26T09:58:35.873694+00:00 vm lf5424 - LF [timeQuality tzKnown=\"1\" isSynced=\"0\"][lf@32473 k=\"v\"] line",
    };

    /** RFC 3164 messages (logger, rsyslog, sshd). */
    static final String[] RFC3164 = {
        "<13>Nov 26 09:58:26 vm app1: rfc3164 udp message 1 facility=kern severity=emerg",
        "<38>Mar 15 10:00:00 web1 sshd[4242]: Accepted publickey for ops from 10.1.1.20 port 52113 ssh2",
        "<30>Mar  5 10:00:00 web1 systemd[1]: Started Session 42 of user ops.",
        "<8>Nov 26 09:58:43 vm trad1[1001]: traditional forward 1",
    };

    private final CountingRecordWriter out = new CountingRecordWriter();
    private final RecordContext context = new RecordContext();
    private byte[][] rfc5424Bytes;
    private byte[][] rfc3164Bytes;
    private SyslogDecoder decoder;
    private SyslogParser simpleSyslog;
    private InetAddress address;

    /** Prepares the messages and parsers. */
    @Setup
    public void setup() throws Exception
    {
        rfc5424Bytes = bytes(RFC5424);
        rfc3164Bytes = bytes(RFC3164);
        decoder = new SyslogDecoder(CodecOptions.defaults());
        simpleSyslog = new SyslogParserBuilder().build();
        address = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        context.set(address.getAddress(), 0, 4, 514, "bench", 1_795_687_106_000_000_000L);
    }

    private static byte[][] bytes(final String[] messages)
    {
        final byte[][] b = new byte[messages.length][];
        for (int i = 0; i < messages.length; i++)
        {
            b[i] = messages[i].getBytes(StandardCharsets.UTF_8);
        }
        return b;
    }

    /**
     * @return records counted (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public long nocRavenRfc5424()
    {
        for (final byte[] m : rfc5424Bytes)
        {
            decoder.decode(context, m, 0, m.length, out);
        }
        return out.values();
    }

    /**
     * @return records counted (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public long nocRavenRfc3164()
    {
        for (final byte[] m : rfc3164Bytes)
        {
            decoder.decode(context, m, 0, m.length, out);
        }
        return out.values();
    }

    /**
     * @param bh sink.
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public void simpleSyslog5424Rfc5424(final Blackhole bh)
    {
        for (final String m : RFC5424)
        {
            bh.consume(simpleSyslog.parseLine(m));
        }
    }

    /**
     * @param bh sink.
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public void syslog4jRfc5424(final Blackhole bh)
    {
        for (final byte[] m : rfc5424Bytes)
        {
            bh.consume(new StructuredSyslogServerEvent(m, m.length, address));
        }
    }

    /**
     * @param bh sink.
     */
    @Benchmark
    @OperationsPerInvocation(4)
    public void syslog4jRfc3164(final Blackhole bh)
    {
        for (final byte[] m : rfc3164Bytes)
        {
            bh.consume(new SyslogServerEvent(m, m.length, address));
        }
    }
}
