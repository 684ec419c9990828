package io.nocraven.codec.netflow.v9;

import io.nocraven.codec.flow.AbstractDataType;
import io.nocraven.codec.flow.InformationElement;

/**
 * NetFlow v9 options scope field types (RFC 3954 section 6.1): they are not information elements, so they get
 * their own keys, in an element space of their own ({@link #SCOPE_SPACE}): {@code scopeSystem} (bytes),
 * {@code scopeInterface}, {@code scopeLineCard}, {@code scopeCache} (bytes), {@code scopeTemplate}; any other scope
 * type is {@code scope<TYPE>} as hex.
 */
final class NetFlowV9ScopeTypes
{
    /** The element space of scope types: not IANA (0) and no PEN, so they never match an IANA element id. */
    static final long SCOPE_SPACE = -1L;

    private static final InformationElement[] KNOWN = {
        null,
        new InformationElement(SCOPE_SPACE, 1, "scopeSystem", AbstractDataType.OCTET_ARRAY),
        new InformationElement(SCOPE_SPACE, 2, "scopeInterface", AbstractDataType.UNSIGNED32),
        new InformationElement(SCOPE_SPACE, 3, "scopeLineCard", AbstractDataType.UNSIGNED32),
        new InformationElement(SCOPE_SPACE, 4, "scopeCache", AbstractDataType.OCTET_ARRAY),
        new InformationElement(SCOPE_SPACE, 5, "scopeTemplate", AbstractDataType.UNSIGNED16),
    };

    private NetFlowV9ScopeTypes()
    {
    }

    static InformationElement scope(final int type)
    {
        if (type >= 1 && type < KNOWN.length)
        {
            return KNOWN[type];
        }
        return new InformationElement(SCOPE_SPACE, type, "scope" + type, AbstractDataType.OCTET_ARRAY);
    }
}
