package io.nocraven.core.capture;

/**
 * Layout of pcapng files (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html). Every field is in the
 * byte order of its section, which the Section Header Block's byte-order magic shows. Offsets below are from the
 * start of the block.
 * <pre>
 *  Every block                                      Section Header Block (type 0a0d0d0a)
 *  +---------------------------------------+        +---------------------------------------+
 *  |            block type (32)            | 0      |  8  byte-order magic 1a2b3c4d         |
 *  |         block total length (32)       | 4      |  12 major (16) = 1 | minor (16) = 0   |
 *  /        body, padded to 32 bits        / 8      |  16 section length (64, -1: unknown)  |
 *  |     block total length again (32)     | n-4    |  24 options                           |
 *  +---------------------------------------+        +---------------------------------------+
 *
 *  Interface Description Block (1)      Enhanced Packet Block (6)         Simple Packet Block (3)
 *   8 link type (16) | reserved (16)     8  interface id (32)             8 original length (32)
 *  12 snapshot length (32)              12  timestamp, high 32 bits       12 data: captured length is
 *  16 options: if_tsresol (9, 1 byte:   16  timestamp, low 32 bits           min(original, snaplen of
 *     high bit 0: 10^-n s, 1: 2^-n s;   20  captured length (32)               interface 0, body - 4)
 *     default 6 = microseconds),        24  original length (32)
 *     if_tsoffset (14, 8 bytes, s)      28  data, then options
 *                                       Packet Block (2, obsolete): 8 interface id (16) | drops (16), then as EPB
 *  Option: code (16) | length (16) | value padded to 32 bits; code 0 ends the list.
 * </pre>
 */
final class PcapngDescriptor
{
    /** Section Header Block type (a palindrome: the same in both byte orders). */
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int OPB = 2;
    static final int SPB = 3;
    static final int EPB = 6;

    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    /** Largest block accepted. */
    static final int MAX_BLOCK = PcapDescriptor.MAX_RECORD + 64;

    static final int TYPE_OFFSET = 0;
    static final int TOTAL_LENGTH_OFFSET = 4;
    static final int BODY_OFFSET = 8;
    /** Block type, total length and the trailing total length. */
    static final int MIN_BLOCK_LENGTH = 12;

    static final int SHB_BYTE_ORDER_OFFSET = 8;
    static final int SHB_MIN_LENGTH = 28;

    static final int IDB_LINK_TYPE_OFFSET = 8;
    static final int IDB_SNAP_LENGTH_OFFSET = 12;
    static final int IDB_OPTIONS_OFFSET = 16;

    static final int EPB_INTERFACE_OFFSET = 8;
    static final int EPB_TIMESTAMP_OFFSET = 12;
    static final int EPB_CAPTURED_LENGTH_OFFSET = 20;
    static final int EPB_DATA_OFFSET = 28;

    static final int SPB_ORIGINAL_LENGTH_OFFSET = 8;
    static final int SPB_DATA_OFFSET = 12;

    static final int OPT_END = 0;
    static final int OPT_TSRESOL = 9;
    static final int OPT_TSOFFSET = 14;
    /** Microseconds, when an interface has no {@code if_tsresol}. */
    static final int DEFAULT_TSRESOL = 6;

    private PcapngDescriptor()
    {
    }
}
