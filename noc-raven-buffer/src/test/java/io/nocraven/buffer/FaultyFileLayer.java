package io.nocraven.buffer;


import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A file layer over the real one that simulates a small disk: preallocation fails with "No space left on device"
 * once the files under the root would exceed {@code diskBytes}, and usable space is reported accordingly.
 */
final class FaultyFileLayer extends ForwardingFileLayer
{
    private final Path root;
    private volatile long diskBytes;
    private volatile boolean failAll;

    FaultyFileLayer(final Path root, final long diskBytes)
    {
        this.root = root;
        this.diskBytes = diskBytes;
    }

    void diskBytes(final long bytes)
    {
        diskBytes = bytes;
    }

    void failAllPreallocation(final boolean fail)
    {
        failAll = fail;
    }

    long used() throws IOException
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return walkSizes();
            }
            catch (final java.io.UncheckedIOException ex)
            {
                if (attempt == 10)
                {
                    throw ex.getCause();
                }
            }
        }
    }

    private long walkSizes() throws IOException
    {
        try (var walk = java.nio.file.Files.walk(root))
        {
            return walk.filter(java.nio.file.Files::isRegularFile).mapToLong(p ->
            {
                try
                {
                    return java.nio.file.Files.size(p);
                }
                catch (final IOException ex)
                {
                    return 0;
                }
            }).sum();
        }
    }

    @Override
    public void preallocate(final FileChannel channel, final long length) throws IOException
    {
        if (failAll || used() + length > diskBytes)
        {
            throw new IOException("No space left on device");
        }
        super.preallocate(channel, length);
    }

    @Override
    public long usableSpace(final Path directory) throws IOException
    {
        return Math.max(0, diskBytes - used());
    }
}
