package io.nocraven.codec.winevent;

import io.nocraven.core.record.RecordWriter;

import java.util.Arrays;

/**
 * The ordered {@code Name -> value} pairs of an event's EventData or UserData (values are text or null), or, when
 * the shipper sent values without names (PowerShell {@code Properties}), the values alone in order. Reusable: the
 * arrays grow to the largest event seen, up to {@link #MAX_ENTRIES}.
 */
final class NamedValues
{
    /** The most entries kept per event; more make the event invalid. */
    static final int MAX_ENTRIES = 4096;

    private String[] names = new String[32];
    private String[] values = new String[32];
    private int size;
    private boolean present;
    private boolean positional;

    void reset()
    {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
        present = false;
        positional = false;
    }

    /** Marks the container as present (an empty object or array is still written). */
    void markPresent(final boolean valuesOnly)
    {
        present = true;
        positional = valuesOnly;
    }

    /**
     * @param name  the name, or null for a positional value.
     * @param value the value, or null.
     * @return false when the event has more than {@link #MAX_ENTRIES} entries.
     */
    boolean add(final String name, final String value)
    {
        if (size == MAX_ENTRIES)
        {
            return false;
        }
        if (size == names.length)
        {
            final int n = Math.min(MAX_ENTRIES, size * 2);
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
        }
        present = true;
        names[size] = name;
        values[size] = value;
        size++;
        return true;
    }

    boolean present()
    {
        return present;
    }

    int size()
    {
        return size;
    }

    /**
     * Writes the value part of a member: an object, an array (positional) or null when absent.
     *
     * @param out the writer, after {@code name(...)}.
     */
    void write(final RecordWriter out)
    {
        if (!present)
        {
            out.nullValue();
            return;
        }
        if (positional)
        {
            out.startArray();
            for (int i = 0; i < size; i++)
            {
                out.stringValue(values[i]);
            }
            out.endArray();
            return;
        }
        out.startObject();
        for (int i = 0; i < size; i++)
        {
            out.name(names[i]);
            out.stringValue(values[i]);
        }
        out.endObject();
    }
}
