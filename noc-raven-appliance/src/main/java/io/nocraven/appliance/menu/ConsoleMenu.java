package io.nocraven.appliance.menu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * {@code noc-raven menu}: a keyboard-driven console menu for the first setup on the box. Everything goes through
 * the admin API of the running appliance ({@link AdminSession}): status and health, listener ports, forwarding
 * targets, admin token rotation, and where the web panel is.
 */
public final class ConsoleMenu
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> MAIN = List.of("Status and health", "Listener ports", "Forwarding targets",
        "Rotate the admin token", "Where is the web panel?", "Quit");

    private final Terminal terminal;
    private final AdminSession api;
    private final Function<JsonNode, String> statusText;
    private final Function<JsonNode, String> healthText;
    private final KeyChooser chooser;
    private final LineReader lines;

    /**
     * @param terminal   the terminal.
     * @param api        the appliance.
     * @param statusText renders {@code /api/v1/status} as text (the {@code status} command's format).
     * @param healthText renders {@code /api/v1/health} as text (the {@code health} command's format).
     */
    public ConsoleMenu(final Terminal terminal, final AdminSession api, final Function<JsonNode, String> statusText,
        final Function<JsonNode, String> healthText)
    {
        this.terminal = terminal;
        this.api = api;
        this.statusText = statusText;
        this.healthText = healthText;
        this.chooser = new KeyChooser(terminal);
        this.lines = LineReaderBuilder.builder().terminal(terminal).build();
    }

    /**
     * Runs until the operator quits.
     *
     * @return 0, or 3 when the appliance cannot be reached at start.
     * @throws InterruptedException when interrupted.
     */
    public int run() throws InterruptedException
    {
        try
        {
            api.get("/api/v1/health/live");
        }
        catch (final IOException ex)
        {
            out().print("noc-raven menu: cannot reach the appliance at " + api.base() + ": " + ex + "\r\n");
            terminal.flush();
            return 3;
        }
        while (true)
        {
            final int choice = chooser.choose("NoC Raven setup menu", "appliance: " + api.base(), MAIN);
            try
            {
                switch (choice)
                {
                    case 0 -> status();
                    case 1 -> ports();
                    case 2 -> targets();
                    case 3 -> rotate();
                    case 4 -> panel();
                    default ->
                    {
                        clear();
                        return 0;
                    }
                }
            }
            catch (final IOException ex)
            {
                show("The appliance did not answer: " + ex);
            }
            catch (final UserInterruptException | EndOfFileException ex)
            {
                show("Cancelled.");
            }
        }
    }

    private void status() throws IOException, InterruptedException
    {
        final String s = statusText.apply(api.get("/api/v1/status").body());
        final String h = healthText.apply(api.get("/api/v1/health").body());
        show("STATUS\n" + s + "\n\nHEALTH\n" + h);
    }

    private void ports() throws IOException, InterruptedException
    {
        final JsonNode ports = api.get("/api/v1/ports").body();
        final List<String> items = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (final JsonNode l : ports.path("listeners"))
        {
            names.add(l.path("name").asText());
            items.add(String.format(java.util.Locale.ROOT, "%-13s %-4s %s:%d %s", l.path("name").asText(),
                l.path("transport").asText(), l.path("bind").asText(), l.path("port").asInt(),
                !l.path("enabled").asBoolean() ? "(disabled)" : l.path("bound").asBoolean()
                    ? "(bound on " + l.path("boundPort").asInt() + ")" : "(NOT bound)"));
        }
        final int at = chooser.choose("Listener ports", "Choose a listener to change its port.", items);
        if (at < 0)
        {
            return;
        }
        final String name = names.get(at);
        clear();
        final String text = lines.readLine("New port for " + name + " (0-65535, empty = keep): ").trim();
        if (text.isEmpty())
        {
            return;
        }
        final int port;
        try
        {
            port = Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            show("'" + text + "' is not a port number.");
            return;
        }
        final AdminSession.Answer r = api.send("PUT", "/api/v1/ports/" + name, JSON.objectNode().put("port", port));
        if (r.ok())
        {
            for (final JsonNode l : r.body().path("listeners"))
            {
                if (name.equals(l.path("name").asText()))
                {
                    show(name + " now listens on " + l.path("bind").asText() + ":" + l.path("boundPort").asInt()
                        + " (saved).");
                    return;
                }
            }
        }
        show("Not changed: " + r.errors());
    }

    private void targets() throws IOException, InterruptedException
    {
        final List<String[]> keys = List.of(
            new String[] {"forwarders.kafka", "bootstrapServers", "Kafka brokers (host:port,...)"},
            new String[] {"forwarders.udpRelay", "target", "Raw UDP relay target (host:port)"},
            new String[] {"forwarders.syslogRelay", "target", "Syslog relay target over TCP (host:port)"});
        final ObjectNode tree = (ObjectNode)api.get("/api/v1/config").body();
        final List<String> items = new ArrayList<>();
        for (final String[] k : keys)
        {
            final JsonNode n = at(tree, k[0]);
            items.add(k[2] + ": " + (n.path("enabled").asBoolean() ? "on, " : "off, ") + n.path(k[1]).asText());
        }
        final int at = chooser.choose("Forwarding targets", "Choose a target to set it (an empty answer turns it off).",
            items);
        if (at < 0)
        {
            return;
        }
        clear();
        final String[] k = keys.get(at);
        final ObjectNode node = (ObjectNode)at(tree, k[0]);
        final String value = lines.readLine(k[2] + " [" + node.path(k[1]).asText() + "]: ").trim();
        node.put("enabled", !value.isEmpty());
        if (!value.isEmpty())
        {
            node.put(k[1], value);
        }
        final AdminSession.Answer r = api.send("PUT", "/api/v1/config", tree);
        if (r.ok())
        {
            final JsonNode restart = r.body().path("restartRequired");
            show("Saved to " + r.body().path("persistedTo").asText() + "."
                + (restart.size() > 0 ? "\nTakes effect after a restart of the appliance: " + restart : ""));
        }
        else
        {
            show("Not saved:\n" + r.errors());
        }
    }

    private void rotate() throws IOException, InterruptedException
    {
        clear();
        final String yes = lines.readLine("Replace the admin token? Scripts using the old one stop working. [y/N] ");
        if (!yes.trim().equalsIgnoreCase("y"))
        {
            return;
        }
        final AdminSession.Answer r = api.send("POST", "/api/v1/token/rotate", null);
        if (r.ok())
        {
            final String fresh = r.body().path("token").asText();
            api.token(fresh);
            show("New admin token (shown once, also stored in the data directory):\n" + fresh);
        }
        else
        {
            show("Not rotated: " + r.errors());
        }
    }

    private void panel() throws IOException, InterruptedException
    {
        final JsonNode admin = api.get("/api/v1/ports").body().path("admin");
        final StringBuilder sb = new StringBuilder("The web control panel is served by the appliance's admin API:\n");
        for (final String url : PanelAddress.urls(api.base(), admin.path("bind").asText(),
            admin.path("boundPort").asInt()))
        {
            sb.append("  ").append(url).append('\n');
        }
        sb.append("Log in with the admin token.");
        show(sb.toString());
    }

    private static JsonNode at(final JsonNode tree, final String dotted)
    {
        JsonNode n = tree;
        for (final String k : dotted.split("\\."))
        {
            n = n.path(k);
        }
        return n;
    }

    private PrintWriter out()
    {
        return terminal.writer();
    }

    private void clear()
    {
        terminal.puts(InfoCmp.Capability.clear_screen);
        terminal.flush();
    }

    private void show(final String text)
    {
        clear();
        out().print(text.replace("\n", "\r\n") + "\r\n");
        chooser.anyKey();
    }
}
