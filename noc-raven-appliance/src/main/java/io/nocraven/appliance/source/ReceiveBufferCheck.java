package io.nocraven.appliance.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares the SO_RCVBUF a UDP listener asked for with what the kernel granted. Linux caps the request at
 * {@code net.core.rmem_max} and then doubles it for its bookkeeping overhead, so a raw
 * {@code getsockopt(SO_RCVBUF)} (Netty's epoll transport) reports twice the granted size: a request of 4 MiB under
 * {@code rmem_max} = 3 MiB reads back as 6 MiB, more than was asked although the request was capped. The JDK's own
 * sockets (NIO) halve the value before returning it. The granted size is therefore half the raw report.
 */
final class ReceiveBufferCheck
{
    static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");

    private ReceiveBufferCheck()
    {
    }

    /**
     * @param reported  what the channel's SO_RCVBUF option returned.
     * @param rawReport true when it is the raw kernel value (Netty epoll), false when the JDK already halved it.
     * @return the size the kernel granted.
     */
    static long granted(final long reported, final boolean rawReport)
    {
        return rawReport ? reported / 2 : reported;
    }

    /**
     * @param key       the configuration key of the request, e.g. {@code listeners.syslog-udp.receiveBufferBytes}.
     * @param requested the requested size (bytes; 0 or less: nothing was requested).
     * @param granted   the size the kernel granted ({@link #granted(long, boolean)}).
     * @param rmemMax   the value of {@code net.core.rmem_max} ({@link #rmemMax(Path)}).
     * @return a warning naming the key, the granted size and the sysctl to raise, or an empty string when the
     *     request was granted in full.
     */
    static String warning(final String key, final int requested, final long granted, final String rmemMax)
    {
        if (requested <= 0 || granted >= requested)
        {
            return "";
        }
        return key + "=" + requested + " but the kernel granted " + granted + " bytes (net.core.rmem_max=" + rmemMax
            + "); raise it: sysctl -w net.core.rmem_max=" + requested;
    }

    /**
     * Reads a sysctl file line by line: {@code Files.readString} trusts the size a {@code /proc} file reports and
     * returns only its first byte there.
     *
     * @param file {@link #RMEM_MAX} (a parameter for tests).
     * @return its first line, trimmed, or {@code unreadable}.
     */
    static String rmemMax(final Path file)
    {
        try
        {
            final List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? "unreadable" : lines.get(0).trim();
        }
        catch (final IOException | SecurityException ex)
        {
            return "unreadable";
        }
    }
}
