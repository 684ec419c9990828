package io.nocraven.codec.sflow;

import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.netflow.PcapUdp;
import io.nocraven.codec.netflow.Robustness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every prefix and bit flips of every datagram of the sFlow capture and of goflow2's sFlow vectors: never an
 * exception, always a status, one invalid record per invalid datagram (see {@link Robustness}).
 */
class SFlowRobustnessTest
{
    @Test
    void shouldNeverThrowOnPrefixesAndBitFlipsOfTheCapture()
    {
        final Robustness robustness = new Robustness(new SFlowDecoder(CodecOptions.defaults()));
        int runs = 0;
        int index = 0;
        for (final PcapUdp.Datagram d : PcapUdp.read("/fixtures/netflow/pmacctd_sfprobe_rate8.pcap"))
        {
            final boolean full = index++ < 2;
            runs += robustness.everyPrefixAndBitFlip(d.payload(), full ? 1 : 5, full ? 1 : 11);
        }
        assertTrue(runs > 3_000, "runs " + runs);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sflow__TestSFlowDecode__data.bin", "sflow__TestExpandedSFlowDecode__data.bin",
        "sflow__TestSFlowDecodeDropEgressQueue__data.bin", "sflow__TestSFlowDecodeDropExtendedACL__data.bin",
        "sflow__TestSFlowDecodeDropExtendedFunction__data.bin"})
    void shouldNeverThrowOnPrefixesAndBitFlipsOfVectors(final String vector)
    {
        final Robustness robustness = new Robustness(new SFlowDecoder(CodecOptions.defaults()));
        assertTrue(robustness.everyPrefixAndBitFlip(
            PcapUdp.resourceBytes("/fixtures/corpora/goflow2-vectors/" + vector), 1, 1) > 0);
    }
}
