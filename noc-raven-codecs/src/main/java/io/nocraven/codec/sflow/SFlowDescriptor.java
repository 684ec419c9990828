package io.nocraven.codec.sflow;

/**
 * Wire layout of an sFlow version 5 datagram (sFlow.org "sFlow Version 5", 2004, and the 2020 "Dropped Packet
 * Notification Structures"). Everything is XDR: big-endian 32-bit words, opaque data and strings length-prefixed.
 *
 * <pre>
 *  Datagram                                   Sample (repeated num_samples times)
 *  +---------------------------------+       +---------------------------------+
 *  | version (5)                     |  0    | data_format = enterprise(20) |   |
 *  | agent_address_type (1=v4, 2=v6) |  4    |               format(12)        |
 *  | agent_address (4 or 16 bytes)   |  8    | length of sample data           |
 *  | sub_agent_id                    |       | sample data ...                 |
 *  | sequence_number                 |       +---------------------------------+
 *  | uptime (ms)                     |
 *  | num_samples                     |       Record (flow or counter, inside a sample)
 *  | samples ...                     |       +---------------------------------+
 *  +---------------------------------+       | data_format = enterprise|format |
 *                                            | length of record data           |
 *                                            | record data ...                 |
 *                                            +---------------------------------+
 *
 *  flow_sample (1)          expanded flow (3)        counters (2)     expanded counters (4)  discard (5)
 *  sequence_number          sequence_number          sequence_number  sequence_number        sequence_number
 *  source_id (type|index)   source_id_type           source_id        source_id_type         source_id_type
 *  sampling_rate            source_id_index          num_records      source_id_index        source_id_index
 *  sample_pool              sampling_rate            records          num_records            drops
 *  drops                    sample_pool                               records                input
 *  input                    drops                                                            output
 *  output                   input_format, input                                              reason
 *  num_records              output_format, output                                            num_records
 *  records                  num_records, records                                             records
 * </pre>
 * In the compact forms, source_id carries the type in its top 8 bits and the index in the low 24, and the
 * interface words carry a 2-bit format in their top bits and a 30-bit value.
 */
public final class SFlowDescriptor
{
    /** The datagram version this decoder reads. */
    public static final int VERSION = 5;
    /** Agent address type: IPv4. */
    public static final int ADDRESS_IPV4 = 1;
    /** Agent address type: IPv6. */
    public static final int ADDRESS_IPV6 = 2;
    /** Bytes of the datagram header after the agent address (sub_agent_id .. num_samples). */
    public static final int HEADER_TAIL_LENGTH = 16;
    /** Bytes before the agent address (version, address type). */
    public static final int HEADER_HEAD_LENGTH = 8;
    /** Sample and record headers: data_format + length. */
    public static final int ENVELOPE_LENGTH = 8;

    /** Sample format: flow sample. */
    public static final int FLOW_SAMPLE = 1;
    /** Sample format: counters sample. */
    public static final int COUNTER_SAMPLE = 2;
    /** Sample format: expanded flow sample. */
    public static final int EXPANDED_FLOW_SAMPLE = 3;
    /** Sample format: expanded counters sample. */
    public static final int EXPANDED_COUNTER_SAMPLE = 4;
    /** Sample format: discarded packet sample. */
    public static final int DISCARD_SAMPLE = 5;

    /** Fixed bytes of a flow sample before its records. */
    public static final int FLOW_SAMPLE_FIXED = 32;
    /** Fixed bytes of an expanded flow sample before its records. */
    public static final int EXPANDED_FLOW_SAMPLE_FIXED = 44;
    /** Fixed bytes of a counters sample before its records. */
    public static final int COUNTER_SAMPLE_FIXED = 12;
    /** Fixed bytes of an expanded counters sample before its records. */
    public static final int EXPANDED_COUNTER_SAMPLE_FIXED = 16;
    /** Fixed bytes of a discard sample before its records. */
    public static final int DISCARD_SAMPLE_FIXED = 32;

    private SFlowDescriptor()
    {
    }

    /**
     * @param format a standard (enterprise 0) sample format.
     * @return bytes before its num_records word's end, or -1 when the format is not a known sample.
     */
    public static int fixedLength(final int format)
    {
        switch (format)
        {
            case FLOW_SAMPLE:
                return FLOW_SAMPLE_FIXED;
            case COUNTER_SAMPLE:
                return COUNTER_SAMPLE_FIXED;
            case EXPANDED_FLOW_SAMPLE:
                return EXPANDED_FLOW_SAMPLE_FIXED;
            case EXPANDED_COUNTER_SAMPLE:
                return EXPANDED_COUNTER_SAMPLE_FIXED;
            case DISCARD_SAMPLE:
                return DISCARD_SAMPLE_FIXED;
            default:
                return -1;
        }
    }
}
