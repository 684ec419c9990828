package io.nocraven.appliance.menu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The terminal menu's connection to a running appliance: reads and writes through the admin API, writes with
 * {@code Authorization: Bearer <token>} (the token changes when the menu rotates it).
 */
public final class AdminSession
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;
    private volatile String token;

    /**
     * @param base  e.g. {@code http://127.0.0.1:8080}.
     * @param token the admin token (may be empty: reads still work, writes are refused by the appliance).
     */
    public AdminSession(final String base, final String token)
    {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /**
     * @return the base URL.
     */
    public String base()
    {
        return base;
    }

    void token(final String fresh)
    {
        this.token = fresh;
    }

    /**
     * @param path e.g. {@code /api/v1/status}.
     * @return the answer.
     * @throws IOException          when the appliance cannot be reached.
     * @throws InterruptedException when interrupted.
     */
    public Answer get(final String path) throws IOException, InterruptedException
    {
        return send("GET", path, null);
    }

    /**
     * @param method HTTP method.
     * @param path   path under the base URL.
     * @param body   JSON body, or null.
     * @return the answer.
     * @throws IOException          when the appliance cannot be reached.
     * @throws InterruptedException when interrupted.
     */
    public Answer send(final String method, final String path, final JsonNode body)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null && !token.isEmpty())
        {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null)
        {
            b.header("Content-Type", "application/json");
        }
        final HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = NullNode.getInstance();
        if (!r.body().isEmpty() && r.headers().firstValue("Content-Type").orElse("").contains("json"))
        {
            parsed = JSON.readTree(r.body());
        }
        return new Answer(r.statusCode(), parsed);
    }

    /**
     * An answer of the admin API.
     *
     * @param status HTTP status.
     * @param body   parsed JSON body (a NullNode when there is none).
     */
    public record Answer(int status, JsonNode body)
    {
        /**
         * @return true for 2xx.
         */
        public boolean ok()
        {
            return status >= 200 && status < 300;
        }

        /**
         * @return the error messages of an error answer ({@code errors[]} or {@code error}), one per line.
         */
        public String errors()
        {
            final StringBuilder sb = new StringBuilder();
            body.path("errors").forEach(e -> sb.append(e.asText()).append('\n'));
            if (sb.length() == 0)
            {
                sb.append(body.path("error").asText("HTTP " + status));
            }
            return sb.toString().stripTrailing();
        }
    }
}
