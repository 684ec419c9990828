package io.nocraven.appliance.cli;

import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.inspect.BufferInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments every {@code noc-raven buffer} sub-command shares: the directory and an optional stream. DIR is the
 * buffer directory (holding {@code streams/}) or the appliance's data directory (whose {@code buffer/} holds it).
 */
final class BufferSelection
{
    @Parameters(index = "0", paramLabel = "DIR", description = "Buffer directory (holding streams/), or the appliance "
        + "data directory (e.g. /var/lib/noc-raven, whose buffer/ is used).")
    private Path directory;

    @Option(names = "--stream", paramLabel = "S", description = "Only this stream (e.g. syslog-udp; default: all).")
    private String stream;

    /** A resolved selection: the inspector and the streams to visit. */
    record Selected(BufferInspector inspector, List<String> streams)
    {
    }

    /**
     * @return the inspector and the selected streams.
     * @throws IllegalArgumentException when DIR is not a buffer directory or the stream does not exist (the message
     *                                  says what was expected and lists the streams).
     * @throws IOException              when the directory cannot be listed.
     */
    Selected open() throws IOException
    {
        final Path buffer = resolve(directory);
        final BufferInspector inspector = BufferInspector.open(buffer);
        final List<String> all = inspector.streams();
        if (stream == null)
        {
            return new Selected(inspector, all);
        }
        if (!all.contains(stream))
        {
            throw new IllegalArgumentException("--stream: unknown stream '" + stream + "' in " + buffer
                + " (streams: " + (all.isEmpty() ? "none" : String.join(", ", all)) + ")");
        }
        return new Selected(inspector, List.of(stream));
    }

    private static Path resolve(final Path dir)
    {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir))
        {
            throw new IllegalArgumentException("cannot read directory '" + dir + "' (expected: a buffer directory "
                + "holding " + DurableBuffer.STREAMS_DIRECTORY + "/, or the appliance data directory)");
        }
        if (Files.isDirectory(dir.resolve(DurableBuffer.STREAMS_DIRECTORY)))
        {
            return dir;
        }
        final Path nested = dir.resolve("buffer");
        if (Files.isDirectory(nested.resolve(DurableBuffer.STREAMS_DIRECTORY)))
        {
            return nested;
        }
        throw new IllegalArgumentException("'" + dir + "' is not a buffer directory (expected: "
            + DurableBuffer.STREAMS_DIRECTORY + "/ in it, or in its buffer/ sub-directory)");
    }
}
