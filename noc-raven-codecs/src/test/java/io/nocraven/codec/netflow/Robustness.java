package io.nocraven.codec.netflow;

import io.nocraven.codec.DatagramDecoder;
import io.nocraven.codec.DecodeStatus;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test support: feeds a decoder every prefix and single-bit flips of a datagram and checks that it always returns a
 * status, never throws, writes well-formed records (the JSON writer throws on unbalanced objects) and writes exactly
 * one {@code invalid} record when it says {@link DecodeStatus#INVALID}. The datagram is placed at a non-zero offset
 * inside a larger array so that reads past the given length would see foreign bytes rather than pass by luck.
 */
public final class Robustness
{
    private static final int PAD = 16;

    private final DatagramDecoder decoder;
    private final RecordContext context = new RecordContext();
    private final int[] invalidCount = new int[1];
    private final JsonRecordWriter out = new JsonRecordWriter((kind, line) ->
    {
        if (kind == RecordKind.INVALID)
        {
            invalidCount[0]++;
        }
    });

    /**
     * @param decoder the decoder under test.
     */
    public Robustness(final DatagramDecoder decoder)
    {
        this.decoder = decoder;
    }

    /**
     * @param datagram     the input.
     * @param prefixStride decode every {@code prefixStride}-th prefix (1 = every prefix; the empty and the whole
     *                     input are always decoded).
     * @param flipStride   flip every bit of every {@code flipStride}-th byte (1 = every byte).
     * @return the number of decodes run.
     */
    public int everyPrefixAndBitFlip(final byte[] datagram, final int prefixStride, final int flipStride)
    {
        int runs = 0;
        for (int n = 0; n <= datagram.length; n = n == datagram.length ? n + 1 : Math.min(n + prefixStride,
            datagram.length))
        {
            decodeChecked(Arrays.copyOf(datagram, n));
            runs++;
        }
        final byte[] flipped = datagram.clone();
        for (int i = 0; i < flipped.length; i += flipStride)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                flipped[i] ^= (byte)(1 << bit);
                decodeChecked(flipped);
                flipped[i] ^= (byte)(1 << bit);
                runs++;
            }
        }
        return runs;
    }

    /**
     * Decodes once with the checks.
     *
     * @param input the bytes.
     */
    public void decodeChecked(final byte[] input)
    {
        final byte[] padded = new byte[input.length + 2 * PAD];
        Arrays.fill(padded, (byte)0xA5);
        System.arraycopy(input, 0, padded, PAD, input.length);
        invalidCount[0] = 0;
        final DecodeStatus status = decoder.decode(context, padded, PAD, input.length, out);
        assertNotNull(status);
        if (status == DecodeStatus.INVALID)
        {
            assertEquals(1, invalidCount[0], "one invalid record per invalid datagram");
        }
        else
        {
            assertTrue(invalidCount[0] == 0, "invalid record written but status " + status);
        }
    }
}
