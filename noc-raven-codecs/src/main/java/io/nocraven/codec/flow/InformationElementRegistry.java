package io.nocraven.codec.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Names and types of information elements: the IANA IPFIX registry, the NetFlow v9 field types (including Cisco
 * ASA NSEL and vendor types >= 32768), enterprise elements of common vendors and the RFC 5103 reverse elements
 * (PEN 29305, {@code reverse} + capitalised name), all loaded from the CSV copies in this package's resources (see
 * {@code PROVENANCE.md} there). A user mapping file ({@link #withMappingFile}) adds or overrides entries.
 * <p>
 * Lookups happen when a template is defined, never per record. Immutable and thread-safe once built.
 */
public final class InformationElementRegistry
{
    /** PEN of the RFC 5103 reverse information elements. */
    public static final long REVERSE_PEN = 29305L;

    private static final String RESOURCE_DIR = "/io/nocraven/codec/flow/";

    private final Map<Long, InformationElement> ipfix;
    private final Map<Integer, InformationElement> netflowV9;

    private InformationElementRegistry(
        final Map<Long, InformationElement> ipfix, final Map<Integer, InformationElement> netflowV9)
    {
        this.ipfix = ipfix;
        this.netflowV9 = netflowV9;
    }

    /**
     * @return the registry built from the bundled IANA and vendor data (loaded once, shared).
     */
    public static InformationElementRegistry standard()
    {
        return Holder.STANDARD;
    }

    /**
     * Returns a registry with the entries of a JSON mapping file added to (or replacing) this one's:
     * <pre>
     * {"elements":  [{"enterpriseNumber": 9, "id": 12232, "name": "ciscoAppName", "type": "string"}],
     *  "netflowV9": [{"id": 40000, "name": "userName", "type": "string"}]}
     * </pre>
     * {@code type} is an IANA abstract data type name ({@code unsigned32}, {@code ipv4Address}, ...); both arrays
     * are optional.
     *
     * @param file the mapping file.
     * @return a new registry.
     * @throws IllegalArgumentException naming the key, the value and what was expected, or when unreadable.
     */
    public InformationElementRegistry withMappingFile(final Path file)
    {
        final JsonNode root;
        try
        {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("flow mapping file " + file + ": cannot read JSON: " + ex.getMessage(), ex);
        }
        final Map<Long, InformationElement> newIpfix = new HashMap<>(ipfix);
        final Map<Integer, InformationElement> newV9 = new HashMap<>(netflowV9);
        for (final JsonNode n : root.path("elements"))
        {
            final InformationElement ie = mappingEntry(file, "elements", n, true);
            newIpfix.put(key(ie.enterpriseNumber(), ie.id()), ie);
        }
        for (final JsonNode n : root.path("netflowV9"))
        {
            final InformationElement ie = mappingEntry(file, "netflowV9", n, false);
            newV9.put(ie.id(), ie);
        }
        return new InformationElementRegistry(newIpfix, newV9);
    }

    /**
     * @param enterpriseNumber PEN, 0 for IANA.
     * @param id               element id.
     * @return the element, or an {@link InformationElement#unknown} one.
     */
    public InformationElement ipfix(final long enterpriseNumber, final int id)
    {
        final InformationElement ie = ipfix.get(key(enterpriseNumber, id));
        return ie != null ? ie : InformationElement.unknown(enterpriseNumber, id);
    }

    /**
     * NetFlow v9 field types: ids below 32768 that IANA assigned use the IANA name; other ids use the v9 name when
     * one is known (Cisco ASA NSEL, vendor types), else {@code ie<ID>}.
     *
     * @param fieldType the v9 field type.
     * @return the element.
     */
    public InformationElement netflowV9(final int fieldType)
    {
        final InformationElement v9 = netflowV9.get(fieldType);
        if (v9 != null)
        {
            return v9;
        }
        if (fieldType < 32768)
        {
            return ipfix(0, fieldType);
        }
        return InformationElement.unknown(0, fieldType);
    }

    private static long key(final long pen, final int id)
    {
        return (pen << 16) | (id & 0xFFFF);
    }

    private static InformationElement mappingEntry(final Path file, final String array, final JsonNode n, final boolean pen)
    {
        final String where = "flow mapping file " + file + ": " + array + "[]";
        final JsonNode idNode = n.get("id");
        if (idNode == null || !idNode.canConvertToInt() || idNode.asInt() < 0 || idNode.asInt() > 65535)
        {
            throw new IllegalArgumentException(where + ".id = " + idNode + " (expected: an integer 0..65535)");
        }
        final JsonNode penNode = n.get("enterpriseNumber");
        long enterprise = 0;
        if (pen && penNode != null)
        {
            if (!penNode.canConvertToLong() || penNode.asLong() < 0 || penNode.asLong() > 0xFFFFFFFFL)
            {
                throw new IllegalArgumentException(where + ".enterpriseNumber = " + penNode
                    + " (expected: an integer 0..4294967295)");
            }
            enterprise = penNode.asLong();
        }
        final JsonNode nameNode = n.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.asText().isEmpty())
        {
            throw new IllegalArgumentException(where + ".name = " + nameNode + " (expected: a non-empty string)");
        }
        final JsonNode typeNode = n.get("type");
        final AbstractDataType type = typeNode == null ? AbstractDataType.OCTET_ARRAY
            : AbstractDataType.fromIanaName(typeNode.asText());
        if (type == null)
        {
            throw new IllegalArgumentException(where + ".type = " + typeNode
                + " (expected: an IANA abstract data type such as unsigned32, string, ipv4Address)");
        }
        return new InformationElement(enterprise, idNode.asInt(), nameNode.asText(), type);
    }

    private static InformationElementRegistry load()
    {
        final Map<Long, InformationElement> ipfix = new HashMap<>();
        final Map<Integer, InformationElement> v9 = new HashMap<>();
        for (final String[] row : readCsv("ipfix-information-elements.csv"))
        {
            final AbstractDataType type = AbstractDataType.fromIanaName(row[2]);
            if (row[1].isEmpty() || row[2].isEmpty() || type == null)
            {
                continue;
            }
            ipfix.put(key(0, Integer.parseInt(row[0])), new InformationElement(0, Integer.parseInt(row[0]), row[1], type));
        }
        for (final String[] row : readCsv("enterprise-elements.csv"))
        {
            final AbstractDataType type = AbstractDataType.fromIanaName(row[4]);
            final long pen = Long.parseLong(row[0]);
            final int id = Integer.parseInt(row[2]);
            ipfix.put(key(pen, id), new InformationElement(pen, id, row[3], type == null ? AbstractDataType.OCTET_ARRAY : type));
        }
        for (final String[] row : readCsv("netflow-v9-field-types.csv"))
        {
            final int fieldType = Integer.parseInt(row[0]);
            if (!row[3].isEmpty() && ipfix.containsKey(key(0, fieldType)))
            {
                continue;
            }
            if (fieldType < 32768 && ipfix.containsKey(key(0, fieldType)))
            {
                continue;
            }
            v9.put(fieldType, new InformationElement(0, fieldType, row[1], NetFlowV9Types.infer(row[1], row[2])));
        }
        return new InformationElementRegistry(Map.copyOf(ipfix), Map.copyOf(v9));
    }

    private static Iterable<String[]> readCsv(final String name)
    {
        final java.util.List<String[]> rows = new java.util.ArrayList<>();
        try (InputStream in = InformationElementRegistry.class.getResourceAsStream(RESOURCE_DIR + name))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing resource " + RESOURCE_DIR + name);
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                if (!line.isBlank())
                {
                    rows.add(line.split(",", -1));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return rows;
    }

    private static final class Holder
    {
        static final InformationElementRegistry STANDARD = load();
    }
}
