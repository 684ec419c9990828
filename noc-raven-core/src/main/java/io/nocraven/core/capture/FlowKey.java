package io.nocraven.core.capture;

import java.util.Arrays;

/**
 * One direction of a TCP connection: source and destination address and port. Mutable so that a lookup reuses one
 * probe instance; keys stored in maps are never changed.
 */
final class FlowKey
{
    private final byte[] addresses = new byte[32];
    private int addressLength;
    private int ports;
    private int hash;

    FlowKey set(final byte[] buf, final int srcAt, final int dstAt, final int addressLength, final int srcPort, final int dstPort)
    {
        System.arraycopy(buf, srcAt, addresses, 0, addressLength);
        System.arraycopy(buf, dstAt, addresses, addressLength, addressLength);
        this.addressLength = addressLength;
        this.ports = (srcPort << 16) | dstPort;
        int h = ports * 31 + addressLength;
        for (int i = 0; i < 2 * addressLength; i++)
        {
            h = h * 31 + addresses[i];
        }
        this.hash = h;
        return this;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof FlowKey))
        {
            return false;
        }
        final FlowKey other = (FlowKey)o;
        return ports == other.ports && addressLength == other.addressLength
            && Arrays.equals(addresses, 0, 2 * addressLength, other.addresses, 0, 2 * addressLength);
    }

    @Override
    public int hashCode()
    {
        return hash;
    }
}
