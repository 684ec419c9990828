package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command running in a detached tmux session on a private tmux server socket: keys are sent with
 * {@code send-keys}, the screen is read with {@code capture-pane -p}. Without tmux the test is skipped locally and
 * FAILS under {@code CI=true}.
 */
final class TmuxPane implements AutoCloseable
{
    private final String socket = "noc-raven-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    TmuxPane(final List<String> command) throws IOException, InterruptedException
    {
        if (!new File("/usr/bin/tmux").canExecute())
        {
            if ("true".equals(System.getenv("CI")))
            {
                fail("the terminal menu test needs tmux (/usr/bin/tmux): apt-get install -y tmux");
            }
            assumeTrue(false, "tmux not installed: terminal menu test skipped (it fails under CI=true)");
        }
        final List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-s", "menu", "-x", "150", "-y", "50"));
        cmd.add(String.join(" ", command.stream().map(TmuxPane::quote).toList()) + "; sleep 30");
        tmux(cmd);
    }

    private static String quote(final String s)
    {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    String tmux(final List<String> args) throws IOException, InterruptedException
    {
        final List<String> cmd = new ArrayList<>(List.of("/usr/bin/tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(args);
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS))
        {
            p.destroyForcibly();
        }
        return out;
    }

    void keys(final String... keys) throws IOException, InterruptedException
    {
        final List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "menu"));
        cmd.addAll(List.of(keys));
        tmux(cmd);
    }

    /** Types text literally (no key names). */
    void type(final String text) throws IOException, InterruptedException
    {
        tmux(List.of("send-keys", "-t", "menu", "-l", text));
    }

    String screen() throws IOException, InterruptedException
    {
        return tmux(List.of("capture-pane", "-p", "-t", "menu"));
    }

    /** Waits (up to 20 s) until the screen satisfies the condition; returns the screen. */
    String waitFor(final Predicate<String> condition, final String what) throws IOException, InterruptedException
    {
        String s = "";
        for (int i = 0; i < 200; i++)
        {
            s = screen();
            if (condition.test(s))
            {
                return s;
            }
            Thread.sleep(100);
        }
        return fail("screen never showed " + what + "; last screen:\n" + s);
    }

    String waitFor(final String text) throws IOException, InterruptedException
    {
        return waitFor(s -> s.contains(text), "'" + text + "'");
    }

    @Override
    public void close() throws IOException, InterruptedException
    {
        tmux(List.of("kill-server"));
    }
}
