package io.nocraven.codec.flow;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.codec.ipfix.IpfixDecoder;
import io.nocraven.codec.netflow.v9.NetFlowV9Decoder;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Jazzer fuzz targets for the NetFlow v9 and IPFIX decoders. An input is a sequence of datagrams, each prefixed with
 * a 2-octet length, decoded in order by one decoder (so templates from one datagram meet data in the next), then
 * {@code finish}. Every record must be balanced (the writer checks) and parse as JSON. In the normal suite the targets run in
 * regression mode over the seed corpus ({@code FlowDecodersFuzzTestInputs/<method>/}: the first datagrams of the
 * real captures); {@code JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class FlowDecodersFuzzTest
{
    private static final RecordContext CONTEXT = new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 9995, "fuzz", 0);

    @FuzzTest(maxDuration = "5m")
    void fuzzNetFlowV9(final byte[] input)
    {
        run(new NetFlowV9Decoder(CodecOptions.defaults()), input);
    }

    @FuzzTest(maxDuration = "5m")
    void fuzzIpfix(final byte[] input)
    {
        run(new IpfixDecoder(CodecOptions.defaults()), input);
    }

    static void run(final DatagramDecoder decoder, final byte[] input)
    {
        final JsonRecordWriter out = new JsonRecordWriter((kind, line) -> FlowCaptures.parse(line));
        int p = 0;
        while (p + 2 <= input.length)
        {
            final int length = Math.min(((input[p] & 0xFF) << 8) | (input[p + 1] & 0xFF), input.length - p - 2);
            final DecodeStatus status = decoder.decode(CONTEXT, input, p + 2, length, out);
            assertNotNull(status);
            p += 2 + length;
        }
        decoder.finish(out);
    }
}
