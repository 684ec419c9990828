package io.nocraven.bench.flow;

import io.nocraven.core.record.RecordContext;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark input: a template datagram and data datagrams of one exporter, built in memory (so the benchmarks need no
 * capture files): NetFlow v9 and IPFIX packets with 30 IPv4 flow records each, the layout softflowd exports
 * (addresses, sysUpTime times, counters, interfaces, ports, protocol, flags).
 */
final class FlowBenchmarkInput
{
    /** Records in each data packet. */
    static final int RECORDS_PER_PACKET = 30;

    static final RecordContext CONTEXT = new RecordContext().set(new byte[] {(byte)192, 0, 2, 1}, 0, 4, 40000, "udp/2055", 0);

    private static final int[][] FIELDS = {
        {8, 4}, {12, 4}, {22, 4}, {21, 4}, {1, 8}, {2, 8}, {10, 4}, {14, 4}, {61, 1}, {136, 1}, {7, 2}, {11, 2}, {4, 1},
        {6, 1}, {60, 1}, {5, 1},
    };

    private FlowBenchmarkInput()
    {
    }

    private static int recordLength()
    {
        int n = 0;
        for (final int[] f : FIELDS)
        {
            n += f[1];
        }
        return n;
    }

    /** @return the NetFlow v9 template packet, then a data packet. */
    static List<byte[]> netflowV9()
    {
        final List<byte[]> packets = new ArrayList<>();
        final ByteBuffer t = ByteBuffer.allocate(20 + 8 + FIELDS.length * 4);
        v9Header(t, 1, 0);
        t.putShort((short)0).putShort((short)(8 + FIELDS.length * 4)).putShort((short)1024).putShort((short)FIELDS.length);
        for (final int[] f : FIELDS)
        {
            t.putShort((short)f[0]).putShort((short)f[1]);
        }
        packets.add(t.array());
        final ByteBuffer d = ByteBuffer.allocate(20 + 4 + RECORDS_PER_PACKET * recordLength());
        v9Header(d, RECORDS_PER_PACKET, 1);
        d.putShort((short)1024).putShort((short)(4 + RECORDS_PER_PACKET * recordLength()));
        records(d);
        packets.add(d.array());
        return packets;
    }

    /** @return the IPFIX template message, then a data message. */
    static List<byte[]> ipfix()
    {
        final List<byte[]> packets = new ArrayList<>();
        final ByteBuffer t = ByteBuffer.allocate(16 + 8 + FIELDS.length * 4);
        ipfixHeader(t, t.capacity(), 0);
        t.putShort((short)2).putShort((short)(8 + FIELDS.length * 4)).putShort((short)1024).putShort((short)FIELDS.length);
        for (final int[] f : FIELDS)
        {
            t.putShort((short)f[0]).putShort((short)f[1]);
        }
        packets.add(t.array());
        final ByteBuffer d = ByteBuffer.allocate(16 + 4 + RECORDS_PER_PACKET * recordLength());
        ipfixHeader(d, d.capacity(), 0);
        d.putShort((short)1024).putShort((short)(4 + RECORDS_PER_PACKET * recordLength()));
        records(d);
        packets.add(d.array());
        return packets;
    }

    private static void v9Header(final ByteBuffer b, final int count, final int sequence)
    {
        b.putShort((short)9).putShort((short)count).putInt(238_211).putInt(1_710_497_038).putInt(sequence).putInt(0);
    }

    private static void ipfixHeader(final ByteBuffer b, final int length, final int sequence)
    {
        b.putShort((short)10).putShort((short)length).putInt(1_710_497_038).putInt(sequence).putInt(0);
    }

    private static void records(final ByteBuffer b)
    {
        for (int r = 0; r < RECORDS_PER_PACKET; r++)
        {
            b.putInt(0x0A010100 + r).putInt(0xCB00717B).putInt(22_906 + r).putInt(27_466 + r).putLong(2257L * (r + 1))
                .putLong(14 + r).putInt(0).putInt(0).put((byte)0).put((byte)3).putShort((short)(54_000 + r))
                .putShort((short)443).put((byte)6).put((byte)26).put((byte)4).put((byte)0);
        }
    }
}
