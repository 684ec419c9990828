package io.nocraven.bench.snmp;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.snmp.SnmpTrapDecoder;
import io.nocraven.codec.snmp.SnmpUser;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordContext;
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

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SNMP trap decode throughput (operations = datagrams per second) into a {@link CountingRecordWriter}:
 * <ul>
 * <li>{@code v2cTrap}: net-snmp linkDown SNMPv2-Trap, 7 varbinds (fixture snmp_v2c_traps.pcap frame 2);
 *     target from issue 4: at least 300k/s per core;</li>
 * <li>{@code v3AuthPrivTrap}: SHA-1/AES-128 authPriv linkDown trap (fixture snmp_v3_traps_authpriv.pcap frame 1):
 *     HMAC, AES-CFB decryption, then the same decoding (keys cached after the first message); target 50k/s.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SnmpDecodeBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SnmpDecodeBenchmark
{
    private static final String V2C_TRAP = "3081a302010104067075626c6963a78195020474b1c2f702010002010030818630"
        + "0e06082b06010201010300430230393017060a2b06010603010104010006092b0601060301010503300f060a2b060102010202"
        + "010103020103300f060a2b060102010202010703020101300f060a2b0601020102020108030201023012060a2b06010201020201"
        + "02030404657468333014060b2b060102011f010101010304054769302f33";
    private static final String V3_AUTH_PRIV_TRAP = "30820107020103301102044a5028ba020300ffe3040103020103043c303a040c"
        + "80001f8880010203040506070201010203050287040a75736572534841414553040c3dacfadaa4ae7b1fffbf6bc00408f754a0f0"
        + "ab95c1130481b0a5f4e8c36d4b13d9e3f8cee4fe39519792e858768931a02bed8c310ae651a0692defc95f04917b6fa20a4aca8d"
        + "40dabced960b027752dded49a4fbd7ef3fa4778936ef1427e74940b9aa61b0b9a8c6e0409e21ea2463509d814440460527b90f7f"
        + "2e25bf922428350abb63e0c29aad50ddd835dd869af2a82974ff303ce2a6b7906630167da6966cc9f81160a570fe2d6fcb7fbc34"
        + "9f4b65ef25873b9c31d381072b14a82843169dafaf0f341be7c2f5";

    private final CountingRecordWriter out = new CountingRecordWriter();
    private final RecordContext context = new RecordContext();
    private byte[] v2c;
    private byte[] v3;
    private SnmpTrapDecoder decoder;

    /** Builds the decoder (with the fixture's userSHAAES) and checks both inputs decode. */
    @Setup
    public void setUp()
    {
        v2c = HexFormat.of().parseHex(V2C_TRAP);
        v3 = HexFormat.of().parseHex(V3_AUTH_PRIV_TRAP);
        context.set(new byte[] {127, 0, 0, 1}, 0, 4, 40000, "udp/162", 0L);
        decoder = new SnmpTrapDecoder(CodecOptions.builder().snmpUsers(List.of(new SnmpUser("userSHAAES",
            "80001f888001020304050607", "SHA", "authpass-sha1", "AES", "privpass-aes128", null))).build());
        if (v2cTrap() != DecodeStatus.OK || v3AuthPrivTrap() != DecodeStatus.OK)
        {
            throw new IllegalStateException("benchmark inputs do not decode");
        }
    }

    /**
     * @return the status (consumed by JMH).
     */
    @Benchmark
    public DecodeStatus v2cTrap()
    {
        return decoder.decode(context, v2c, 0, v2c.length, out);
    }

    /**
     * @return the status (consumed by JMH).
     */
    @Benchmark
    public DecodeStatus v3AuthPrivTrap()
    {
        return decoder.decode(context, v3, 0, v3.length, out);
    }
}
