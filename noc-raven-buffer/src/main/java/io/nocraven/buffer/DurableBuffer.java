package io.nocraven.buffer;

import io.nocraven.buffer.compress.SegmentCompressor;
import io.nocraven.buffer.ingest.StreamIngest;
import io.nocraven.buffer.journal.BufferFlusher;
import io.nocraven.buffer.journal.SpaceBudget;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.journal.StreamStatsSampler;
import io.nocraven.buffer.metrics.StreamStats;
import io.nocraven.buffer.segment.SegmentEntry;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A durable buffer: a directory of named streams ({@code DIR/streams/NAME/}), a total cap and disk headroom over
 * all of them, one background compressor and one background flusher ({@link BufferFlusher}: forces and seals of
 * {@link Durability#PERIODIC} streams, off their writer threads). The entry point of the library.
 * <pre>{@code
 * try (DurableBuffer buffer = DurableBuffer.open(BufferConfig.of(dir)))
 * {
 *     StreamJournal syslog = buffer.stream(StreamConfig.builder("syslog").quotaBytes(10L << 30).build());
 *     StreamIngest ingest = buffer.ingest("syslog");          // many producers from here on
 *     long ticket = ingest.publish(1, System.currentTimeMillis(), bytes, 0, bytes.length);
 *     StreamReader reader = syslog.openReader("kafka");       // a consumer with a persisted cursor
 * }
 * }</pre>
 * Opening takes an exclusive lock on {@code DIR/buffer.lock}; a second process gets an error naming the directory.
 */
public final class DurableBuffer implements AutoCloseable
{
    /** Lock file in the buffer directory. */
    public static final String LOCK_FILE = "buffer.lock";
    /** Directory holding one sub-directory per stream. */
    public static final String STREAMS_DIRECTORY = "streams";

    private final BufferConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final SpaceBudget budget;
    private final SegmentCompressor compressor;
    private final ExecutorService preallocator = Executors.newSingleThreadExecutor(runnable ->
    {
        final Thread thread = new Thread(runnable, "noc-raven-buffer-preallocator");
        thread.setDaemon(true);
        return thread;
    });
    private final BufferFlusher flusher = new BufferFlusher();
    private final Map<String, StreamJournal> streams = new LinkedHashMap<>();
    private final Map<String, StreamIngest> ingests = new LinkedHashMap<>();
    private final Map<String, StreamStatsSampler> samplers = new LinkedHashMap<>();

    private DurableBuffer(final BufferConfig config, final FileChannel lockChannel, final FileLock lock)
    {
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.budget = new SpaceBudget(config.files(), config.directory(), config.totalCapBytes(), config.minFreeBytes());
        this.compressor = new SegmentCompressor(config.files());
    }

    /**
     * Open (creating when missing) a buffer directory.
     *
     * @param config settings.
     * @return the buffer.
     * @throws IOException when the directory cannot be created or is locked by another process.
     */
    public static DurableBuffer open(final BufferConfig config) throws IOException
    {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new IOException("the buffer format is little-endian; this host is big-endian");
        }
        config.files().createDirectories(config.directory().resolve(STREAMS_DIRECTORY));
        final FileChannel channel = config.files().open(config.directory().resolve(LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        final FileLock lock = channel.tryLock();
        if (lock == null)
        {
            channel.close();
            throw new IOException("buffer directory " + config.directory() + " is in use by another process");
        }
        return new DurableBuffer(config, channel, lock);
    }

    /**
     * Open (recovering) or create a stream; returns the open stream when called again with the same name.
     *
     * @param streamConfig settings.
     * @return the stream.
     * @throws IOException when its directory is unusable.
     */
    public synchronized StreamJournal stream(final StreamConfig streamConfig) throws IOException
    {
        final StreamJournal existing = streams.get(streamConfig.name());
        if (existing != null)
        {
            return existing;
        }
        final Path directory = config.directory().resolve(STREAMS_DIRECTORY).resolve(streamConfig.name());
        final StreamJournal journal = StreamJournal.open(streamConfig, directory, config.files(), config.clock(), budget);
        journal.flushWith(flusher);
        if (streamConfig.compression() != Compression.NONE)
        {
            journal.sealedSink(entry -> compressor.submit(journal, entry));
            for (final SegmentEntry entry : journal.catalog().snapshot())
            {
                if (entry.isSealed() && entry.storage() == Compression.NONE)
                {
                    compressor.submit(journal, entry);
                }
            }
        }
        journal.enforceLimits();
        journal.preallocateWith(preallocator);
        streams.put(streamConfig.name(), journal);
        samplers.put(streamConfig.name(), new StreamStatsSampler(journal, budget));
        return journal;
    }

    /**
     * The ingest (Disruptor) of an open stream, started on first call. From then on only its writer thread may
     * append to the stream.
     *
     * @param name stream name.
     * @return the ingest.
     */
    public synchronized StreamIngest ingest(final String name)
    {
        final StreamJournal journal = streams.get(name);
        if (journal == null)
        {
            throw new IllegalArgumentException("stream: " + name + " (expected: a stream opened with stream(config))");
        }
        return ingests.computeIfAbsent(name, n -> new StreamIngest(journal, config.clock()));
    }

    /**
     * An open stream.
     *
     * @param name stream name.
     * @return the stream, or null.
     */
    public synchronized StreamJournal stream(final String name)
    {
        return streams.get(name);
    }

    /** @return snapshots of every open stream. */
    public synchronized List<StreamStats> stats()
    {
        final List<StreamStats> result = new ArrayList<>();
        for (final StreamStatsSampler sampler : samplers.values())
        {
            result.add(sampler.sample());
        }
        return result;
    }

    /** @return the buffer-wide budget. */
    public SpaceBudget budget()
    {
        return budget;
    }

    /** @return the background compressor. */
    public SegmentCompressor compressor()
    {
        return compressor;
    }

    /** @return settings. */
    public BufferConfig config()
    {
        return config;
    }

    /**
     * Drain every ingest, let the flusher finish its seals, stop the compressor, force and close every stream, stop
     * the flusher, release the lock.
     */
    @Override
    public synchronized void close() throws IOException
    {
        for (final StreamIngest ingest : ingests.values())
        {
            ingest.close();
        }
        for (final StreamJournal journal : streams.values())
        {
            journal.awaitFlushed();
        }
        compressor.close();
        preallocator.shutdownNow();
        try
        {
            // a spare being written now must be done before the streams delete their ready spares
            preallocator.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        for (final StreamJournal journal : streams.values())
        {
            journal.close();
        }
        flusher.close();
        ingests.clear();
        streams.clear();
        lock.release();
        lockChannel.close();
    }
}
