package io.nocraven.codec.flow;

import java.util.Objects;

/**
 * One information element: enterprise number (0 for IANA), element id, the key it is written under and its
 * abstract data type. Immutable; created when the registry loads, looked up when a template is defined.
 */
public final class InformationElement
{
    private final long enterpriseNumber;
    private final int id;
    private final String name;
    private final AbstractDataType type;

    /**
     * @param enterpriseNumber the PEN, 0 for the IANA space.
     * @param id               the element id (15 bits for IPFIX; NetFlow v9 types up to 65535).
     * @param name             the JSON key.
     * @param type             the abstract data type.
     */
    public InformationElement(final long enterpriseNumber, final int id, final String name, final AbstractDataType type)
    {
        this.enterpriseNumber = enterpriseNumber;
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * @param enterpriseNumber PEN (0 for IANA).
     * @param id               element id.
     * @return the element for an id nobody named: {@code ie<ID>} or {@code pen<PEN>_<ID>}, value as hex.
     */
    public static InformationElement unknown(final long enterpriseNumber, final int id)
    {
        final String name = enterpriseNumber == 0 ? "ie" + id : "pen" + enterpriseNumber + "_" + id;
        return new InformationElement(enterpriseNumber, id, name, AbstractDataType.OCTET_ARRAY);
    }

    /**
     * @return the private enterprise number, 0 for IANA elements.
     */
    public long enterpriseNumber()
    {
        return enterpriseNumber;
    }

    /**
     * @return the element id.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return the key the element is written under.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the abstract data type.
     */
    public AbstractDataType type()
    {
        return type;
    }

    @Override
    public String toString()
    {
        return name + "(" + enterpriseNumber + "/" + id + ", " + type.ianaName() + ")";
    }
}
