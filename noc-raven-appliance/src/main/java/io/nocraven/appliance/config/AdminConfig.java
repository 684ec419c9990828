package io.nocraven.appliance.config;

/**
 * The admin API and panel ({@code admin.*}).
 *
 * @param enabled  whether the admin server runs.
 * @param bind     bind address.
 * @param port     TCP port.
 * @param token    configured admin token, or empty to use the generated one in the data directory.
 * @param tls      whether the API is served over TLS.
 * @param certFile PEM certificate chain.
 * @param keyFile  PEM PKCS#8 private key.
 */
public record AdminConfig(boolean enabled, String bind, int port, String token, boolean tls, String certFile,
    String keyFile)
{
}
