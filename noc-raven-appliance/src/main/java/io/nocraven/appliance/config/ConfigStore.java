package io.nocraven.appliance.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Persists a configuration tree atomically: the previous file is copied to {@code <name>.bak}, the new content is
 * written to a temporary file in the same directory, fsynced and renamed over the target.
 */
public final class ConfigStore
{
    private final Path target;

    /**
     * @param target the file to write (the {@code --config} file, or {@code <dataDir>/config.yaml}).
     */
    public ConfigStore(final Path target)
    {
        this.target = target;
    }

    /**
     * @return the file written.
     */
    public Path target()
    {
        return target;
    }

    /**
     * @param tree the full merged configuration.
     * @throws IOException when writing fails (the previous file is then untouched).
     */
    public void save(final ObjectNode tree) throws IOException
    {
        final Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.exists(target))
        {
            Files.copy(target, target.resolveSibling(target.getFileName() + ".bak"),
                StandardCopyOption.REPLACE_EXISTING);
        }
        final Path tmp = Files.createTempFile(dir, ".config-", ".tmp");
        try
        {
            final byte[] yaml = ConfigTree.YAML.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            Files.write(tmp, yaml);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE))
            {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        finally
        {
            Files.deleteIfExists(tmp);
        }
    }
}
