package io.nocraven.testing;

import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordKind;
import io.nocraven.core.record.RecordWriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link RecordWriter} that writes real JSON lines (through {@link JsonRecordWriter}) into a list, for assertions:
 * {@code JsonLines out = new JsonLines(); decoder.decode(ctx, buf, 0, n, out); assertEquals(1, out.lines().size());}.
 */
public final class JsonLines extends ForwardingRecordWriter
{
    private final List<String> lines;
    private final List<RecordKind> kinds;

    /** Writes through a {@link JsonRecordWriter} into {@link #lines()}. */
    public JsonLines()
    {
        this(new ArrayList<>(), new ArrayList<>());
    }

    private JsonLines(final List<String> lines, final List<RecordKind> kinds)
    {
        super(new JsonRecordWriter((kind, line) ->
        {
            kinds.add(kind);
            lines.add(line.toString());
        }));
        this.lines = lines;
        this.kinds = kinds;
    }

    /** @return every line written so far, in order (a read-only view). */
    public List<String> lines()
    {
        return Collections.unmodifiableList(lines);
    }

    /** @return the kind of every line written so far. */
    public List<RecordKind> kinds()
    {
        return Collections.unmodifiableList(kinds);
    }

    /**
     * @return the last line.
     * @throws IllegalStateException when nothing was written.
     */
    public String last()
    {
        if (lines.isEmpty())
        {
            throw new IllegalStateException("no line written");
        }
        return lines.get(lines.size() - 1);
    }

    /** Forgets every line written so far. */
    public void clear()
    {
        lines.clear();
        kinds.clear();
    }
}
