package io.nocraven.core.capture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Maps (address bytes, port) to a shared {@link InetSocketAddress}, so that a capture with few endpoints allocates
 * one socket address per endpoint rather than one per packet. Bounded: cleared when {@link #MAX_ENTRIES} is reached.
 */
final class EndpointCache
{
    static final int MAX_ENTRIES = 4096;

    private static final class Key
    {
        final byte[] address = new byte[16];
        int length;
        int port;
        int hash;

        Key set(final byte[] buf, final int offset, final int length, final int port)
        {
            System.arraycopy(buf, offset, address, 0, length);
            this.length = length;
            this.port = port;
            int h = port * 31 + length;
            for (int i = 0; i < length; i++)
            {
                h = h * 31 + address[i];
            }
            this.hash = h;
            return this;
        }

        @Override
        public boolean equals(final Object o)
        {
            if (!(o instanceof Key))
            {
                return false;
            }
            final Key other = (Key)o;
            return port == other.port && length == other.length && Arrays.equals(address, 0, length, other.address, 0, length);
        }

        @Override
        public int hashCode()
        {
            return hash;
        }
    }

    private final HashMap<Key, InetSocketAddress> entries = new HashMap<>();
    private final Key probe = new Key();

    InetSocketAddress get(final byte[] buf, final int offset, final int length, final int port)
    {
        final InetSocketAddress found = entries.get(probe.set(buf, offset, length, port));
        if (found != null)
        {
            return found;
        }
        if (entries.size() >= MAX_ENTRIES)
        {
            entries.clear();
        }
        final InetSocketAddress created = create(buf, offset, length, port);
        entries.put(new Key().set(buf, offset, length, port), created);
        return created;
    }

    static InetSocketAddress create(final byte[] buf, final int offset, final int length, final int port)
    {
        try
        {
            return new InetSocketAddress(InetAddress.getByAddress(Arrays.copyOfRange(buf, offset, offset + length)), port);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("address length " + length + " (expected: 4 or 16)", ex);
        }
    }
}
