package io.nocraven.buffer.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The production {@link FileLayer}: plain NIO. Preallocation writes zeros in 1 MiB blocks, which makes the file
 * system allocate real blocks (Java has no portable {@code fallocate}); a full disk surfaces here as an
 * {@link IOException} instead of a SIGBUS on a mapped page later.
 */
public final class DefaultFileLayer implements FileLayer
{
    /** Shared instance: the class is stateless apart from a read-only zero block. */
    public static final DefaultFileLayer INSTANCE = new DefaultFileLayer();

    private static final int ZERO_BLOCK_LENGTH = 1024 * 1024;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(ZERO_BLOCK_LENGTH).asReadOnlyBuffer();

    private DefaultFileLayer()
    {
    }

    /** {@inheritDoc} */
    @Override
    public FileChannel open(final Path path, final OpenOption... options) throws IOException
    {
        return FileChannel.open(path, options);
    }

    /** {@inheritDoc} */
    @Override
    public void preallocate(final FileChannel channel, final long length) throws IOException
    {
        long position = 0;
        while (position < length)
        {
            final ByteBuffer zeros = ZEROS.duplicate();
            zeros.limit((int)Math.min(ZERO_BLOCK_LENGTH, length - position));
            while (zeros.hasRemaining())
            {
                position += channel.write(zeros, position);
            }
        }
    }

    /** {@inheritDoc} */
    @Override
    public void syncDirectory(final Path directory) throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    /** {@inheritDoc} */
    @Override
    public long usableSpace(final Path directory) throws IOException
    {
        return Files.getFileStore(directory).getUsableSpace();
    }

    /** {@inheritDoc} */
    @Override
    public void move(final Path from, final Path to) throws IOException
    {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@inheritDoc} */
    @Override
    public void delete(final Path path) throws IOException
    {
        Files.deleteIfExists(path);
    }

    /** {@inheritDoc} */
    @Override
    public long size(final Path path) throws IOException
    {
        return Files.size(path);
    }

    /** {@inheritDoc} */
    @Override
    public List<Path> list(final Path directory) throws IOException
    {
        return listMatching(directory, false);
    }

    /** {@inheritDoc} */
    @Override
    public List<Path> listDirectories(final Path directory) throws IOException
    {
        return listMatching(directory, true);
    }

    /** {@inheritDoc} */
    @Override
    public void createDirectories(final Path directory) throws IOException
    {
        Files.createDirectories(directory);
    }

    private static List<Path> listMatching(final Path directory, final boolean directories) throws IOException
    {
        final List<Path> result = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return result;
        }
        try (Stream<Path> entries = Files.list(directory))
        {
            entries.filter(p -> directories ? Files.isDirectory(p) : Files.isRegularFile(p)).sorted().forEach(result::add);
        }
        return result;
    }
}
