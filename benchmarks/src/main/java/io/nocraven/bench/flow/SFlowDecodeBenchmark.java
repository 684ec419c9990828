package io.nocraven.bench.flow;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.sflow.SFlowDecoder;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.ByteBuffer;

/**
 * sFlow v5 decode throughput in samples per second: one 1440-byte datagram of 6 flow samples (extended switch record + a
 * 128-byte raw header: Ethernet, 802.1Q, IPv4, TCP) and 1 generic-interface counters sample per invocation, into a
 * {@link CountingRecordWriter} (decode and packet dissection only) and into a {@link JsonRecordWriter}.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar SFlowDecodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SFlowDecodeBenchmark
{
    private static final int FLOW_SAMPLES = 6;
    private static final int SAMPLES = FLOW_SAMPLES + 1;
    private static final int HEADER_BYTES = 128;

    private final SFlowDecoder decoder = new SFlowDecoder(CodecOptions.defaults());
    private final RecordContext context = new RecordContext();
    private final CountingRecordWriter counting = new CountingRecordWriter();
    private byte[] datagram;
    private JsonRecordWriter json;
    private Blackhole blackhole;

    /**
     * Builds the datagram and the writers.
     *
     * @param bh JMH's blackhole, consuming each JSON line's length.
     */
    @Setup
    public void setUp(final Blackhole bh)
    {
        this.blackhole = bh;
        this.json = new JsonRecordWriter((kind, line) -> blackhole.consume(line.byteLength()));
        context.set(new byte[] {127, 0, 0, 1}, 0, 4, 40000, "udp/6343", 1_700_000_000_000_000_000L);
        final ByteBuffer b = ByteBuffer.allocate(1500);
        b.putInt(5).putInt(1).putInt(0xC0000201).putInt(0).putInt(42).putInt(3_600_000).putInt(SAMPLES);
        for (int s = 0; s < FLOW_SAMPLES; s++)
        {
            b.putInt(1).putInt(32 + 8 + 16 + 8 + 16 + HEADER_BYTES);
            b.putInt(s).putInt(3).putInt(256).putInt(256 * s).putInt(0).putInt(3).putInt(4).putInt(2);
            b.putInt(1001).putInt(16).putInt(100).putInt(0).putInt(200).putInt(0);
            b.putInt(1).putInt(16 + HEADER_BYTES).putInt(1).putInt(1518).putInt(4).putInt(HEADER_BYTES);
            b.put(header(s));
        }
        b.putInt(2).putInt(12 + 8 + 88).putInt(1).putInt(3).putInt(1).putInt(1).putInt(88);
        for (int i = 0; i < 22; i++)
        {
            b.putInt(i);
        }
        datagram = new byte[b.position()];
        b.flip();
        b.get(datagram);
    }

    private static byte[] header(final int s)
    {
        final ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
        h.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2}).putShort((short)0x8100).putShort((short)100)
            .putShort((short)0x0800);
        h.putInt(0x45000000 | 1500).putInt(0x12344000).putInt(0x40060000).putInt(0x0A000001 + s).putInt(0xC6336401);
        h.putShort((short)(40000 + s)).putShort((short)443).putInt(1).putInt(2).putShort((short)0x5010)
            .putShort((short)512).putInt(0);
        return h.array();
    }

    /**
     * @return the decode status (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public DecodeStatus decodeSamples()
    {
        return decoder.decode(context, datagram, 0, datagram.length, counting);
    }

    /**
     * @return the decode status (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(SAMPLES)
    public DecodeStatus decodeSamplesToJson()
    {
        return decoder.decode(context, datagram, 0, datagram.length, json);
    }
}
