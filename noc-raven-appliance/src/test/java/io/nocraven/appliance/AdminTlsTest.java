package io.nocraven.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API over TLS with a configured PEM certificate and key. */
class AdminTlsTest
{
    @TempDir
    Path dir;

    @Test
    void shouldServeTheApiOverTls() throws Exception
    {
        final X509Bundle cert = new CertificateBuilder().subject("CN=localhost").addSanDnsName("localhost")
            .addSanIpAddress("127.0.0.1").setIsCertificateAuthority(true).buildSelfSigned();
        try (TestAppliance app = new TestAppliance(dir, "admin.tls.enabled=true",
            "admin.tls.certFile=" + cert.toTempCertChainPem(), "admin.tls.keyFile=" + cert.toTempPrivateKeyPem()))
        {
            final KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("noc-raven", cert.getCertificate());
            final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            final SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            final HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
            final URI status = URI.create("https://127.0.0.1:" + app.appliance.adminPort() + "/api/v1/status");
            final HttpResponse<String> r = https.send(HttpRequest.newBuilder(status).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals(401, https.send(HttpRequest.newBuilder(URI.create(status.toString().replace("status",
                "token/rotate"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(status.toString().replace("https:", "http:"))).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }
}
