package io.nocraven.buffer;

import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.journal.StreamJournal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash test: a writer runs in a child JVM ({@link CrashWriterMain}) and is killed with SIGKILL
 * ({@code Process.destroyForcibly()} on Linux) at a random moment after it reported acknowledged sequences. The
 * buffer is reopened and every acknowledged record must be present, intact, and carry exactly the bytes that were
 * acknowledged; sequences must stay contiguous and the runs accumulate in the same directory.
 * <p>
 * Iterations: 10 by default (CI, about 20-40 s); {@code -Dnocraven.crash.iterations=N} for a long run, e.g.
 * {@code mvn -pl noc-raven-buffer -am test -Dtest=CrashTest -Dnocraven.crash.iterations=200
 * -Dsurefire.failIfNoSpecifiedTests=false}. Durability modes rotate group commit, periodic, page cache: SIGKILL
 * keeps the page cache, so every mode must keep what it acknowledged (power loss is out of scope of this test).
 */
class CrashTest
{
    private static final Durability[] MODES = {Durability.GROUP_COMMIT, Durability.PERIODIC, Durability.PAGE_CACHE};

    @TempDir
    Path dir;

    static StreamConfig config(final Durability durability)
    {
        return StreamConfig.builder("crash").segmentLength(256 * 1024).durability(durability).flushIntervalMs(20)
            .compression(Compression.ZSTD).ringSize(1024).build();
    }

    static byte[] payload(final int producer, final long counter)
    {
        final int length = 16 + (int)((counter * 31 + producer) % 300);
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(producer * 7 + counter * 13 + i);
        }
        return bytes;
    }

    @Test
    void shouldKeepEveryAcknowledgedRecordAcrossSigkill() throws Exception
    {
        final int iterations = Integer.getInteger("nocraven.crash.iterations", 10);
        final Random random = new Random(Long.getLong("nocraven.crash.seed", 20261201L));
        final Map<Long, long[]> acknowledged = new HashMap<>();
        for (int run = 0; run < iterations; run++)
        {
            final Durability mode = MODES[run % MODES.length];
            final int acks = runChild(run, mode, 50 + random.nextInt(400), acknowledged);
            assertTrue(acks > 0, "run " + run + " acknowledged nothing");
            verify(acknowledged, run);
            System.out.println("crash run " + run + " " + mode + ": killed after " + acks + " acks, " +
                acknowledged.size() + " acknowledged records verified in total");
        }
    }

    private int runChild(final int run, final Durability mode, final int killAfterMs, final Map<Long, long[]> acked)
        throws Exception
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-Xmx256m",
            "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(),
            dir.toString(), mode.name(), Integer.toString(run)));
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int count = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)))
        {
            final long start = System.nanoTime();
            long firstAck = 0;
            String line;
            while ((line = out.readLine()) != null)
            {
                if (line.startsWith("ACK "))
                {
                    final String[] parts = line.split(" ");
                    acked.put(Long.parseLong(parts[1]), new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])});
                    count++;
                    if (0 == firstAck)
                    {
                        firstAck = System.nanoTime();
                    }
                    else if (System.nanoTime() - firstAck > TimeUnit.MILLISECONDS.toNanos(killAfterMs))
                    {
                        process.destroyForcibly();
                        break;
                    }
                }
                if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(30))
                {
                    break;
                }
            }
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        }
        return count;
    }

    private void verify(final Map<Long, long[]> acknowledged, final int run) throws Exception
    {
        try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir).withMinFreeBytes(0)))
        {
            final StreamJournal journal = buffer.stream(config(Durability.GROUP_COMMIT));
            assertEquals(0, journal.recoveryReport().segmentsQuarantined(), journal.recoveryReport().toString());
            final Map<Long, byte[]> stored = new HashMap<>();
            final long[] expected = {0};
            try (StreamReader reader = journal.openReaderAt(0))
            {
                while (reader.poll((seq, ts, type, b, o, l) ->
                {
                    assertEquals(expected[0]++, seq, "contiguous");
                    if (acknowledged.containsKey(seq))
                    {
                        final byte[] copy = new byte[l];
                        b.getBytes(o, copy);
                        stored.put(seq, copy);
                        assertEquals(acknowledged.get(seq)[1], ts);
                    }
                }, 10_000) > 0)
                {
                    assertEquals(0, reader.missedRecords());
                }
            }
            for (final Map.Entry<Long, long[]> ack : acknowledged.entrySet())
            {
                final byte[] bytes = stored.get(ack.getKey());
                assertNotNull(bytes, "run " + run + ": acknowledged sequence " + ack.getKey() + " lost");
                assertArrayEquals(payload((int)ack.getValue()[0], ack.getValue()[1]), bytes,
                    "run " + run + ": sequence " + ack.getKey() + " " + Arrays.toString(ack.getValue()));
            }
        }
    }
}
