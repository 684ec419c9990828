package io.nocraven.codec.netflow.v9;

/**
 * Wire layout of a NetFlow v9 export packet (RFC 3954 section 5).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Version Number (9)      |            Count              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           sysUpTime                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           UNIX Secs                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Sequence Number                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Source ID                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   FlowSet ID (0 template, 1 options template, >= 256 data)    |  then FlowSets:
 * |           Length (octets, including this header)              |  id(2) length(2) content, padded to 4
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Template:         Template ID (2) | Field Count (2) | Field Type (2) + Field Length (2) ...
 * Options template: Template ID (2) | Option Scope Length (2) | Option Length (2) | scope fields | option fields
 * </pre>
 * The packet has no length field: several packets back to back are told apart by a flowset id of 9 (flowset ids
 * 2..255 are reserved, so a version number cannot be mistaken for a set).
 */
public final class NetFlowV9Descriptor
{
    /** Version number. */
    public static final int VERSION = 9;
    /** Header length. */
    public static final int HEADER_LENGTH = 20;
    /** Offset of the version. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the record count. */
    public static final int COUNT_OFFSET = 2;
    /** Offset of sysUpTime (ms). */
    public static final int SYS_UPTIME_OFFSET = 4;
    /** Offset of the export time (unix seconds). */
    public static final int UNIX_SECS_OFFSET = 8;
    /** Offset of the sequence number. */
    public static final int SEQUENCE_OFFSET = 12;
    /** Offset of the source id. */
    public static final int SOURCE_ID_OFFSET = 16;
    /** FlowSet id of template flowsets. */
    public static final int TEMPLATE_SET = 0;
    /** FlowSet id of options template flowsets. */
    public static final int OPTIONS_TEMPLATE_SET = 1;
    /** Lowest data flowset (template) id. */
    public static final int MIN_DATA_SET = 256;
    /** Length of a flowset header. */
    public static final int SET_HEADER_LENGTH = 4;

    private NetFlowV9Descriptor()
    {
    }
}
