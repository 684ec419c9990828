package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.nocraven.appliance.config.ListenerType;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelRoutesTest
{
    private static final byte[] GARBAGE = {0x00, 0x63, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07};

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(final TestAppliance app, final String path, final String token) throws Exception
    {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).GET();
        if (token != null)
        {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldServeThePanelAndTheChartLibraryFromTheJar() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir))
        {
            final HttpResponse<byte[]> index = get(app, "/", null);
            assertEquals(200, index.statusCode());
            assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(new String(index.body(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("<script type=\"module\" src=\"/panel/js/app.js\">"));
            final HttpResponse<byte[]> js = get(app, "/panel/js/app.js", null);
            assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElseThrow());
            final HttpResponse<byte[]> uplot = get(app, "/vendor/uplot/dist/uPlot.esm.js", null);
            assertEquals(200, uplot.statusCode());
            assertTrue(new String(uplot.body(), java.nio.charset.StandardCharsets.UTF_8).contains("export { uPlot as default }"));
            assertEquals(404, get(app, "/panel/../config/default-config.yaml", null).statusCode());
            assertEquals(404, get(app, "/panel/js/none.js", null).statusCode());
        }
    }

    @Test
    void shouldCheckTheTokenWithoutChangingAnything() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir))
        {
            assertEquals(401, get(app, "/api/v1/auth/check", null).statusCode());
            assertEquals(403, get(app, "/api/v1/auth/check", "wrong").statusCode());
            assertEquals(204, get(app, "/api/v1/auth/check", TestAppliance.TOKEN).statusCode());
        }
    }

    @Test
    void shouldListDistinctErrorsAndHandOutQuarantinedInputAsPcap() throws Exception
    {
        try (TestAppliance app = new TestAppliance(dir))
        {
            final int port = app.port(ListenerType.NETFLOW_UDP);
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress()))
            {
                for (int i = 0; i < 3; i++)
                {
                    s.send(new DatagramPacket(GARBAGE, GARBAGE.length, InetAddress.getLoopbackAddress(), port));
                }
                JsonNode errors = null;
                for (int i = 0; i < 100; i++)
                {
                    errors = app.getJson("/api/v1/errors").get("errors");
                    if (errors.size() > 0 && errors.get(0).get("count").asLong() == 3)
                    {
                        break;
                    }
                    Thread.sleep(50);
                }
                final JsonNode e = errors.get(0);
                assertEquals("input", e.get("kind").asText());
                assertEquals("listener:netflow-udp", e.get("source").asText());
                assertEquals(3, e.get("count").asLong());
                assertEquals("127.0.0.1:" + s.getLocalPort(), e.get("lastExporter").asText());

                final HttpResponse<byte[]> pcap = get(app, "/api/v1/quarantine.pcap", null);
                assertEquals(200, pcap.statusCode());
                final ByteBuffer b = ByteBuffer.wrap(pcap.body()).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(0xa1b2c3d4, b.getInt(0));
                assertEquals(101, b.getInt(20));
                assertEquals(24 + 3 * (16 + 20 + 8 + GARBAGE.length), pcap.body().length);
                final int packet = 24 + 16;
                assertEquals(20 + 8 + GARBAGE.length, b.getInt(24 + 8));
                assertEquals(0x45, pcap.body()[packet] & 0xff);
                assertEquals(17, pcap.body()[packet + 9]);
                final ByteBuffer be = ByteBuffer.wrap(pcap.body()).order(ByteOrder.BIG_ENDIAN);
                assertEquals(s.getLocalPort(), be.getShort(packet + 20) & 0xffff);
                assertEquals(port, be.getShort(packet + 22) & 0xffff);
                assertArrayEquals(GARBAGE, Arrays.copyOfRange(pcap.body(), packet + 28, packet + 28 + GARBAGE.length));
                assertEquals(0, io.nocraven.appliance.panel.IpPacketsAccess.ipv4HeaderChecksum(pcap.body(), packet));
            }
        }
    }
}
