package io.nocraven.appliance.cli;

import io.nocraven.buffer.inspect.SegmentVerification;
import io.nocraven.buffer.inspect.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code noc-raven buffer verify DIR [--stream S]}: checks the framing and CRC32C of every record in every segment
 * (sealed, compressed and active) and the segment headers and compressed indexes, and prints what it found.
 * Exit 0 when clean, 1 when damage was found (a quarantined segment counts), 2 on bad usage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {
        "Check every record's CRC32C and framing in sealed, compressed and active segments, and every segment header "
            + "and compressed index. Changes nothing.",
        "Exit status: 0 clean, 1 damage found (including quarantined segments), 2 bad usage or unreadable directory."
    })
public final class BufferVerifyCommand implements Callable<Integer>
{
    @Mixin
    private BufferSelection selection;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter out = spec.commandLine().getOut();
        final BufferSelection.Selected selected;
        try
        {
            selected = selection.open();
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            err.println("noc-raven buffer verify: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        long segments = 0;
        long damaged = 0;
        long records = 0;
        try
        {
            if (selected.inspector().inUse())
            {
                out.println("buffer " + selected.inspector().directory() + " is in use by a running writer: bytes after "
                    + "the last committed record of each stream's newest segment are not checked");
            }
            for (final String stream : selected.streams())
            {
                final VerifyReport report = selected.inspector().verify(stream);
                out.println(String.format(Locale.ROOT, "stream %s: %d segments, %d records verified%s", stream,
                    report.segments().size(), report.validRecords(), report.ok() ? "" : ", DAMAGED"));
                for (final SegmentVerification v : report.segments())
                {
                    segments++;
                    records += v.validRecords();
                    damaged += v.ok() ? 0 : 1;
                    out.println(String.format(Locale.ROOT, "  %-7s %-32s %9d valid records%s", v.ok() ? "ok" : "DAMAGED",
                        v.fileName(), v.validRecords(), v.ok() ? "" : "; " + v.detail()));
                }
            }
        }
        catch (final IOException ex)
        {
            err.println("noc-raven buffer verify: cannot read " + selected.inspector().directory() + ": " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        out.println(String.format(Locale.ROOT, "verify: %d streams, %d segments, %d records verified, %d damaged segments%s",
            selected.streams().size(), segments, records, damaged, damaged == 0 ? ": clean" : ""));
        out.flush();
        return damaged == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
