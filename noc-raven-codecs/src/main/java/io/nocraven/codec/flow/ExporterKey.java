package io.nocraven.codec.flow;

import io.nocraven.core.record.AddressText;
import io.nocraven.core.record.RecordContext;

import java.util.Arrays;

/**
 * Exporter address + port + observation domain id (IPFIX) or source id (NetFlow v9): what templates are keyed by
 * (RFC 7011 section 8: templates are scoped to the transport session and observation domain). Mutable so the cache
 * can probe with one reused instance; keys stored in the cache are never changed.
 */
public final class ExporterKey
{
    private final byte[] address = new byte[16];
    private int addressLength;
    private int port;
    private long domain;
    private int hash;

    ExporterKey set(final RecordContext context, final long domainId)
    {
        addressLength = context.exporterAddressLength();
        System.arraycopy(context.exporterAddressBytes(), 0, address, 0, addressLength);
        Arrays.fill(address, addressLength, 16, (byte)0);
        port = context.exporterPort();
        domain = domainId;
        int h = 31 * Long.hashCode(domainId) + port;
        for (int i = 0; i < addressLength; i++)
        {
            h = 31 * h + address[i];
        }
        hash = h;
        return this;
    }

    ExporterKey set(final byte[] addr, final int port, final long domainId)
    {
        final RecordContext c = new RecordContext().set(addr, 0, addr.length, port, null, 0);
        return set(c, domainId);
    }

    boolean matches(final RecordContext context, final long domainId)
    {
        if (domainId != domain || context.exporterPort() != port || context.exporterAddressLength() != addressLength)
        {
            return false;
        }
        final byte[] a = context.exporterAddressBytes();
        for (int i = 0; i < addressLength; i++)
        {
            if (a[i] != address[i])
            {
                return false;
            }
        }
        return true;
    }

    ExporterKey copy()
    {
        final ExporterKey k = new ExporterKey();
        System.arraycopy(address, 0, k.address, 0, 16);
        k.addressLength = addressLength;
        k.port = port;
        k.domain = domain;
        k.hash = hash;
        return k;
    }

    /** @return the exporter address bytes (4 or 16). */
    public byte[] address()
    {
        return Arrays.copyOf(address, addressLength);
    }

    /** @return the exporter port. */
    public int port()
    {
        return port;
    }

    /** @return the observation domain id or source id. */
    public long domain()
    {
        return domain;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof ExporterKey))
        {
            return false;
        }
        final ExporterKey k = (ExporterKey)o;
        return k.hash == hash && k.domain == domain && k.port == port && k.addressLength == addressLength
            && Arrays.equals(k.address, address);
    }

    @Override
    public int hashCode()
    {
        return hash;
    }

    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        if (addressLength == 4)
        {
            AddressText.appendIpv4(sb, address, 0);
        }
        else
        {
            sb.append('[');
            AddressText.appendIpv6(sb, address, 0);
            sb.append(']');
        }
        return sb.append(':').append(port).append('/').append(domain).toString();
    }
}
