package io.nocraven.appliance;

import io.nocraven.appliance.cli.RunCommand;
import picocli.CommandLine;

/** Entry point for child-JVM tests: {@code run} without the rest of the CLI. */
final class RunMain
{
    private RunMain()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new RunCommand()).execute(args));
    }
}
