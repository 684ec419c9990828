package io.nocraven.bench.flow;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.ipfix.IpfixDecoder;
import io.nocraven.codec.netflow.v9.NetFlowV9Decoder;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * NetFlow v9 and IPFIX decode throughput in records per second (one operation = one record; a data packet holds
 * {@link FlowBenchmarkInput#RECORDS_PER_PACKET}), one thread, templates already known (the steady state):
 * <ul>
 *   <li>{@code decode}: into {@link CountingRecordWriter} (decoding only; with {@code -prof gc} the
 *   {@code gc.alloc.rate.norm} shows the per-record allocation of the decode path);</li>
 *   <li>{@code decodeToJson}: into {@link JsonRecordWriter} with a consumer that discards the lines, so the cost of
 *   the JSON output path is known separately.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar FlowDecodeBenchmark -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlowDecodeBenchmark
{
    /** The protocol decoded. */
    @Param({"netflow-v9", "ipfix"})
    public String protocol;

    private DatagramDecoder decoder;
    private byte[] data;
    private final CountingRecordWriter counting = new CountingRecordWriter();
    private RecordWriter json;
    private int sequenceOffset;
    private int sequenceStep;
    private int sequence;

    /** Creates the decoder and feeds it the template. */
    @Setup
    public void setUp(final Blackhole blackhole)
    {
        final boolean v9 = "netflow-v9".equals(protocol);
        decoder = v9 ? new NetFlowV9Decoder(CodecOptions.defaults()) : new IpfixDecoder(CodecOptions.defaults());
        final List<byte[]> packets = v9 ? FlowBenchmarkInput.netflowV9() : FlowBenchmarkInput.ipfix();
        json = new JsonRecordWriter((kind, line) -> blackhole.consume(line.byteLength()));
        final byte[] template = packets.get(0);
        decoder.decode(FlowBenchmarkInput.CONTEXT, template, 0, template.length, counting);
        data = packets.get(1);
        sequenceOffset = v9 ? 12 : 8;
        sequenceStep = v9 ? 1 : FlowBenchmarkInput.RECORDS_PER_PACKET;
        sequence = v9 ? 1 : 0;
    }

    /** Advances the header's sequence number as an exporter would, so no sequence gap is reported. */
    private void nextSequence()
    {
        data[sequenceOffset] = (byte)(sequence >>> 24);
        data[sequenceOffset + 1] = (byte)(sequence >>> 16);
        data[sequenceOffset + 2] = (byte)(sequence >>> 8);
        data[sequenceOffset + 3] = (byte)sequence;
        sequence += sequenceStep;
    }

    /**
     * @return records written so far (consumed so the work is not eliminated).
     */
    @Benchmark
    @OperationsPerInvocation(FlowBenchmarkInput.RECORDS_PER_PACKET)
    public long decode()
    {
        nextSequence();
        decoder.decode(FlowBenchmarkInput.CONTEXT, data, 0, data.length, counting);
        return counting.total();
    }

    /**
     * @return the decoder's status ordinal.
     */
    @Benchmark
    @OperationsPerInvocation(FlowBenchmarkInput.RECORDS_PER_PACKET)
    public int decodeToJson()
    {
        nextSequence();
        return decoder.decode(FlowBenchmarkInput.CONTEXT, data, 0, data.length, json).ordinal();
    }
}
