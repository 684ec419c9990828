package io.nocraven.codec.flow;

import java.util.Locale;

/**
 * Abstract data types for NetFlow v9 field types that have no IANA equivalent. The v9 table carries only a name
 * and a length hint, so the type is inferred: address names of 4/16 octets are addresses, fixed 1/2/4/8-octet
 * fields are unsigned integers, variable-length or {@code *NAME} fields are text, anything else stays bytes.
 */
final class NetFlowV9Types
{
    private NetFlowV9Types()
    {
    }

    static AbstractDataType infer(final String name, final String lengthHint)
    {
        final String upper = name.toUpperCase(Locale.ROOT);
        final String hint = lengthHint.trim();
        if (upper.contains("ADDR") && "4".equals(hint))
        {
            return AbstractDataType.IPV4_ADDRESS;
        }
        if (upper.contains("ADDR") && "16".equals(hint))
        {
            return AbstractDataType.IPV6_ADDRESS;
        }
        if ("1".equals(hint) || "2".equals(hint) || "4".equals(hint) || "8".equals(hint) || hint.startsWith("N"))
        {
            return AbstractDataType.UNSIGNED64;
        }
        if ("variable".equals(hint) || upper.endsWith("NAME"))
        {
            return AbstractDataType.STRING;
        }
        return AbstractDataType.OCTET_ARRAY;
    }
}
