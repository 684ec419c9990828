package io.nocraven.appliance.cli;

import picocli.CommandLine;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code noc-raven.jar}: dispatches to the sub-commands.
 */
@Command(
    name = "noc-raven",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "NoC Raven: venue telemetry collector (NetFlow, IPFIX, sFlow, syslog, SNMP traps, Windows events).",
    subcommands = {DecodeCommand.class, RunCommand.class, HealthCommand.class, StatusCommand.class, MenuCommand.class,
        BufferCommand.class,
        CommandLine.HelpCommand.class})
public final class NocRavenCli implements Runnable
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the CLI and exits with its exit code.
     *
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        final CommandLine cl = newCommandLine();
        cl.setOut(new StandardOutput(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)));
        final int exit = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(exit);
    }

    /**
     * Runs the CLI without exiting (for tests and embedding).
     *
     * @param args command-line arguments.
     * @return the exit code: 0 on success, 2 on bad usage or unreadable input.
     */
    public static int execute(final String... args)
    {
        return newCommandLine().execute(args);
    }

    /**
     * @return the configured picocli command line.
     */
    public static CommandLine newCommandLine()
    {
        final CommandLine cl = new CommandLine(new NocRavenCli());
        cl.setParameterExceptionHandler((ex, params) ->
        {
            final CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("noc-raven: " + ex.getMessage());
            cmd.getErr().println("Try 'noc-raven " + (cmd == cl ? "" : cmd.getCommandName() + " ") + "--help'.");
            return ExitCodes.USAGE;
        });
        return cl;
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
