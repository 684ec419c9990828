package io.nocraven.appliance.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code noc-raven buffer}: offline tools over a durable buffer directory ({@code inspect}, {@code verify},
 * {@code export}). They open every file read-only, take no lock and repair nothing.
 */
@Command(name = "buffer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Inspect, verify and export a durable buffer directory (read-only; see docs/buffer-cli.md).",
        "Safe while the appliance runs: the figures are then a snapshot."
    },
    subcommands = {BufferInspectCommand.class, BufferVerifyCommand.class, BufferExportCommand.class})
public final class BufferCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().getErr().println("noc-raven buffer: a sub-command is required (inspect, verify, export)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
