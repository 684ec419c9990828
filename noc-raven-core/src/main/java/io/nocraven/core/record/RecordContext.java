package io.nocraven.core.record;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The envelope of a datagram or frame: who sent it (exporter address and port), which listener took it and when.
 * <p>
 * Mutable and reusable: a receive loop keeps one instance and calls {@link #set} per datagram, so the hot path
 * allocates nothing. Decoders read it, never keep a reference to it across calls.
 */
public final class RecordContext
{
    /** Longest text {@link #writeExporter} writes: {@code [} IPv6 {@code ]:} port. */
    public static final int MAX_EXPORTER_LENGTH = AddressText.MAX_IPV6_LENGTH + 8;

    /** Listener name used when nothing better is known. */
    public static final String UNKNOWN_LISTENER = "unknown";

    private final byte[] exporterAddress = new byte[16];
    private int exporterAddressLength = 4;
    private int exporterPort;
    private String listener = UNKNOWN_LISTENER;
    private long receivedAtEpochNanos;

    /**
     * Sets every field of the envelope.
     *
     * @param address              exporter address, 4 (IPv4) or 16 (IPv6) bytes from {@code addressOffset}.
     * @param addressOffset        where the address starts in {@code address}.
     * @param addressLength        4 or 16.
     * @param port                 exporter UDP/TCP port.
     * @param listener             the listener's name (for example {@code "syslog-udp"}).
     * @param receivedAtEpochNanos receive time in nanoseconds since the epoch (UTC).
     * @return this.
     */
    public RecordContext set(
        final byte[] address,
        final int addressOffset,
        final int addressLength,
        final int port,
        final String listener,
        final long receivedAtEpochNanos)
    {
        if (addressLength != 4 && addressLength != 16)
        {
            throw new IllegalArgumentException("address length: " + addressLength + " (expected: 4 or 16)");
        }
        System.arraycopy(address, addressOffset, exporterAddress, 0, addressLength);
        this.exporterAddressLength = addressLength;
        this.exporterPort = port & 0xFFFF;
        this.listener = listener == null ? UNKNOWN_LISTENER : listener;
        this.receivedAtEpochNanos = receivedAtEpochNanos;
        return this;
    }

    /**
     * Sets the envelope from a socket address (allocation is the caller's; convenient off the hot path).
     *
     * @param exporter             the sender.
     * @param listener             the listener's name.
     * @param receivedAtEpochNanos receive time in nanoseconds since the epoch.
     * @return this.
     */
    public RecordContext set(final InetSocketAddress exporter, final String listener, final long receivedAtEpochNanos)
    {
        final byte[] bytes = exporter.getAddress().getAddress();
        return set(bytes, 0, bytes.length, exporter.getPort(), listener, receivedAtEpochNanos);
    }

    /**
     * Copies another context into this one.
     *
     * @param other the context to copy.
     * @return this.
     */
    public RecordContext copyFrom(final RecordContext other)
    {
        return set(other.exporterAddress, 0, other.exporterAddressLength, other.exporterPort, other.listener,
            other.receivedAtEpochNanos);
    }

    /**
     * @return the internal exporter address array; only the first {@link #exporterAddressLength()} bytes count.
     */
    public byte[] exporterAddressBytes()
    {
        return exporterAddress;
    }

    /**
     * @return 4 for IPv4, 16 for IPv6.
     */
    public int exporterAddressLength()
    {
        return exporterAddressLength;
    }

    /**
     * @return the exporter's port.
     */
    public int exporterPort()
    {
        return exporterPort;
    }

    /**
     * @return the listener name.
     */
    public String listener()
    {
        return listener;
    }

    /**
     * @return receive time in nanoseconds since the epoch (UTC).
     */
    public long receivedAtEpochNanos()
    {
        return receivedAtEpochNanos;
    }

    /**
     * @return the exporter address as an {@link InetAddress} (allocates; for slow paths).
     */
    public InetAddress exporterInetAddress()
    {
        try
        {
            final byte[] copy = new byte[exporterAddressLength];
            System.arraycopy(exporterAddress, 0, copy, 0, exporterAddressLength);
            return InetAddress.getByAddress(copy);
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Appends the exporter as {@code ip:port}, IPv6 as {@code [addr]:port} (RFC 5952 text).
     *
     * @param sb where to append.
     * @return {@code sb}.
     */
    public StringBuilder appendExporter(final StringBuilder sb)
    {
        final byte[] text = new byte[MAX_EXPORTER_LENGTH];
        AsciiText.append(sb, text, writeExporter(text, 0));
        return sb;
    }

    /**
     * Writes the exporter as {@code ip:port} ASCII text, IPv6 as {@code [addr]:port} (RFC 5952 text).
     *
     * @param dst where to write: at least {@link #MAX_EXPORTER_LENGTH} bytes from {@code pos}.
     * @param pos where the text starts.
     * @return the position after the text.
     */
    public int writeExporter(final byte[] dst, final int pos)
    {
        int p;
        if (exporterAddressLength == 4)
        {
            p = AddressText.writeIpv4(dst, pos, exporterAddress, 0);
        }
        else
        {
            dst[pos] = '[';
            p = AddressText.writeIpv6(dst, pos + 1, exporterAddress, 0);
            dst[p++] = ']';
        }
        dst[p++] = ':';
        return AsciiText.writeLong(dst, p, exporterPort);
    }

    /**
     * @return the exporter as {@code ip:port} text.
     */
    public String exporterText()
    {
        return appendExporter(new StringBuilder(48)).toString();
    }

    @Override
    public String toString()
    {
        return "RecordContext{exporter=" + exporterText() + ", listener=" + listener + ", receivedAt="
            + receivedAtEpochNanos + '}';
    }
}
