package io.nocraven.codec.netflow.v5;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.Decoders;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.netflow.Robustness;

/**
 * Jazzer fuzz test of the NetFlow dispatcher and v5 decoder. In the normal test suite it runs in regression mode
 * over the seeds in {@code src/test/resources/io/nocraven/codec/netflow/v5/NetFlowV5FuzzTestInputs/} (payloads of
 * the softflowd, pmacctd, fprobe and v1 captures and of the goflow2/NiFi/Graylog vectors); with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/fuzzing.md). Any exception, a missing status or an unbalanced record
 * fails it ({@link Robustness#decodeChecked}).
 */
class NetFlowV5FuzzTest
{
    private final Robustness robustness =
        new Robustness(Decoders.create(ProtocolFamily.NETFLOW, CodecOptions.defaults()));

    @FuzzTest(maxDuration = "5m")
    void shouldNeverThrowOnAnyInput(final byte[] input)
    {
        robustness.decodeChecked(input);
    }
}
