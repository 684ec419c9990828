package io.nocraven.codec.netflow.v5;

/**
 * Wire layout of a Cisco NetFlow version 5 export packet: a 24-byte header followed by {@code count} 48-byte flow
 * records. All integers are unsigned, big-endian. Offsets below are relative to the start of the header or of one
 * record.
 *
 * <pre>
 *  Header (24 bytes)
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         version (5)           |            count              |  0
 *  +-------------------------------+-------------------------------+
 *  |                 sysUptime (ms since the exporter booted)      |  4
 *  +---------------------------------------------------------------+
 *  |                 unix_secs (export time, seconds)              |  8
 *  +---------------------------------------------------------------+
 *  |                 unix_nsecs (export time, nanoseconds)         | 12
 *  +---------------------------------------------------------------+
 *  |                 flow_sequence (flows seen before this packet) | 16
 *  +---------------+---------------+---+---------------------------+
 *  |  engine_type  |   engine_id   |mode|  sampling interval (14b) | 20
 *  +---------------+---------------+---+---------------------------+
 *
 *  Flow record (48 bytes)
 *  +---------------------------------------------------------------+
 *  |                         srcaddr                               |  0
 *  +---------------------------------------------------------------+
 *  |                         dstaddr                               |  4
 *  +---------------------------------------------------------------+
 *  |                         nexthop                               |  8
 *  +-------------------------------+-------------------------------+
 *  |            input              |            output             | 12
 *  +-------------------------------+-------------------------------+
 *  |                         dPkts                                 | 16
 *  +---------------------------------------------------------------+
 *  |                         dOctets                               | 20
 *  +---------------------------------------------------------------+
 *  |                         first (sysUptime at first packet)     | 24
 *  +---------------------------------------------------------------+
 *  |                         last (sysUptime at last packet)       | 28
 *  +-------------------------------+-------------------------------+
 *  |            srcport            |            dstport            | 32
 *  +---------------+---------------+---------------+---------------+
 *  |     pad1      |   tcp_flags   |     prot      |      tos      | 36
 *  +---------------+---------------+---------------+---------------+
 *  |            src_as             |            dst_as             | 40
 *  +---------------+---------------+-------------------------------+
 *  |   src_mask    |   dst_mask    |             pad2              | 44
 *  +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class NetFlowV5Descriptor
{
    /** The version number carried in the first two bytes. */
    public static final int VERSION = 5;
    /** Header length in bytes. */
    public static final int HEADER_LENGTH = 24;
    /** Flow record length in bytes. */
    public static final int RECORD_LENGTH = 48;
    /**
     * The most records one packet may carry: Cisco documents 30, and 24 + 30 * 48 = 1464 bytes fits an Ethernet
     * MTU. A larger count is treated as corruption (nfdump does the same).
     */
    public static final int MAX_COUNT = 30;

    /** Header: version (u16). */
    public static final int VERSION_OFFSET = 0;
    /** Header: number of records (u16). */
    public static final int COUNT_OFFSET = 2;
    /** Header: milliseconds since the exporter booted (u32). */
    public static final int SYS_UPTIME_OFFSET = 4;
    /** Header: export time, seconds since the epoch (u32). */
    public static final int UNIX_SECS_OFFSET = 8;
    /** Header: export time, residual nanoseconds (u32). */
    public static final int UNIX_NSECS_OFFSET = 12;
    /** Header: sequence counter of total flows seen (u32). */
    public static final int FLOW_SEQUENCE_OFFSET = 16;
    /** Header: type of flow-switching engine (u8). */
    public static final int ENGINE_TYPE_OFFSET = 20;
    /** Header: slot number of the flow-switching engine (u8). */
    public static final int ENGINE_ID_OFFSET = 21;
    /** Header: sampling mode (top 2 bits) and interval (low 14 bits) (u16). */
    public static final int SAMPLING_OFFSET = 22;
    /** Mask of the 14-bit sampling interval. */
    public static final int SAMPLING_INTERVAL_MASK = 0x3FFF;
    /** Shift of the 2-bit sampling mode. */
    public static final int SAMPLING_MODE_SHIFT = 14;

    /** Record: source IPv4 address. */
    public static final int SRCADDR_OFFSET = 0;
    /** Record: destination IPv4 address. */
    public static final int DSTADDR_OFFSET = 4;
    /** Record: next-hop router IPv4 address. */
    public static final int NEXTHOP_OFFSET = 8;
    /** Record: SNMP index of the input interface (u16). */
    public static final int INPUT_OFFSET = 12;
    /** Record: SNMP index of the output interface (u16). */
    public static final int OUTPUT_OFFSET = 14;
    /** Record: packets in the flow (u32). */
    public static final int DPKTS_OFFSET = 16;
    /** Record: layer-3 bytes in the flow (u32). */
    public static final int DOCTETS_OFFSET = 20;
    /** Record: sysUptime at the start of the flow (u32). */
    public static final int FIRST_OFFSET = 24;
    /** Record: sysUptime at the last packet of the flow (u32). */
    public static final int LAST_OFFSET = 28;
    /** Record: source port (u16); ICMP type/code for some exporters. */
    public static final int SRCPORT_OFFSET = 32;
    /** Record: destination port (u16); {@code type << 8 | code} for ICMP on most exporters. */
    public static final int DSTPORT_OFFSET = 34;
    /** Record: cumulative OR of TCP flags (u8). */
    public static final int TCP_FLAGS_OFFSET = 37;
    /** Record: IP protocol (u8). */
    public static final int PROT_OFFSET = 38;
    /** Record: IP type of service (u8). */
    public static final int TOS_OFFSET = 39;
    /** Record: source AS (u16). */
    public static final int SRC_AS_OFFSET = 40;
    /** Record: destination AS (u16). */
    public static final int DST_AS_OFFSET = 42;
    /** Record: source prefix length (u8). */
    public static final int SRC_MASK_OFFSET = 44;
    /** Record: destination prefix length (u8). */
    public static final int DST_MASK_OFFSET = 45;

    private NetFlowV5Descriptor()
    {
    }
}
