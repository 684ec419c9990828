package io.nocraven.appliance.cli;

import io.nocraven.appliance.decode.OfflineDecoder;
import io.nocraven.codec.CodecOptions;
import io.nocraven.codec.flow.InformationElementRegistry;
import io.nocraven.codec.ProtocolFamily;
import io.nocraven.codec.snmp.SnmpUsers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code noc-raven decode}: captures (pcap, pcapng) and raw datagram files to JSON lines on stdout
 * ({@code docs/record-schema.md}), a summary on stderr.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Decode captures (pcap/pcapng) and raw datagram files to JSON lines on stdout (docs/record-schema.md).",
        "Decoder state (templates) carries across all FILEs, in order. A summary goes to stderr.",
        "Exit status: 0 when the inputs were read (even if some datagrams were invalid), 2 on bad usage or an "
            + "unreadable input."
    })
public final class DecodeCommand implements Callable<Integer>
{
    @Option(names = "--protocol", paramLabel = "PROTOCOL", defaultValue = "auto",
        description = "auto|netflow|ipfix|sflow|syslog|snmp|windows-event (default: ${DEFAULT-VALUE}: by UDP/TCP "
            + "destination port 514 syslog, 162 snmp, 2055/9995/9996 netflow, 4739 ipfix, 6343 sflow, then by content)")
    private String protocol;

    @Option(names = "--snmp-users", paramLabel = "FILE", description = "SNMPv3 users (YAML or JSON list).")
    private Path snmpUsers;

    @Option(names = "--flow-names", paramLabel = "FILE",
        description = "JSON mapping file that adds or overrides NetFlow v9/IPFIX element names (docs/record-schema.md).")
    private Path flowNames;

    @Option(names = "--syslog-mode", paramLabel = "MODE", defaultValue = "lenient",
        description = "strict|lenient (default: ${DEFAULT-VALUE})")
    private String syslogMode;

    @Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
        description = "Zone for timestamps that carry none (RFC 3164, Windows events), e.g. Europe/Paris "
            + "(default: ${DEFAULT-VALUE})")
    private String timezone;

    @Option(names = "--year", paramLabel = "YYYY",
        description = "Year for RFC 3164 timestamps (default: inferred from the capture time)")
    private Integer year;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture or raw datagram files.")
    private List<Path> files;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final CodecOptions options;
        final ProtocolFamily forced;
        try
        {
            forced = "auto".equalsIgnoreCase(protocol) ? null : ProtocolFamily.fromCliName(protocol);
            options = buildOptions();
        }
        catch (final IllegalArgumentException | DateTimeException | IOException ex)
        {
            err.println("noc-raven decode: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        for (final Path f : files)
        {
            if (!Files.isReadable(f) || Files.isDirectory(f))
            {
                err.println("noc-raven decode: cannot read '" + f + "' (expected: a readable capture or raw datagram file)");
                return ExitCodes.USAGE;
            }
        }

        final OutputStream out = StandardOutput.bytes(spec.commandLine().getOut());
        final OfflineDecoder decoder = new OfflineDecoder(forced, options, out);
        int exit = ExitCodes.OK;
        try
        {
            for (final Path f : files)
            {
                try
                {
                    decoder.decodeFile(f);
                }
                catch (final IOException ex)
                {
                    err.println("noc-raven decode: " + ex.getMessage());
                    exit = ExitCodes.USAGE;
                }
            }
            decoder.finish();
            out.flush();
        }
        catch (final IOException ex)
        {
            err.println("noc-raven decode: cannot write output: " + ex.getMessage());
            return ExitCodes.FAILURE;
        }
        catch (final UncheckedIOException ex)
        {
            err.println("noc-raven decode: cannot write output: " + ex.getCause().getMessage());
            return ExitCodes.FAILURE;
        }
        err.println(decoder.summary().format());
        err.flush();
        return exit;
    }

    private CodecOptions buildOptions() throws IOException
    {
        final CodecOptions.Builder b = CodecOptions.builder();
        if ("strict".equalsIgnoreCase(syslogMode))
        {
            b.syslogMode(CodecOptions.SyslogMode.STRICT);
        }
        else if ("lenient".equalsIgnoreCase(syslogMode))
        {
            b.syslogMode(CodecOptions.SyslogMode.LENIENT);
        }
        else
        {
            throw new IllegalArgumentException("--syslog-mode: '" + syslogMode + "' (expected: strict or lenient)");
        }
        try
        {
            b.timezone(ZoneId.of(timezone));
        }
        catch (final DateTimeException ex)
        {
            throw new IllegalArgumentException("--timezone: '" + timezone
                + "' is not a time zone (expected: a region like Europe/Paris or an offset like +01:00)", ex);
        }
        if (year != null)
        {
            if (year < 1970 || year > 9999)
            {
                throw new IllegalArgumentException("--year: " + year + " (expected: 1970..9999)");
            }
            b.year(year);
        }
        if (snmpUsers != null)
        {
            b.snmpUsers(SnmpUsers.load(snmpUsers));
        }
        if (flowNames != null)
        {
            b.flowElements(InformationElementRegistry.standard().withMappingFile(flowNames));
        }
        return b.build();
    }
}
