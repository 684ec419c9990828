package io.nocraven.codec.flow;

import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.RecordKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix of every datagram, and bit flips (every bit of the first 64 octets, then every 13th bit), of every
 * NetFlow v9 / IPFIX capture and raw corpus payload, decoded by one decoder that also sees the intact datagrams in order (so data sets
 * meet real templates): never an exception, always a status, an {@code invalid} status always comes with an
 * invalid record, and every invalid record is counted.
 */
class FlowRobustnessTest
{
    @ParameterizedTest
    @ValueSource(strings = {
        "netflow/softflowd_v9.pcap", "netflow/softflowd_v9_vlan_sampled.pcap", "netflow/softflowd_v9_template_late.pcap",
        "netflow/pmacctd_nfprobe_v9.pcap", "netflow/pmacctd_nfprobe_v9_full.pcap", "netflow/pmacctd_nfprobe_v9_sampled.pcap",
        "netflow/pmacctd_nfprobe_v9_template_late.pcap", "netflow/softflowd_ipfix.pcap", "netflow/softflowd_ipfix_ether.pcap",
        "netflow/softflowd_ipfix_abs_milli.pcap", "netflow/softflowd_ipfix_abs_micro.pcap", "netflow/softflowd_ipfix_abs_nano.pcap",
        "netflow/pmacctd_nfprobe_ipfix.pcap", "netflow/pmacctd_nfprobe_ipfix_full.pcap",
        "netflow/pmacctd_nfprobe_ipfix_sampled.pcap", "netflow/pmacctd_nfprobe_ipfix_template_late.pcap",
        "corpora/graylog-netflow/netflow9.pcap", "corpora/graylog-netflow/pmacctd-netflow9.pcap",
        "corpora/graylog-netflow/nprobe-netflow9-2.pcap", "corpora/graylog-netflow/nprobe-netflow9-4.pcap",
        "corpora/graylog-netflow/netflow-v9-1.dat", "corpora/graylog-netflow/netflow-v9-2-1.dat",
        "corpora/graylog-netflow/netflow-v9-2-2.dat", "corpora/goflow2-vectors/nfv9__TestDecodeNetFlowV9__template.bin",
        "corpora/goflow2-vectors/nfv9__TestDecodeNetFlowV9__data.bin"})
    void shouldAlwaysReturnAStatusForTruncatedAndCorruptedDatagrams(final String capture)
    {
        final List<FlowCaptures.Datagram> datagrams = capture.endsWith(".pcap")
            ? FlowCaptures.udp(FlowCaptures.FIXTURES + capture)
            : List.of(new FlowCaptures.Datagram(new byte[] {10, 0, 0, 1}, 9995, 2055, 0,
                FlowCaptures.resource(FlowCaptures.FIXTURES + capture)));
        final DatagramDecoder decoder = FlowOracleTest.decoderFor(datagrams, FlowOracleTest.fixedClock());
        final CountingRecordWriter out = new CountingRecordWriter();
        for (final FlowCaptures.Datagram d : datagrams)
        {
            final byte[] b = d.payload();
            for (int length = 0; length < b.length; length++)
            {
                check(decoder, d, b, length, out);
            }
            for (int bit = 0; bit < b.length * 8; bit += bit < 512 ? 1 : 13)
            {
                final byte[] flipped = b.clone();
                flipped[bit >>> 3] ^= (byte)(1 << (bit & 7));
                check(decoder, d, flipped, flipped.length, out);
            }
            check(decoder, d, b, b.length, out);
        }
        decoder.finish(out);
        assertEquals(decoder.counters().invalid(), out.count(RecordKind.INVALID));
    }

    private static void check(final DatagramDecoder decoder, final FlowCaptures.Datagram d, final byte[] bytes, final int length,
        final CountingRecordWriter out)
    {
        final long invalidBefore = out.count(RecordKind.INVALID);
        final long countedBefore = decoder.counters().invalid();
        final DecodeStatus status = decoder.decode(d.context(), bytes, 0, length, out);
        assertNotNull(status);
        final long written = out.count(RecordKind.INVALID) - invalidBefore;
        assertEquals(decoder.counters().invalid() - countedBefore, written, "invalid records written = counted");
        // Held packets given up on their bounds while decoding also come out as invalid records; an invalid
        // datagram adds its own.
        assertTrue(status != DecodeStatus.INVALID || written >= 1, "an invalid datagram is reported");
    }
}
