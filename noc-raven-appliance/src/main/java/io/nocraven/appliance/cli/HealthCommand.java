package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code noc-raven health}: asks a running appliance for its health and prints one line per check. Exit codes
 * (Nagios-style): 0 ok, 1 warning, 2 critical or not ready, 3 appliance unreachable.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = "Show the health of a running appliance (exit 0 ok, 1 warning, 2 critical, 3 unreachable).")
public final class HealthCommand implements Callable<Integer>
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
            r = new AdminClient(url).get("/api/v1/health");
        }
        catch (final IOException ex)
        {
            System.err.println("noc-raven health: cannot reach " + url + ": " + ex);
            return 3;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return 3;
        }
        final JsonNode h = r.body();
        if (json)
        {
            System.out.println(h.toPrettyString());
        }
        else
        {
            System.out.println(text(h));
        }
        final String status = h.path("status").asText();
        if (!h.path("ready").asBoolean() || "critical".equals(status))
        {
            return 2;
        }
        return "warning".equals(status) ? 1 : 0;
    }

    static String text(final JsonNode h)
    {
        final StringBuilder sb = new StringBuilder(1024);
        sb.append("status: ").append(h.path("status").asText().toUpperCase(Locale.ROOT)).append("  ready: ")
            .append(h.path("ready").asBoolean()).append('\n');
        for (final JsonNode c : h.path("checks"))
        {
            sb.append(String.format(Locale.ROOT, "  %-9s %-24s %-12s %s%n", c.path("level").asText().toUpperCase(
                Locale.ROOT), c.path("name").asText(), c.path("value").asText(), c.path("message").asText()));
        }
        return sb.toString().stripTrailing();
    }
}
