package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.core.record.JsonLine;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * files are compressed in the background so compression never blocks ingest: {@code compression: zstd} (the default,
 * {@code .jsonl.zst}, level {@value #ZSTD_LEVEL}) or {@code gzip} ({@code .jsonl.gz}). On this appliance's own syslog
 * archive zstd level 1 compresses 100 MB in 0.14 s to 7.6 MB where gzip's default level takes 1.08 s for 7.9 MB
 * (command-line tools, docs/benchmarks.md): at 100k messages/s gzip alone kept a third of a core busy.
 * <p>
 * Lines go out as the UTF-8 bytes the JSON writer made ({@link JsonLine}), through a 256 KiB buffer: no char
 * encoding on this path. Sizes are counted in bytes.
 */
public final class JsonlArchiveForwarder implements Forwarder
{
    /** Zstandard level of rotated files: as small as gzip -6 on JSON lines at a seventh of the CPU. */
    static final int ZSTD_LEVEL = 1;
    private static final Logger LOG = LoggerFactory.getLogger(JsonlArchiveForwarder.class);
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
        .withZone(ZoneOffset.UTC);

    private final ForwarderConfig.Archive config;
    private final StreamFilter filter;
    private final ExecutorService compressor = Executors.newSingleThreadExecutor(r ->
    {
        final Thread t = new Thread(r, "noc-raven-archive-compress");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private OutputStream out;
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
            final int bytes = write(json);
            out.write('\n');
            currentBytes += bytes + 1;
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

    /**
     * @return the number of bytes written.
     */
    private int write(final CharSequence json) throws IOException
    {
        if (json instanceof JsonLine line)
        {
            line.writeTo(out);
            return line.byteLength();
        }
        final byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        return bytes.length;
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
        while (Files.exists(p) || Files.exists(Path.of(p + ".gz")) || Files.exists(Path.of(p + ".zst")));
        current = p;
        out = new BufferedOutputStream(Files.newOutputStream(p), BUFFER_BYTES);
        currentBytes = 0;
        openedAtMillis = now;
    }

    private void compressLater(final Path file)
    {
        final String compression = config.compression();
        if (!"gzip".equals(compression) && !"zstd".equals(compression))
        {
            return;
        }
        compressor.execute(() ->
        {
            final Path target = Path.of(file + ("zstd".equals(compression) ? ".zst" : ".gz"));
            try (InputStream in = Files.newInputStream(file);
                OutputStream out = compressed(compression, Files.newOutputStream(target)))
            {
                in.transferTo(out);
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

    private static OutputStream compressed(final String compression, final OutputStream raw) throws IOException
    {
        return "zstd".equals(compression) ? new ZstdOutputStream(new BufferedOutputStream(raw, 65536), ZSTD_LEVEL)
            : new GZIPOutputStream(raw, 65536);
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
