package io.nocraven.codec.flow;

/**
 * The IPFIX abstract data types (RFC 7011 section 6.1, RFC 6313 for the list types, IANA "IPFIX Information Element
 * Data Types" for {@code unsigned256}). Each decides how an element's bytes are written; {@link #OCTET_ARRAY} is
 * also the type of every unknown element.
 */
public enum AbstractDataType
{
    /** Bytes, written as lowercase hex. */
    OCTET_ARRAY("octetArray"),
    /** Unsigned integer, 1 octet. */
    UNSIGNED8("unsigned8"),
    /** Unsigned integer, up to 2 octets (reduced-size encoding allowed). */
    UNSIGNED16("unsigned16"),
    /** Unsigned integer, up to 4 octets. */
    UNSIGNED32("unsigned32"),
    /** Unsigned integer, up to 8 octets. */
    UNSIGNED64("unsigned64"),
    /** Unsigned 256-bit integer (bit maps such as ipv6ExtensionHeadersFull); written as hex. */
    UNSIGNED256("unsigned256"),
    /** Two's complement integer, 1 octet. */
    SIGNED8("signed8"),
    /** Two's complement integer, up to 2 octets. */
    SIGNED16("signed16"),
    /** Two's complement integer, up to 4 octets. */
    SIGNED32("signed32"),
    /** Two's complement integer, up to 8 octets. */
    SIGNED64("signed64"),
    /** IEEE 754 single precision. */
    FLOAT32("float32"),
    /** IEEE 754 double precision (or single precision as reduced-size encoding). */
    FLOAT64("float64"),
    /** 1 = true, 2 = false (RFC 7011 section 6.1.5). */
    BOOLEAN("boolean"),
    /** 6-octet MAC address. */
    MAC_ADDRESS("macAddress"),
    /** UTF-8 text. */
    STRING("string"),
    /** Seconds since the epoch, 4 octets. */
    DATE_TIME_SECONDS("dateTimeSeconds"),
    /** Milliseconds since the epoch, 8 octets. */
    DATE_TIME_MILLISECONDS("dateTimeMilliseconds"),
    /** NTP timestamp (RFC 5905), microsecond precision. */
    DATE_TIME_MICROSECONDS("dateTimeMicroseconds"),
    /** NTP timestamp (RFC 5905), nanosecond precision. */
    DATE_TIME_NANOSECONDS("dateTimeNanoseconds"),
    /** IPv4 address, 4 octets. */
    IPV4_ADDRESS("ipv4Address"),
    /** IPv6 address, 16 octets. */
    IPV6_ADDRESS("ipv6Address"),
    /** RFC 6313 basicList. */
    BASIC_LIST("basicList"),
    /** RFC 6313 subTemplateList. */
    SUB_TEMPLATE_LIST("subTemplateList"),
    /** RFC 6313 subTemplateMultiList. */
    SUB_TEMPLATE_MULTI_LIST("subTemplateMultiList");

    private static final AbstractDataType[] VALUES = values();

    private final String ianaName;

    AbstractDataType(final String ianaName)
    {
        this.ianaName = ianaName;
    }

    /**
     * @return the name IANA uses, for example {@code unsigned64}.
     */
    public String ianaName()
    {
        return ianaName;
    }

    /**
     * @return true for the RFC 6313 list types.
     */
    public boolean isList()
    {
        return this == BASIC_LIST || this == SUB_TEMPLATE_LIST || this == SUB_TEMPLATE_MULTI_LIST;
    }

    /**
     * @param name an IANA type name such as {@code ipv4Address}; null or empty gives {@link #OCTET_ARRAY}.
     * @return the type, or null when the name is not an abstract data type.
     */
    public static AbstractDataType fromIanaName(final String name)
    {
        if (name == null || name.isEmpty())
        {
            return OCTET_ARRAY;
        }
        for (final AbstractDataType t : VALUES)
        {
            if (t.ianaName.equals(name))
            {
                return t;
            }
        }
        return null;
    }
}
