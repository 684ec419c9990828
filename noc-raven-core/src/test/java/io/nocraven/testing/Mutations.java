package io.nocraven.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Damaged variants of valid inputs for robustness tests: every proper prefix (truncation at each byte) and
 * deterministic, seeded bit flips. One line per codec:
 * <pre>
 * Mutations.everyPrefixAndBitFlip(Captures.udpPayloads("/fixtures/netflow/softflowd_v9.pcap"))
 *     .forEach(m -&gt; decoder.decode(context, m.bytes(), 0, m.bytes().length, out));
 * </pre>
 */
public final class Mutations
{
    /** Seed used when none is given (fixed: a failure reproduces). */
    public static final long DEFAULT_SEED = 0x5EED_2026L;
    /** Bit-flip variants per input when no count is given. */
    public static final int DEFAULT_FLIPS = 64;

    /**
     * One damaged input.
     *
     * @param label what it is, e.g. {@code "datagram 3 prefix 17"} or {@code "datagram 3 flip 5 bits [12.3, 40.0]"}.
     * @param bytes the bytes (a fresh array).
     */
    public record Mutation(String label, byte[] bytes)
    {
        @Override
        public String toString()
        {
            return label + " (" + bytes.length + " bytes)";
        }
    }

    private Mutations()
    {
    }

    /**
     * @param data an input.
     * @return every proper prefix, lengths 0 to {@code data.length - 1}.
     */
    public static Stream<byte[]> prefixes(final byte[] data)
    {
        return IntStream.range(0, data.length).mapToObj(n -> Arrays.copyOf(data, n));
    }

    /**
     * @param data  an input.
     * @param seed  the random seed.
     * @param count how many variants.
     * @return {@code count} copies of {@code data}, each with 1 to 3 bits flipped at seeded random positions (empty
     * when {@code data} is empty).
     */
    public static Stream<byte[]> bitFlips(final byte[] data, final long seed, final int count)
    {
        return labelledFlips(data, seed, count, "").map(Mutation::bytes);
    }

    /**
     * @param inputs valid inputs (e.g. every datagram of a capture).
     * @return every proper prefix and {@link #DEFAULT_FLIPS} bit-flip variants of every input.
     */
    public static Stream<Mutation> everyPrefixAndBitFlip(final List<byte[]> inputs)
    {
        return everyPrefixAndBitFlip(inputs, DEFAULT_SEED, DEFAULT_FLIPS);
    }

    /**
     * @param inputs valid inputs.
     * @param seed   the random seed (input {@code i} uses a seed derived from it and {@code i}).
     * @param flips  bit-flip variants per input.
     * @return every proper prefix and {@code flips} bit-flip variants of every input.
     */
    public static Stream<Mutation> everyPrefixAndBitFlip(final List<byte[]> inputs, final long seed, final int flips)
    {
        if (inputs.isEmpty())
        {
            throw new IllegalArgumentException("no inputs (expected: at least one datagram)");
        }
        return IntStream.range(0, inputs.size()).boxed().flatMap(i ->
        {
            final byte[] data = inputs.get(i);
            final Stream<Mutation> cut = IntStream.range(0, data.length)
                .mapToObj(n -> new Mutation("input " + i + " prefix " + n, Arrays.copyOf(data, n)));
            return Stream.concat(cut, labelledFlips(data, seed * 31 + i, flips, "input " + i + " "));
        });
    }

    /**
     * @param captures classpath captures, e.g. every {@code Fixtures.list("/fixtures/netflow", ".pcap")}.
     * @return every proper prefix and {@link #DEFAULT_FLIPS} bit-flip variants of every UDP datagram of every capture.
     */
    public static Stream<Mutation> everyPrefixAndBitFlipOfCaptures(final List<String> captures)
    {
        final List<byte[]> payloads = new ArrayList<>();
        for (final String capture : captures)
        {
            payloads.addAll(Captures.udpPayloads(capture));
        }
        return everyPrefixAndBitFlip(payloads);
    }

    private static Stream<Mutation> labelledFlips(final byte[] data, final long seed, final int count, final String prefix)
    {
        if (data.length == 0)
        {
            return Stream.empty();
        }
        final SplittableRandom random = new SplittableRandom(seed);
        return IntStream.range(0, count).mapToObj(k ->
        {
            final byte[] copy = data.clone();
            final int bits = 1 + random.nextInt(3);
            final StringBuilder where = new StringBuilder();
            for (int b = 0; b < bits; b++)
            {
                final int at = random.nextInt(data.length);
                final int bit = random.nextInt(8);
                copy[at] ^= (byte)(1 << bit);
                where.append(b == 0 ? "" : ", ").append(at).append('.').append(bit);
            }
            return new Mutation(prefix + "flip " + k + " bits [" + where + "]", copy);
        });
    }
}
