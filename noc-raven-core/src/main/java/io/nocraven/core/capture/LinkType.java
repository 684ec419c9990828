package io.nocraven.core.capture;

/**
 * The link-layer header types (LINKTYPE_ values of https://www.tcpdump.org/linktypes.html) this package reads and
 * {@link PcapWriter} writes.
 */
public final class LinkType
{
    /** BSD loopback: 4-byte protocol family in the capturing host's byte order. */
    public static final int NULL = 0;
    /** Ethernet II (and 802.3), with any number of 802.1Q / 802.1ad / QinQ tags. */
    public static final int ETHERNET = 1;
    /** Raw IP as DLT_RAW on most platforms (also found in files). */
    public static final int RAW_12 = 12;
    /** Raw IP as DLT_RAW on OpenBSD. */
    public static final int RAW_14 = 14;
    /** Raw IPv4 or IPv6, version from the first nibble. */
    public static final int RAW = 101;
    /** OpenBSD loopback: 4-byte protocol family in network byte order. */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 (16-byte header). */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4 only. */
    public static final int IPV4 = 228;
    /** Raw IPv6 only. */
    public static final int IPV6 = 229;
    /** Linux cooked capture v2 (20-byte header). */
    public static final int LINUX_SLL2 = 276;

    private LinkType()
    {
    }
}
