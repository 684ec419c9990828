package io.nocraven.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small client of the admin API for the {@code health} and {@code status} commands (and the terminal menu). */
public final class AdminClient
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    /**
     * @param base e.g. {@code http://127.0.0.1:8080}.
     */
    public AdminClient(final String base)
    {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * @param path e.g. {@code /api/v1/health}.
     * @return status code and parsed JSON body.
     * @throws IOException          when the appliance cannot be reached or answers something that is not JSON.
     * @throws InterruptedException when interrupted.
     */
    public Response get(final String path) throws IOException, InterruptedException
    {
        final HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), JSON.readTree(r.body()));
    }

    /**
     * A response.
     *
     * @param status HTTP status.
     * @param body   JSON body.
     */
    public record Response(int status, JsonNode body)
    {
    }
}
