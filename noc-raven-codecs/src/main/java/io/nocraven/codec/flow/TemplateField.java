package io.nocraven.codec.flow;

/**
 * One field specifier of a template: the element it carries and its length on the wire
 * ({@link #VARIABLE_LENGTH} for IPFIX variable-length fields).
 */
public final class TemplateField
{
    /** The length value of an IPFIX variable-length field (RFC 7011 section 7). */
    public static final int VARIABLE_LENGTH = 0xFFFF;

    private final InformationElement element;
    private final int length;

    /**
     * @param element the element.
     * @param length  the length on the wire, or {@link #VARIABLE_LENGTH}.
     */
    public TemplateField(final InformationElement element, final int length)
    {
        this.element = element;
        this.length = length;
    }

    /**
     * @return the element.
     */
    public InformationElement element()
    {
        return element;
    }

    /**
     * @return the length on the wire, or {@link #VARIABLE_LENGTH}.
     */
    public int length()
    {
        return length;
    }

    /**
     * @return true for a variable-length field.
     */
    public boolean isVariable()
    {
        return length == VARIABLE_LENGTH;
    }

    /**
     * @param ianaId an IANA element id.
     * @return true when this field carries that IANA element.
     */
    public boolean is(final int ianaId)
    {
        return element.enterpriseNumber() == 0 && element.id() == ianaId;
    }
}
