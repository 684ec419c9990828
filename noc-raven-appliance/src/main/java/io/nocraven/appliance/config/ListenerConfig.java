package io.nocraven.appliance.config;

/**
 * One listener's settings ({@code listeners.<name>.*}).
 *
 * @param type               which listener.
 * @param enabled            whether it runs.
 * @param bind               bind address.
 * @param port               UDP or TCP port.
 * @param threads            UDP event loops (SO_REUSEPORT sockets under epoll); 1 for TCP.
 * @param receiveBufferBytes requested SO_RCVBUF for UDP sockets.
 * @param maxConnections     most concurrent TCP connections.
 * @param tls                whether TLS is used (always for syslog-tls).
 * @param certFile           PEM certificate chain for TLS.
 * @param keyFile            PEM PKCS#8 private key for TLS.
 * @param token              bearer token (windows-http).
 * @param maxBodyBytes       largest HTTP body (windows-http).
 */
public record ListenerConfig(
    ListenerType type,
    boolean enabled,
    String bind,
    int port,
    int threads,
    int receiveBufferBytes,
    int maxConnections,
    boolean tls,
    String certFile,
    String keyFile,
    String token,
    int maxBodyBytes)
{
    /**
     * @return the key prefix of this listener, e.g. {@code listeners.syslog-udp}.
     */
    public String keyPrefix()
    {
        return "listeners." + type.configName();
    }

    /**
     * @param newBind the bind address.
     * @param newPort the port.
     * @return a copy bound elsewhere.
     */
    public ListenerConfig withAddress(final String newBind, final int newPort)
    {
        return new ListenerConfig(type, enabled, newBind, newPort, threads, receiveBufferBytes, maxConnections, tls,
            certFile, keyFile, token, maxBodyBytes);
    }
}
