package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real third-party program a test drives (softflowd, pmacctd, snmptrap, logger...). {@link #require} finds it on
 * {@code PATH} or in the sbin directories; when it is missing the test FAILS if {@code CI=true} (the CI image must
 * install it) and is aborted by an assumption otherwise. {@link #run} runs it bounded in time.
 */
final class ExternalTool
{
    private static final List<String> SBIN = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    private final Path path;

    private ExternalTool(final Path path)
    {
        this.path = path;
    }

    /**
     * @param name          the program's file name.
     * @param debianPackage the Debian package that provides it (named in the failure message).
     * @return the program.
     */
    static ExternalTool require(final String name, final String debianPackage)
    {
        final Path found = find(name);
        if (found == null)
        {
            final String message = name + " not found on PATH or in " + SBIN + " (Debian package " + debianPackage + ")";
            if ("true".equals(System.getenv("CI")))
            {
                fail(message + ": it is required in CI");
            }
            assumeTrue(false, message);
        }
        return new ExternalTool(found);
    }

    static Path find(final String name)
    {
        final Set<String> dirs = new LinkedHashSet<>();
        final String env = System.getenv("PATH");
        if (env != null)
        {
            dirs.addAll(List.of(env.split(File.pathSeparator)));
        }
        dirs.addAll(SBIN);
        for (final String d : dirs)
        {
            if (d.isEmpty())
            {
                continue;
            }
            final Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p))
            {
                return p;
            }
        }
        return null;
    }

    Path path()
    {
        return path;
    }

    /**
     * Starts the program with its output (stdout and stderr together) going to {@code log}.
     *
     * @param env  extra environment.
     * @param log  output file.
     * @param args arguments.
     * @return the running process.
     * @throws IOException when it cannot be started.
     */
    Process start(final Map<String, String> env, final Path log, final String... args) throws IOException
    {
        final List<String> cmd = new ArrayList<>();
        cmd.add(path.toString());
        cmd.addAll(List.of(args));
        final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Runs the program to its end, at most {@code timeoutSeconds}, and checks its exit code.
     *
     * @param expectedExit   exit code the test expects.
     * @param timeoutSeconds bound.
     * @param env            extra environment.
     * @param dir            working directory, for the output file.
     * @param args           arguments.
     * @return its output.
     * @throws Exception when it cannot be run or interrupted.
     */
    String run(final int expectedExit, final int timeoutSeconds, final Map<String, String> env, final Path dir,
        final String... args) throws Exception
    {
        final Path log = Files.createTempFile(dir, path.getFileName().toString(), ".log");
        final Process p = start(env, log, args);
        final boolean ended = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!ended)
        {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        final String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, path + " " + List.of(args) + " did not end within " + timeoutSeconds + " s: " + out);
        if (p.exitValue() != expectedExit)
        {
            fail(path + " " + List.of(args) + " exited with " + p.exitValue() + " (expected " + expectedExit + "): "
                + out);
        }
        return out;
    }
}
