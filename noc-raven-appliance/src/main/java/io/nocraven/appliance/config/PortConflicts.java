package io.nocraven.appliance.config;

import java.util.List;
import java.util.Map;

/**
 * Detects two enabled sockets that would claim the same transport, port and address (a wildcard address overlaps
 * every address). UDP and TCP on the same port do not conflict; the admin API is a TCP socket.
 */
public final class PortConflicts
{
    private PortConflicts()
    {
    }

    /**
     * @param listeners every listener.
     * @param admin     the admin API.
     * @param errors    where conflicts are reported.
     */
    public static void check(final Map<ListenerType, ListenerConfig> listeners, final AdminConfig admin,
        final List<String> errors)
    {
        final ListenerConfig[] all = listeners.values().toArray(new ListenerConfig[0]);
        for (int i = 0; i < all.length; i++)
        {
            final ListenerConfig a = all[i];
            if (!a.enabled())
            {
                continue;
            }
            for (int j = i + 1; j < all.length; j++)
            {
                final ListenerConfig b = all[j];
                if (b.enabled() && a.port() != 0 && a.type().transport() == b.type().transport() && a.port() == b.port()
                    && overlap(a.bind(), b.bind()))
                {
                    errors.add(b.keyPrefix() + ".port: value '" + b.port() + "' is invalid (expected a port not "
                        + "already used by " + a.keyPrefix() + " on " + a.type().transport() + ")");
                }
            }
            if (admin.enabled() && a.port() != 0 && a.type().transport() == ListenerType.Transport.TCP && a.port() == admin.port()
                && overlap(a.bind(), admin.bind()))
            {
                errors.add(a.keyPrefix() + ".port: value '" + a.port() + "' is invalid (expected a port not already "
                    + "used by admin.port)");
            }
        }
    }

    /**
     * @param a one bind address.
     * @param b another.
     * @return true when the two could collide.
     */
    public static boolean overlap(final String a, final String b)
    {
        return a.equals(b) || isWildcard(a) || isWildcard(b);
    }

    private static boolean isWildcard(final String a)
    {
        return a.isEmpty() || "0.0.0.0".equals(a) || "::".equals(a) || "[::]".equals(a);
    }
}
