package io.nocraven.buffer;

import io.nocraven.buffer.ingest.StreamIngest;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The child process of {@link CrashTest}: opens the buffer, then two producers publish records as fast as they can
 * and print {@code ACK <sequence> <producer> <counter>} once the buffer reports each record durable. It never exits
 * on its own: the parent kills it with SIGKILL.
 */
public final class CrashWriterMain
{
    private CrashWriterMain()
    {
    }

    /**
     * Entry point.
     *
     * @param args directory, durability, run number.
     * @throws Exception on failure (the parent then sees no ACK lines and fails).
     */
    public static void main(final String[] args) throws Exception
    {
        final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        final DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(Path.of(args[0])).withMinFreeBytes(0));
        buffer.stream(CrashTest.config(Durability.valueOf(args[1])));
        final StreamIngest ingest = buffer.ingest("crash");
        final int run = Integer.parseInt(args[2]);
        out.println("READY");
        for (int p = 0; p < 2; p++)
        {
            final int producer = run * 2 + p;
            final Thread thread = new Thread(() ->
            {
                for (long counter = 0; ; counter++)
                {
                    final byte[] bytes = CrashTest.payload(producer, counter);
                    final long c = counter;
                    final CompletableFuture<Long> future = ingest.publishAsync(producer % 100, c, bytes, 0, bytes.length);
                    future.thenAccept(sequence -> out.println("ACK " + sequence + " " + producer + " " + c));
                    if ((counter & 63) == 0)
                    {
                        Thread.yield();
                    }
                }
            });
            thread.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
