package io.nocraven.codec.netflow.v5;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.netflow.PcapUdp;
import io.nocraven.codec.netflow.Robustness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix and bit flips of every datagram of every NetFlow v5 capture and raw vector (the v1 negative
 * capture included): never an exception, always a status (see {@link Robustness}). For the first datagram of each
 * capture every prefix and every bit of every byte; for the others every 13th prefix and every bit of every 17th
 * byte (the v5 layout repeats every 48 bytes, so this still reaches every field).
 */
class NetFlowV5RobustnessTest
{
    @ParameterizedTest
    @ValueSource(strings = {
        "/fixtures/netflow/softflowd_v5.pcap", "/fixtures/netflow/pmacctd_nfprobe_v5.pcap",
        "/fixtures/netflow/fprobe_v5.pcap", "/fixtures/netflow/softflowd_v1_unsupported.pcap",
        "/fixtures/corpora/graylog-netflow/netflow5.pcap", "/fixtures/corpora/graylog-netflow/pmacctd-netflow5.pcap",
        "/fixtures/corpora/graylog-netflow/netgraph-netflow5.pcap"})
    void shouldNeverThrowOnPrefixesAndBitFlipsOfCaptures(final String capture)
    {
        final Robustness robustness = new Robustness(Decoders.create(ProtocolFamily.NETFLOW, CodecOptions.defaults()));
        int runs = 0;
        int index = 0;
        for (final PcapUdp.Datagram d : PcapUdp.read(capture))
        {
            final boolean full = index++ == 0;
            runs += robustness.everyPrefixAndBitFlip(d.payload(), full ? 1 : 13, full ? 1 : 17);
        }
        assertTrue(runs > 100, "runs " + runs);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/fixtures/corpora/goflow2-vectors/nfv5__TestDecodeNetFlowV5__data.bin",
        "/fixtures/corpora/graylog-netflow/netflow-v5-1.dat", "/fixtures/corpora/graylog-netflow/netflow-v5-2.dat",
        "/fixtures/corpora/nifi-netflow5/sample1_1record.bin", "/fixtures/corpora/nifi-netflow5/sample2_3records.bin",
        "/fixtures/corpora/nifi-netflow5/invalid_version9.bin"})
    void shouldNeverThrowOnPrefixesAndBitFlipsOfVectors(final String vector)
    {
        final Robustness robustness = new Robustness(new NetFlowV5Decoder(CodecOptions.defaults()));
        assertTrue(robustness.everyPrefixAndBitFlip(PcapUdp.resourceBytes(vector), 1, 1) > 0);
    }
}
