package io.nocraven.codec.flow;

/**
 * Where each field of one record starts and how long it is (variable-length prefixes already skipped). Reused
 * scratch: one per nesting depth, grown only when a template has more fields than any before.
 */
public final class RecordLayout
{
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];

    /**
     * Measures one record of {@code template} starting at {@code offset}.
     *
     * @param template the template.
     * @param buf      bytes.
     * @param offset   record start.
     * @param end      end of the enclosing set or list.
     * @return the offset after the record, or -1 when it does not fit before {@code end}.
     */
    public int measure(final Template template, final byte[] buf, final int offset, final int end)
    {
        final int n = template.fieldCount();
        if (offsets.length < n)
        {
            offsets = new int[n];
            lengths = new int[n];
        }
        int p = offset;
        for (int i = 0; i < n; i++)
        {
            final TemplateField f = template.field(i);
            int len = f.length();
            if (f.isVariable())
            {
                if (p >= end)
                {
                    return -1;
                }
                len = buf[p] & 0xFF;
                p++;
                if (len == 255)
                {
                    if (p + 2 > end)
                    {
                        return -1;
                    }
                    len = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
                    p += 2;
                }
            }
            if (len > end - p)
            {
                return -1;
            }
            offsets[i] = p;
            lengths[i] = len;
            p += len;
        }
        return p;
    }

    /**
     * @param i field index.
     * @return where the field's value starts.
     */
    public int offset(final int i)
    {
        return offsets[i];
    }

    /**
     * @param i field index.
     * @return the value's length.
     */
    public int length(final int i)
    {
        return lengths[i];
    }
}
