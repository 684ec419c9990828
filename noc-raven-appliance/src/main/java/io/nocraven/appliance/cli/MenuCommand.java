package io.nocraven.appliance.cli;

import io.nocraven.appliance.admin.AdminToken;
import io.nocraven.appliance.menu.AdminSession;
import io.nocraven.appliance.menu.ConsoleMenu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noc-raven menu}: the keyboard-driven setup menu ({@link ConsoleMenu}) against a running appliance. The
 * token comes from {@code --token}, else {@code --token-file}, else {@code <data dir>/admin-token}. Exit codes: 0 done,
 * 2 no readable token, 3 appliance unreachable.
 */
@Command(name = "menu", mixinStandardHelpOptions = true,
    description = "Keyboard-driven setup menu: status, health, ports, forwarding targets, token, panel address.")
public final class MenuCommand implements Callable<Integer>
{
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
        description = "Admin API base URL (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--token", description = "Admin token (prefer --token-file: arguments are visible to other users).")
    private String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the admin token "
        + "(default: <data dir>/admin-token).")
    private Path tokenFile;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./noc-raven-data",
        description = "Data directory of the appliance, for the default token file (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException
    {
        final String t;
        if (token != null)
        {
            t = token.trim();
        }
        else
        {
            final Path f = tokenFile != null ? tokenFile : dataDir.resolve(AdminToken.FILE);
            try
            {
                t = Files.readString(f, StandardCharsets.UTF_8).trim();
            }
            catch (final IOException ex)
            {
                System.err.println("noc-raven menu: cannot read the admin token from " + f + " (" + ex.getMessage()
                    + "); give --token-file FILE or --token TOKEN");
                return 2;
            }
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("noc-raven").build())
        {
            return new ConsoleMenu(terminal, new AdminSession(url, t), StatusCommand::text, HealthCommand::text).run();
        }
    }
}
