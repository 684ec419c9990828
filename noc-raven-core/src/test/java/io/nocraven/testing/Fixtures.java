package io.nocraven.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The shared test fixtures on the classpath (under {@code /fixtures/}, shipped in core's test-jar). Classpath folders
 * cannot be listed reliably inside a jar, so the listing comes from {@code /fixtures/INDEX.txt}, a checked-in list of
 * every fixture file that core's {@code FixturesIndexTest} keeps complete (it fails, printing the expected content,
 * when a file is added or removed without updating the index).
 */
public final class Fixtures
{
    /** The index resource: one path per line, relative to {@code /fixtures/}. */
    public static final String INDEX = "/fixtures/INDEX.txt";

    private static volatile List<String> index;

    private Fixtures()
    {
    }

    /**
     * Lists the fixture files directly inside a folder.
     *
     * @param folder a classpath folder such as {@code "/fixtures/netflow"}.
     * @param suffix a file-name ending such as {@code ".pcap"}, or {@code ""} for all.
     * @return classpath resource paths (for example {@code "/fixtures/netflow/softflowd_v5.pcap"}), sorted; never empty.
     * @throws IllegalArgumentException when nothing matches (a misspelt folder must not make a test pass vacuously).
     */
    public static List<String> list(final String folder, final String suffix)
    {
        final String prefix = (folder.endsWith("/") ? folder : folder + "/");
        final List<String> out = new ArrayList<>();
        for (final String entry : index())
        {
            final String path = "/fixtures/" + entry;
            if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0 && path.endsWith(suffix))
            {
                out.add(path);
            }
        }
        if (out.isEmpty())
        {
            throw new IllegalArgumentException("no fixture in " + folder + " ending with '" + suffix + "' (see " + INDEX + ")");
        }
        return out;
    }

    /**
     * @param resource a classpath resource such as {@code "/fixtures/netflow/softflowd_v5.pcap"}.
     * @return its bytes.
     * @throws IllegalArgumentException when it does not exist.
     */
    public static byte[] bytes(final String resource)
    {
        try (InputStream in = open(resource))
        {
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(resource, ex);
        }
    }

    /**
     * @param resource a classpath resource.
     * @return its content as UTF-8 text.
     */
    public static String text(final String resource)
    {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /**
     * @param resource a classpath resource.
     * @return an open stream (the caller closes it).
     * @throws IllegalArgumentException when it does not exist.
     */
    public static InputStream open(final String resource)
    {
        final InputStream in = Fixtures.class.getResourceAsStream(resource);
        if (in == null)
        {
            throw new IllegalArgumentException("no classpath resource " + resource);
        }
        return in;
    }

    /**
     * @return every entry of the index, relative to {@code /fixtures/}, sorted.
     */
    public static List<String> index()
    {
        List<String> entries = index;
        if (entries == null)
        {
            entries = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8)))
            {
                for (String line = reader.readLine(); line != null; line = reader.readLine())
                {
                    if (!line.isBlank() && !line.startsWith("#"))
                    {
                        entries.add(line.strip());
                    }
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(INDEX, ex);
            }
            Collections.sort(entries);
            entries = Collections.unmodifiableList(entries);
            index = entries;
        }
        return entries;
    }
}
