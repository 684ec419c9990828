package io.nocraven.appliance.source;

import io.nocraven.appliance.config.ListenerConfig;

/**
 * A listener (or the admin API) could not bind. The message names the config key and, for a privileged port,
 * the capability to grant.
 */
public final class BindFailure extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message the full explanation.
     * @param cause   the socket error.
     */
    public BindFailure(final String message, final Throwable cause)
    {
        super(message, cause);
    }

    /**
     * @param keyPrefix config key prefix, e.g. {@code listeners.syslog-udp}.
     * @param what      {@code UDP} or {@code TCP}.
     * @param bind      address.
     * @param port      port.
     * @param cause     the socket error.
     * @return an explanation naming key, value and fix.
     */
    public static BindFailure of(final String keyPrefix, final String what, final String bind, final int port,
        final Throwable cause)
    {
        final String msg = String.valueOf(cause.getMessage());
        final StringBuilder sb = new StringBuilder(256).append("cannot bind ").append(what).append(' ')
            .append(bind).append(':').append(port).append(" (").append(keyPrefix).append(".port=").append(port)
            .append(", ").append(keyPrefix).append(".bind=").append(bind).append("): ").append(msg);
        if (port < 1024 && (msg.contains("Permission denied") || msg.contains("Access denied")))
        {
            sb.append(" -- port ").append(port).append(" is privileged (below 1024): grant the capability "
                + "CAP_NET_BIND_SERVICE (systemd: AmbientCapabilities=CAP_NET_BIND_SERVICE; or "
                + "setcap cap_net_bind_service=+ep on the java binary), or set ").append(keyPrefix)
                .append(".port to a port >= 1024");
        }
        else if (msg.contains("Address already in use"))
        {
            sb.append(" -- another process or listener uses it: change ").append(keyPrefix).append(".port");
        }
        return new BindFailure(sb.toString(), cause);
    }

    /**
     * @param config a listener.
     * @param cause  the socket error.
     * @return an explanation naming key, value and fix.
     */
    public static BindFailure of(final ListenerConfig config, final Throwable cause)
    {
        return of(config.keyPrefix(), config.type().transport().name(), config.bind(), config.port(), cause);
    }
}
