package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes decoded records as JSON lines into {@code <directory>/noc-raven-<UTC time>-<counter>.jsonl} (names sort
 * in write order), flushed at the end of
 * every pipeline batch. A file is rotated when it reaches {@code rotateBytes} or {@code rotateSeconds}; rotated
 * files are gzip-compressed in the background ({@code compression: gzip}) so compression never blocks ingest.
 */
public final class JsonlArchiveForwarder implements Forwarder
{
    private static final Logger LOG = LoggerFactory.getLogger(JsonlArchiveForwarder.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
        .withZone(ZoneOffset.UTC);

    private final ForwarderConfig.Archive config;
    private final StreamFilter filter;
    private final ExecutorService compressor = Executors.newSingleThreadExecutor(r ->
    {
        final Thread t = new Thread(r, "noc-raven-archive-gzip");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private Writer out;
    private Path current;
    private long currentBytes;
    private long openedAtMillis;
    private long fileCounter;
    private int failuresSinceCommit;
    private volatile String lastError = "";

    /**
     * @param config archive settings.
     */
    public JsonlArchiveForwarder(final ForwarderConfig.Archive config)
    {
        this.config = config;
        this.filter = new StreamFilter(config.streams());
    }

    @Override
    public String name()
    {
        return "archive";
    }

    @Override
    public boolean accepts(final ListenerType stream)
    {
        return filter.accepts(stream);
    }

    @Override
    public void onRecord(final ListenerType stream, final RecordKind kind, final RecordContext context,
        final CharSequence json)
    {
        try
        {
            final long now = System.currentTimeMillis();
            if (out == null || currentBytes >= config.rotateBytes() || now - openedAtMillis >= config.rotateSeconds() * 1000)
            {
                rotate(now);
            }
            out.append(json).append('\n');
            currentBytes += json.length() + 1;
            written.incrementAndGet();
            lastError = "";
        }
        catch (final IOException ex)
        {
            failed.incrementAndGet();
            failuresSinceCommit++;
            lastError = ex.toString();
            closeQuietly();
        }
    }

    private void rotate(final long now) throws IOException
    {
        final Path previous = current;
        closeQuietly();
        if (previous != null)
        {
            compressLater(previous);
        }
        Files.createDirectories(config.directory());
        Path p;
        do
        {
            p = config.directory().resolve("noc-raven-" + NAME.format(Instant.ofEpochMilli(now)) + "-"
                + String.format(java.util.Locale.ROOT, "%06d", ++fileCounter) + ".jsonl");
        }
        while (Files.exists(p) || Files.exists(Path.of(p + ".gz")));
        current = p;
        out = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        currentBytes = 0;
        openedAtMillis = now;
    }

    private void compressLater(final Path file)
    {
        if (!"gzip".equals(config.compression()))
        {
            return;
        }
        compressor.execute(() ->
        {
            final Path gz = Path.of(file + ".gz");
            try (InputStream in = Files.newInputStream(file);
                OutputStream zip = new GZIPOutputStream(Files.newOutputStream(gz), 65536))
            {
                in.transferTo(zip);
            }
            catch (final IOException ex)
            {
                LOG.warn("archive: cannot compress {}: {}", file, ex.toString());
                return;
            }
            try
            {
                Files.delete(file);
            }
            catch (final IOException ex)
            {
                LOG.warn("archive: cannot delete {} after compression: {}", file, ex.toString());
            }
        });
    }

    /**
     * @return the file being written, or null.
     */
    public Path currentFile()
    {
        return current;
    }

    @Override
    public void onBatchEnd()
    {
        if (out != null)
        {
            try
            {
                out.flush();
            }
            catch (final IOException ex)
            {
                failed.incrementAndGet();
                failuresSinceCommit++;
                lastError = ex.toString();
                closeQuietly();
            }
        }
    }

    @Override
    public boolean commit()
    {
        onBatchEnd();
        final boolean ok = failuresSinceCommit == 0;
        failuresSinceCommit = 0;
        return ok;
    }

    @Override
    public ForwarderStatus status()
    {
        final String err = lastError;
        return new ForwarderStatus(name(), err.isEmpty() ? "running" : "retrying", err.isEmpty(), written.get(),
            failed.get(), 0, 0, err);
    }

    private void closeQuietly()
    {
        if (out != null)
        {
            try
            {
                out.close();
            }
            catch (final IOException ex)
            {
                lastError = ex.toString();
            }
            out = null;
        }
    }

    @Override
    public void close()
    {
        closeQuietly();
        compressor.shutdown();
        try
        {
            compressor.awaitTermination(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
