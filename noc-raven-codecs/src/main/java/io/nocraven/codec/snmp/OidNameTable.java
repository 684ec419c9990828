package io.nocraven.codec.snmp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * OID to name table (a trie over the arcs), used to ADD names to the output ({@code trapName}, varbind
 * {@code name}); OIDs are always written numerically as well. The shipped table ({@link #standard()}, resource
 * {@code oid-names.txt}) covers the standard traps and the common SNMPv2-MIB, IF-MIB and ENTITY-MIB objects; a user
 * file in the same format adds or overrides names ({@link #withFile(Path)}).
 * <p>
 * File format (UTF-8): one {@code <numeric OID> <name>} per line (separated by spaces, a tab or {@code =}), blank
 * lines and lines starting with {@code #} ignored. A varbind OID gets the name of its longest named prefix plus
 * the remaining arcs as the instance ({@code ifIndex.3}); {@code trapName} needs an exact match. Hand-written
 * because SNMP4J's MIB support is a separate commercial module. Immutable once built; lookups allocate nothing.
 */
public final class OidNameTable
{
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[=\\s]\\s*");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+(\\.[0-9]+)+");
    private static final OidNameTable EMPTY = new OidNameTable(new Node());
    private static volatile OidNameTable standard;

    private final Node root;

    private OidNameTable(final Node root)
    {
        this.root = root;
    }

    /**
     * @return a table with no names (names are then never added).
     */
    public static OidNameTable empty()
    {
        return EMPTY;
    }

    /**
     * @return the shipped table of standard names (loaded once).
     */
    public static OidNameTable standard()
    {
        OidNameTable t = standard;
        if (t == null)
        {
            try (InputStream in = OidNameTable.class.getResourceAsStream("oid-names.txt"))
            {
                if (in == null)
                {
                    throw new IllegalStateException("resource oid-names.txt missing from the codecs jar");
                }
                final Node r = new Node();
                parse(r, new InputStreamReader(in, StandardCharsets.UTF_8), "oid-names.txt");
                t = new OidNameTable(r);
                standard = t;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
        return t;
    }

    /**
     * Returns a new table with this one's names plus (overriding) the names from a user file.
     *
     * @param file the user table.
     * @return the combined table.
     * @throws IOException              when the file cannot be read.
     * @throws IllegalArgumentException naming the file, line and value when a line is malformed.
     */
    public OidNameTable withFile(final Path file) throws IOException
    {
        final Node copy = root.deepCopy();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            parse(copy, r, file.toString());
        }
        return new OidNameTable(copy);
    }

    private static void parse(final Node into, final Reader reader, final String source) throws IOException
    {
        final BufferedReader in = new BufferedReader(reader);
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null)
        {
            lineNo++;
            final String s = line.strip();
            if (s.isEmpty() || s.startsWith("#"))
            {
                continue;
            }
            final String[] parts = SEPARATOR.split(s, 2);
            final String oid = parts[0].startsWith(".") ? parts[0].substring(1) : parts[0];
            if (parts.length != 2 || !NUMERIC.matcher(oid).matches() || parts[1].isBlank())
            {
                throw new IllegalArgumentException(source + " line " + lineNo + ": '" + s
                    + "' (expected: a numeric OID such as 1.3.6.1.6.3.1.1.5.1, then a name)");
            }
            Node n = into;
            for (final String arc : oid.split("\\."))
            {
                final long v;
                try
                {
                    v = Long.parseLong(arc);
                }
                catch (final NumberFormatException ex)
                {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": arc '" + arc
                        + "' (expected: 0..4294967295)", ex);
                }
                if (v > 0xFFFF_FFFFL)
                {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": arc '" + arc
                        + "' (expected: 0..4294967295)");
                }
                n = n.childOrCreate(v);
            }
            n.name = parts[1].strip();
        }
    }

    /**
     * Appends the name of valid OID contents: the longest named prefix plus the remaining arcs.
     *
     * @param sb        where to append.
     * @param b         bytes.
     * @param off       first content byte.
     * @param len       content length (valid, see {@link OidText#isValid}).
     * @param exactOnly when true only a name for the whole OID counts.
     * @return false (nothing appended) when no name applies.
     */
    boolean appendName(final StringBuilder sb, final byte[] b, final int off, final int len, final boolean exactOnly)
    {
        final int end = off + len;
        Node n = root;
        Node best = null;
        int bestArc = -1;
        int arc = 0;
        int i = off;
        while (i < end && n != null)
        {
            final int e = OidText.subidEnd(b, i, end);
            final long v = OidText.subidValue(b, i, e);
            if (i == off)
            {
                final long first = v < 80 ? v / 40 : 2;
                n = n.child(first);
                if (n == null)
                {
                    break;
                }
                arc++;
                n = n.child(first == 2 ? v - 80 : v - first * 40);
            }
            else
            {
                n = n.child(v);
            }
            if (n != null && n.name != null)
            {
                best = n;
                bestArc = arc;
            }
            arc++;
            i = e;
        }
        if (best == null || (exactOnly && (bestArc != arc - 1 || i < end)))
        {
            return false;
        }
        sb.append(best.name);
        appendArcsAfter(sb, b, off, end, bestArc);
        return true;
    }

    private static void appendArcsAfter(final StringBuilder sb, final byte[] b, final int off, final int end,
        final int lastSkipped)
    {
        int arc = 1;
        int i = OidText.subidEnd(b, off, end);
        if (lastSkipped < 1)
        {
            final long first = OidText.subidValue(b, off, i);
            sb.append('.').append(first < 80 ? first % 40 : first - 80);
        }
        while (i < end)
        {
            arc++;
            final int e = OidText.subidEnd(b, i, end);
            if (arc > lastSkipped)
            {
                sb.append('.').append(OidText.subidValue(b, i, e));
            }
            i = e;
        }
    }

    /** A trie node: children sorted by arc. */
    private static final class Node
    {
        private long[] arcs = new long[0];
        private Node[] children = new Node[0];
        private String name;

        Node child(final long arc)
        {
            final int i = Arrays.binarySearch(arcs, arc);
            return i >= 0 ? children[i] : null;
        }

        Node childOrCreate(final long arc)
        {
            final int i = Arrays.binarySearch(arcs, arc);
            if (i >= 0)
            {
                return children[i];
            }
            final int at = -i - 1;
            final Node n = new Node();
            final long[] a = new long[arcs.length + 1];
            final Node[] c = new Node[children.length + 1];
            System.arraycopy(arcs, 0, a, 0, at);
            System.arraycopy(children, 0, c, 0, at);
            a[at] = arc;
            c[at] = n;
            System.arraycopy(arcs, at, a, at + 1, arcs.length - at);
            System.arraycopy(children, at, c, at + 1, children.length - at);
            arcs = a;
            children = c;
            return n;
        }

        Node deepCopy()
        {
            final Node n = new Node();
            n.name = name;
            n.arcs = arcs.clone();
            n.children = new Node[children.length];
            for (int i = 0; i < children.length; i++)
            {
                n.children[i] = children[i].deepCopy();
            }
            return n;
        }
    }
}
