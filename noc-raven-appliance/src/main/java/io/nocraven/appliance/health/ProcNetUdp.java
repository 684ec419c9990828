package io.nocraven.appliance.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the kernel's per-socket UDP drop counters from {@code /proc/net/udp} and {@code /proc/net/udp6} (last column
 * {@code drops}; local address column {@code ADDR:PORT} in hex) and sums them for a local port. Returns -1 where
 * the files do not exist (not Linux).
 */
public final class ProcNetUdp
{
    private static final Path[] FILES = {Path.of("/proc/net/udp"), Path.of("/proc/net/udp6")};

    private ProcNetUdp()
    {
    }

    /**
     * @param port local UDP port.
     * @return datagrams the kernel dropped on sockets bound to that port, or -1 when unknown.
     */
    public static long drops(final int port)
    {
        long total = -1;
        for (final Path f : FILES)
        {
            final List<String> lines;
            try
            {
                lines = Files.readAllLines(f);
            }
            catch (final IOException | SecurityException ex)
            {
                continue;
            }
            total = Math.max(total, 0);
            total += sum(lines, port);
        }
        return total;
    }

    static long sum(final List<String> lines, final int port)
    {
        long total = 0;
        for (int i = 1; i < lines.size(); i++)
        {
            final String[] cols = lines.get(i).trim().split("\\s+");
            if (cols.length < 13)
            {
                continue;
            }
            final int colon = cols[1].lastIndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            try
            {
                if (Integer.parseInt(cols[1].substring(colon + 1), 16) == port)
                {
                    total += Long.parseLong(cols[cols.length - 1]);
                }
            }
            catch (final NumberFormatException ex)
            {
                continue;
            }
        }
        return total;
    }
}
