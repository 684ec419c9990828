package io.nocraven.appliance.panel;

/** Test access to {@link IpPackets}: the checksum over a received IPv4 header is 0 when it is valid. */
public final class IpPacketsAccess
{
    private IpPacketsAccess()
    {
    }

    /**
     * @param file   the bytes.
     * @param offset where the IPv4 header starts.
     * @return the RFC 1071 sum over the 20-byte header (0 = valid).
     */
    public static int ipv4HeaderChecksum(final byte[] file, final int offset)
    {
        return IpPackets.checksum(new byte[0], java.util.Arrays.copyOfRange(file, offset, offset + 20));
    }
}
