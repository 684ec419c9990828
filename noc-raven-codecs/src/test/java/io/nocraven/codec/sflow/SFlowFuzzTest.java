package io.nocraven.codec.sflow;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.netflow.Robustness;

/**
 * Jazzer fuzz test of the sFlow decoder (with its packet header dissector). In the normal test suite it runs in
 * regression mode over the seeds in {@code src/test/resources/io/nocraven/codec/sflow/SFlowFuzzTestInputs/}
 * (datagrams of the pmacctd sfprobe capture and goflow2's sFlow vectors); with {@code JAZZER_FUZZ=1} it fuzzes
 * (see docs/fuzzing.md).
 */
class SFlowFuzzTest
{
    private final Robustness robustness = new Robustness(new SFlowDecoder(CodecOptions.defaults()));

    @FuzzTest(maxDuration = "5m")
    void shouldNeverThrowOnAnyInput(final byte[] input)
    {
        robustness.decodeChecked(input);
    }
}
