package io.nocraven.bench.flow;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.netflow.v5.NetFlowV5Decoder;
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
 * NetFlow v5 decode throughput in records per second (one export packet of 30 records per invocation), into a
 * {@link CountingRecordWriter} (decode cost only) and into a {@link JsonRecordWriter} (decode plus JSON text).
 * Run with {@code -prof gc} to see {@code gc.alloc.rate.norm}; the steady-state decode path should allocate ~0 B/op.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar NetFlowV5DecodeBenchmark -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NetFlowV5DecodeBenchmark
{
    private static final int RECORDS = 30;

    private final NetFlowV5Decoder decoder = new NetFlowV5Decoder(CodecOptions.defaults());
    private final RecordContext context = new RecordContext();
    private final CountingRecordWriter counting = new CountingRecordWriter();
    private byte[] packet;
    private JsonRecordWriter json;
    private Blackhole blackhole;

    /**
     * Builds a 30-record export packet (varied addresses, ports and counters) and the writers.
     *
     * @param bh JMH's blackhole, consuming each JSON line's length.
     */
    @Setup
    public void setUp(final Blackhole bh)
    {
        this.blackhole = bh;
        this.json = new JsonRecordWriter((kind, line) -> blackhole.consume(line.byteLength()));
        context.set(new byte[] {127, 0, 0, 1}, 0, 4, 40000, "udp/2055", 1_700_000_000_000_000_000L);
        final ByteBuffer b = ByteBuffer.allocate(24 + 48 * RECORDS);
        b.putShort((short)5).putShort((short)RECORDS).putInt(3_600_000).putInt(1_700_000_000).putInt(123_456_789)
            .putInt(1000).put((byte)0).put((byte)1).putShort((short)0);
        for (int i = 0; i < RECORDS; i++)
        {
            b.putInt(0x0A000000 | i).putInt(0xC6336400 | (i * 7 & 0xFF)).putInt(0).putShort((short)3)
                .putShort((short)4).putInt(10 + i).putInt(1500 * (10 + i)).putInt(3_500_000 + i * 100)
                .putInt(3_599_000 + i).putShort((short)(40000 + i)).putShort((short)443).put((byte)0)
                .put((byte)0x1B).put((byte)6).put((byte)0).putShort((short)64500).putShort((short)64501)
                .put((byte)24).put((byte)24).putShort((short)0);
        }
        packet = b.array();
    }

    /**
     * @return the decode status (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public DecodeStatus decodeRecords()
    {
        return decoder.decode(context, packet, 0, packet.length, counting);
    }

    /**
     * @return the decode status (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public DecodeStatus decodeRecordsToJson()
    {
        return decoder.decode(context, packet, 0, packet.length, json);
    }
}
