package io.nocraven.appliance.menu;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where the web panel can be opened: the URL the menu uses, plus, when the admin API listens on every address,
 * one URL per IPv4 address of this box's interfaces that are up (what an operator types on a laptop).
 */
final class PanelAddress
{
    private PanelAddress()
    {
    }

    static List<String> urls(final String base, final String bind, final int port)
    {
        final List<String> out = new ArrayList<>();
        final URI u = URI.create(base);
        final String scheme = u.getScheme() == null ? "http" : u.getScheme();
        out.add(scheme + "://" + u.getHost() + ":" + port + "/");
        if (!"0.0.0.0".equals(bind) && !"::".equals(bind))
        {
            if (!bind.equals(u.getHost()))
            {
                out.add(scheme + "://" + bind + ":" + port + "/");
            }
            return out;
        }
        try
        {
            for (final NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces()))
            {
                if (!ni.isUp())
                {
                    continue;
                }
                for (final InetAddress a : Collections.list(ni.getInetAddresses()))
                {
                    final String url = scheme + "://" + a.getHostAddress() + ":" + port + "/";
                    if (a instanceof Inet4Address && !out.contains(url))
                    {
                        out.add(url);
                    }
                }
            }
        }
        catch (final SocketException ex)
        {
            out.add("(interfaces not readable: " + ex.getMessage() + ")");
        }
        return out;
    }
}
