package io.nocraven.bench.capture;

import io.nocraven.core.capture.CaptureReader;
import io.nocraven.core.capture.LinkType;
import io.nocraven.core.capture.PacketHandler;
import io.nocraven.core.capture.PcapWriter;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reading an in-memory Ethernet pcap of 10,000 UDP datagrams (NetFlow-sized, 1,400 bytes) from 16 exporters:
 * frames per second of the pcap parser, link layer, IPv4/IPv6 and UDP dissection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CaptureReaderBenchmark
{
    private static final int DATAGRAMS = 10_000;

    @Param({"ipv4", "ipv6"})
    private String family;

    private byte[] capture;

    /**
     * Builds the capture.
     *
     * @throws IOException never (in-memory stream).
     */
    @Setup
    public void setUp() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final byte[] payload = new byte[1400];
        final String collectorHost = "ipv4".equals(family) ? "192.0.2.250" : "2001:db8::fa";
        final InetSocketAddress collector = new InetSocketAddress(InetAddress.getByName(collectorHost), 2055);
        try (PcapWriter writer = new PcapWriter(out, LinkType.ETHERNET, false))
        {
            for (int i = 0; i < DATAGRAMS; i++)
            {
                final String host = "ipv4".equals(family) ? "192.0.2." + (1 + i % 16) : "2001:db8::" + (1 + i % 16);
                payload[0] = (byte)i;
                writer.writeUdp(1_700_000_000_000_000_000L + i * 1000L, new InetSocketAddress(InetAddress.getByName(host), 40_000),
                    collector, payload, 0, payload.length);
            }
        }
        capture = out.toByteArray();
    }

    /**
     * @param bh consumes every datagram.
     * @return the number of datagrams read.
     * @throws IOException never (valid capture).
     */
    @Benchmark
    @OperationsPerInvocation(DATAGRAMS)
    public long readUdp(final Blackhole bh) throws IOException
    {
        return CaptureReader.read(capture, Path.of("bench.pcap"), new PacketHandler()
        {
            @Override
            public void onUdp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
                final int length)
            {
                bh.consume(data[offset]);
            }

            @Override
            public void onTcp(final long ts, final InetSocketAddress src, final InetSocketAddress dst, final byte[] data, final int offset,
                final int length)
            {
                bh.consume(length);
            }
        }).udpDatagrams();
    }
}
