package io.nocraven.appliance;

import io.nocraven.appliance.cli.MenuCommand;
import picocli.CommandLine;

/** Entry point for the terminal-menu test: {@code menu} without the rest of the CLI, run in a tmux pane. */
final class MenuMain
{
    private MenuMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new MenuCommand()).execute(args));
    }
}
