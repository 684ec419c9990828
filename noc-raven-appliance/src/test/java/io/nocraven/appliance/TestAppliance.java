package io.nocraven.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nocraven.appliance.app.Appliance;
import io.nocraven.appliance.config.ApplianceConfig;
import io.nocraven.appliance.config.ConfigLoader;
import io.nocraven.appliance.config.ConfigStore;
import io.nocraven.appliance.config.ListenerType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a real appliance on 127.0.0.1 with ephemeral ports for tests, and talks to its admin API. */
final class TestAppliance implements AutoCloseable
{
    static final String TOKEN = "test-admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    final Appliance appliance;
    final ApplianceConfig config;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    TestAppliance(final Path dataDir, final String... extraSets) throws Exception
    {
        final List<String> sets = new ArrayList<>();
        sets.add("admin.bind=127.0.0.1");
        sets.add("admin.port=0");
        sets.add("admin.token=" + TOKEN);
        for (final ListenerType t : ListenerType.values())
        {
            sets.add("listeners." + t.configName() + ".bind=127.0.0.1");
            sets.add("listeners." + t.configName() + ".port=0");
            sets.add("listeners." + t.configName() + ".receiveBufferBytes=0");
        }
        sets.add("pipeline.ringSize=1024");
        // The tests read flows back from the archive too (by default it takes the syslog, SNMP and Windows streams).
        sets.add("forwarders.archive.streams=");
        sets.addAll(List.of(extraSets));
        config = ConfigLoader.load(null, Map.of(), sets.stream().filter(s -> !s.endsWith(".receiveBufferBytes=0")
            || !isTcp(s)).toList(), dataDir);
        appliance = new Appliance(config, new ConfigStore(dataDir.resolve("config.yaml")),
            new PrintStream(console, true, StandardCharsets.UTF_8));
        appliance.start();
    }

    private static boolean isTcp(final String set)
    {
        final String name = set.substring("listeners.".length(), set.indexOf('.', "listeners.".length()));
        return ListenerType.byConfigName(name).transport() == ListenerType.Transport.TCP;
    }

    int port(final ListenerType t)
    {
        return appliance.listeners().get(t).boundPort();
    }

    String url(final String path)
    {
        return "http://127.0.0.1:" + appliance.adminPort() + path;
    }

    HttpResponse<String> get(final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(final String path) throws Exception
    {
        return JSON.readTree(get(path).body());
    }

    HttpResponse<String> send(final String method, final String path, final String body, final String token)
        throws Exception
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
            .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null)
        {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close()
    {
        appliance.close();
    }
}
