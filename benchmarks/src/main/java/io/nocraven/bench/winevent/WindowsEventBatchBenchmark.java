package io.nocraven.bench.winevent;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.winevent.IngestResult;
import io.nocraven.codec.winevent.WindowsEventDecoder;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Windows event HTTP body decoding: one body of {@value #EVENTS} copies of a Security 4624 event (the corpus
 * sample, resources beside this class) per dialect, as a JSON array or as NDJSON, decoded into a
 * {@link CountingRecordWriter}. The score is events per second (issue target: at least 100k events/s per core).
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar WindowsEventBatchBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WindowsEventBatchBenchmark
{
    /** Events per body. */
    public static final int EVENTS = 100;

    /** The shipper dialect of the events. */
    @Param({"winlogbeat", "nxlog", "powershell"})
    public String dialect;

    /** How the body frames the events. */
    @Param({"array", "ndjson"})
    public String framing;

    private final CountingRecordWriter out = new CountingRecordWriter();
    private final RecordContext context = new RecordContext().set(new byte[] {10, 0, 0, 5}, 0, 4, 50_000, "http/8084", 0L);
    private WindowsEventDecoder decoder;
    private byte[] body;
    private String contentType;

    /** Builds the body and the decoder (the NXLog sample is in agent time UTC-05:00). */
    @Setup
    public void setUp()
    {
        final String event = load("4624-" + dialect + ".json").trim();
        final boolean ndjson = framing.equals("ndjson");
        final StringBuilder sb = new StringBuilder(EVENTS * (event.length() + 2));
        sb.append(ndjson ? "" : "[");
        for (int i = 0; i < EVENTS; i++)
        {
            if (i > 0)
            {
                sb.append(ndjson ? "\n" : ",");
            }
            sb.append(event);
        }
        sb.append(ndjson ? "\n" : "]");
        body = sb.toString().getBytes(StandardCharsets.UTF_8);
        contentType = ndjson ? "application/x-ndjson" : "application/json";
        decoder = new WindowsEventDecoder(CodecOptions.builder().timezone(ZoneOffset.ofHours(-5)).build());
        final IngestResult check = decoder.decodeBody(context, body, 0, body.length, contentType, null, out);
        if (check.accepted() != EVENTS)
        {
            throw new IllegalStateException("benchmark body decodes to " + check + " (expected: " + EVENTS + " accepted)");
        }
    }

    /**
     * @return the result (consumed by JMH).
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public IngestResult decodeBatch()
    {
        out.reset();
        return decoder.decodeBody(context, body, 0, body.length, contentType, null, out);
    }

    private static String load(final String name)
    {
        try (InputStream in = WindowsEventBatchBenchmark.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new IllegalStateException("benchmark resource " + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
