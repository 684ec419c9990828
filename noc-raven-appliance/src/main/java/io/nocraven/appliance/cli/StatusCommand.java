package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code noc-raven status}: listeners, rates, top exporters and forwarders of a running appliance. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show listeners, rates, exporters and forwarders of a running appliance.")
public final class StatusCommand implements Callable<Integer>
{
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080",
        description = "Admin API base URL (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--json", description = "Print the raw JSON.")
    private boolean json;

    @Override
    public Integer call()
    {
        final AdminClient.Response r;
        try
        {
            r = new AdminClient(url).get("/api/v1/status");
        }
        catch (final IOException ex)
        {
            System.err.println("noc-raven status: cannot reach " + url + ": " + ex);
            return 3;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return 3;
        }
        System.out.println(json ? r.body().toPrettyString() : text(r.body()));
        return r.status() == 200 ? 0 : 1;
    }

    static String text(final JsonNode s)
    {
        final StringBuilder sb = new StringBuilder(2048);
        sb.append("uptime ").append(s.path("uptimeSeconds").asLong()).append(" s, transport ")
            .append(s.path("transport").asText()).append('\n');
        sb.append(String.format(Locale.ROOT, "%-13s %-6s %-22s %10s %10s %9s %10s%n", "LISTENER", "STATE", "ADDRESS",
            "RECEIVED", "RECORDS", "QUARANT.", "IN/S"));
        for (final JsonNode l : s.path("listeners"))
        {
            if (!l.path("enabled").asBoolean())
            {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-13s %-6s %-22s %10d %10d %9d %10.1f%n", l.path("name").asText(),
                l.path("bound").asBoolean() ? "up" : "DOWN", l.path("bind").asText() + ":" + l.path("boundPort").asInt(),
                l.path("received").asLong(), l.path("records").asLong(), l.path("quarantined").asLong(),
                l.path("inputsPerSecond").asDouble()));
            for (final JsonNode e : l.path("topExporters"))
            {
                sb.append(String.format(Locale.ROOT, "    %-30s %10d inputs %12d bytes%n", e.path("exporter").asText(),
                    e.path("inputs").asLong(), e.path("bytes").asLong()));
            }
        }
        sb.append("FORWARDERS\n");
        for (final JsonNode f : s.path("forwarders"))
        {
            sb.append(String.format(Locale.ROOT, "  %-13s %-11s sent %d failed %d dropped %d pending %d %s%n",
                f.path("name").asText(), f.path("state").asText(), f.path("sent").asLong(), f.path("failed").asLong(),
                f.path("dropped").asLong(), f.path("pending").asLong(), f.path("lastError").asText()));
        }
        return sb.toString().stripTrailing();
    }
}
