package io.nocraven.codec.flow;

import io.nocraven.core.record.RecordWriter;

/**
 * Writes the fields of one measured record by a template's {@link Template.OutputPlan}: one key per element name,
 * a JSON array when the element repeats, RFC 6313 lists as nested JSON (basicList: array of values;
 * subTemplateList: array of objects; subTemplateMultiList: array of {@code {"templateId", "records"}}).
 * <p>
 * Lists are parsed twice, first to validate, then to write, because the writer streams and cannot take back a
 * half-written value: a malformed list, a list nested deeper than {@link #MAX_DEPTH} or one naming an unknown
 * template is written as hex instead. Reuses one {@link RecordLayout} per depth; scalar values allocate nothing.
 */
public final class RecordFieldsWriter
{
    /** Deepest list nesting decoded; deeper lists are written as hex. */
    public static final int MAX_DEPTH = 4;

    private final InformationElementRegistry registry;
    private final RecordLayout[] layouts = new RecordLayout[MAX_DEPTH + 1];

    /**
     * @param registry names for basicList elements.
     */
    public RecordFieldsWriter(final InformationElementRegistry registry)
    {
        this.registry = registry;
        for (int i = 0; i < layouts.length; i++)
        {
            layouts[i] = new RecordLayout();
        }
    }

    /**
     * @return the layout of top-level records.
     */
    public RecordLayout topLayout()
    {
        return layouts[0];
    }

    /**
     * Writes the members of a plan (inside an object the caller started).
     *
     * @param plan     which keys.
     * @param template the record's template.
     * @param layout   the measured record.
     * @param buf      bytes.
     * @param out      where to write.
     * @param lookup   templates for sub-template lists.
     * @param depth    nesting depth of this record (0 for top level).
     */
    public void writePlan(final Template.OutputPlan plan, final Template template, final RecordLayout layout,
        final byte[] buf, final RecordWriter out, final TemplateLookup lookup, final int depth)
    {
        for (int k = 0; k < plan.size(); k++)
        {
            out.name(plan.key(k));
            final int[] idx = plan.fields(k);
            if (idx.length == 1)
            {
                writeField(template.field(idx[0]).element(), buf, layout.offset(idx[0]), layout.length(idx[0]), out,
                    lookup, depth);
            }
            else
            {
                out.startArray();
                for (final int i : idx)
                {
                    writeField(template.field(i).element(), buf, layout.offset(i), layout.length(i), out, lookup, depth);
                }
                out.endArray();
            }
        }
    }

    private void writeField(final InformationElement ie, final byte[] buf, final int offset, final int length,
        final RecordWriter out, final TemplateLookup lookup, final int depth)
    {
        final AbstractDataType type = ie.type();
        if (!type.isList())
        {
            FieldValueWriter.write(out, type, buf, offset, length);
            return;
        }
        if (depth < MAX_DEPTH && list(type, buf, offset, offset + length, null, lookup, depth))
        {
            list(type, buf, offset, offset + length, out, lookup, depth);
        }
        else
        {
            out.hexValue(buf, offset, length);
        }
    }

    /** Validates (out == null) or writes (out != null) one list value. */
    private boolean list(final AbstractDataType type, final byte[] buf, final int start, final int end,
        final RecordWriter out, final TemplateLookup lookup, final int depth)
    {
        if (end - start < 1)
        {
            return false;
        }
        switch (type)
        {
            case BASIC_LIST:
                return basicList(buf, start + 1, end, out, lookup, depth);
            case SUB_TEMPLATE_LIST:
                if (end - start < 3)
                {
                    return false;
                }
                if (out != null)
                {
                    out.startArray();
                }
                final boolean ok = records(read16(buf, start + 1), buf, start + 3, end, out, lookup, depth);
                if (out != null)
                {
                    out.endArray();
                }
                return ok;
            default:
                return multiList(buf, start + 1, end, out, lookup, depth);
        }
    }

    private boolean basicList(final byte[] buf, final int start, final int end, final RecordWriter out,
        final TemplateLookup lookup, final int depth)
    {
        if (end - start < 4)
        {
            return false;
        }
        final int rawId = read16(buf, start);
        final int elementLength = read16(buf, start + 2);
        int p = start + 4;
        long pen = 0;
        if ((rawId & 0x8000) != 0)
        {
            if (end - p < 4)
            {
                return false;
            }
            pen = FieldValueWriter.readUnsigned(buf, p, 4);
            p += 4;
        }
        final InformationElement ie = out == null ? null : registry.ipfix(pen, rawId & 0x7FFF);
        if (out != null)
        {
            out.startArray();
        }
        while (p < end)
        {
            int len = elementLength;
            if (elementLength == TemplateField.VARIABLE_LENGTH)
            {
                len = buf[p++] & 0xFF;
                if (len == 255)
                {
                    if (end - p < 2)
                    {
                        return false;
                    }
                    len = read16(buf, p);
                    p += 2;
                }
            }
            else if (elementLength == 0)
            {
                return false;
            }
            if (len > end - p)
            {
                return false;
            }
            if (out != null)
            {
                writeField(ie, buf, p, len, out, lookup, depth + 1);
            }
            p += len;
        }
        if (out != null)
        {
            out.endArray();
        }
        return true;
    }

    private boolean multiList(final byte[] buf, final int start, final int end, final RecordWriter out,
        final TemplateLookup lookup, final int depth)
    {
        if (out != null)
        {
            out.startArray();
        }
        int p = start;
        while (p < end)
        {
            if (end - p < 4)
            {
                return false;
            }
            final int templateId = read16(buf, p);
            final int length = read16(buf, p + 2);
            if (length < 4 || length > end - p)
            {
                return false;
            }
            if (out != null)
            {
                out.startObject();
                out.field("templateId", templateId);
                out.name("records");
                out.startArray();
            }
            if (!records(templateId, buf, p + 4, p + length, out, lookup, depth))
            {
                return false;
            }
            if (out != null)
            {
                out.endArray();
                out.endObject();
            }
            p += length;
        }
        if (out != null)
        {
            out.endArray();
        }
        return true;
    }

    private boolean records(final int templateId, final byte[] buf, final int start, final int end,
        final RecordWriter out, final TemplateLookup lookup, final int depth)
    {
        final Template t = lookup.find(templateId);
        if (t == null || t.minRecordLength() == 0)
        {
            return false;
        }
        final RecordLayout layout = layouts[depth + 1];
        int p = start;
        while (p < end)
        {
            final int next = layout.measure(t, buf, p, end);
            if (next < 0)
            {
                return false;
            }
            if (out != null)
            {
                out.startObject();
                writePlan(t.scopePlan(), t, layout, buf, out, lookup, depth + 1);
                writePlan(t.fieldPlan(), t, layout, buf, out, lookup, depth + 1);
                out.endObject();
            }
            p = next;
        }
        return true;
    }

    private static int read16(final byte[] buf, final int p)
    {
        return ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
    }
}
