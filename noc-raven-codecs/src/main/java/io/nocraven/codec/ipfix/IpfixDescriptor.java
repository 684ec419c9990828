package io.nocraven.codec.ipfix;

/**
 * Wire layout of an IPFIX message (RFC 7011 section 3).
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |       Version Number (10)     |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Export Time                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Sequence Number                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Observation Domain ID                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Set ID (2 template, 3 options template, >= 256 data)      |  then Sets: id(2) length(2) content
 * |                   Length (octets, with header)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Template record:         Template ID (2) | Field Count (2) | field specifiers
 * Options template record: Template ID (2) | Field Count (2) | Scope Field Count (2) | field specifiers
 * Field specifier:         E + Information Element id (2) | Field Length (2) | [Enterprise Number (4) if E]
 * Field Count 0: withdrawal (Template ID = set id 2 or 3: all templates of that kind).
 * Variable length value:   length (1) | value, or 255 | length (2) | value
 * </pre>
 */
public final class IpfixDescriptor
{
    /** Version number. */
    public static final int VERSION = 10;
    /** Message header length. */
    public static final int HEADER_LENGTH = 16;
    /** Offset of the message length. */
    public static final int LENGTH_OFFSET = 2;
    /** Offset of the export time (unix seconds). */
    public static final int EXPORT_TIME_OFFSET = 4;
    /** Offset of the sequence number. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the observation domain id. */
    public static final int DOMAIN_OFFSET = 12;
    /** Set id of template sets. */
    public static final int TEMPLATE_SET = 2;
    /** Set id of options template sets. */
    public static final int OPTIONS_TEMPLATE_SET = 3;
    /** Lowest data set (template) id. */
    public static final int MIN_DATA_SET = 256;
    /** Length of a set header. */
    public static final int SET_HEADER_LENGTH = 4;
    /** The enterprise bit of a field specifier's element id. */
    public static final int ENTERPRISE_BIT = 0x8000;

    private IpfixDescriptor()
    {
    }
}
