package io.nocraven.buffer;

import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.fs.FileLayer;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;

/**
 * A file layer that does everything through the real one ({@link DefaultFileLayer}): test layers extend it and
 * override only the operations they simulate or observe.
 */
abstract class ForwardingFileLayer implements FileLayer
{
    @Override
    public void syncDirectory(final Path directory) throws IOException
    {
        DefaultFileLayer.INSTANCE.syncDirectory(directory);
    }

    @Override
    public FileChannel open(final Path path, final OpenOption... options) throws IOException
    {
        return DefaultFileLayer.INSTANCE.open(path, options);
    }

    @Override
    public void preallocate(final FileChannel channel, final long length) throws IOException
    {
        DefaultFileLayer.INSTANCE.preallocate(channel, length);
    }

    @Override
    public long usableSpace(final Path directory) throws IOException
    {
        return DefaultFileLayer.INSTANCE.usableSpace(directory);
    }

    @Override
    public void move(final Path from, final Path to) throws IOException
    {
        DefaultFileLayer.INSTANCE.move(from, to);
    }

    @Override
    public void delete(final Path path) throws IOException
    {
        DefaultFileLayer.INSTANCE.delete(path);
    }

    @Override
    public long size(final Path path) throws IOException
    {
        return DefaultFileLayer.INSTANCE.size(path);
    }

    @Override
    public List<Path> list(final Path directory) throws IOException
    {
        return DefaultFileLayer.INSTANCE.list(directory);
    }

    @Override
    public List<Path> listDirectories(final Path directory) throws IOException
    {
        return DefaultFileLayer.INSTANCE.listDirectories(directory);
    }

    @Override
    public void createDirectories(final Path directory) throws IOException
    {
        DefaultFileLayer.INSTANCE.createDirectories(directory);
    }
}
