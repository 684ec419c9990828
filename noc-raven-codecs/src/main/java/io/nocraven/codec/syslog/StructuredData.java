package io.nocraven.codec.syslog;

/**
 * The index of an RFC 5424 STRUCTURED-DATA field: SD-ELEMENT ids and, for each, a run of SD-PARAMs in
 * {@link #params}. Offsets only; values keep their escapes until written.
 */
final class StructuredData
{
    /** Whether the message had SD-ELEMENTs (false for NILVALUE or no STRUCTURED-DATA). */
    boolean present;
    int elementCount;
    int[] idStart = new int[8];
    int[] idEnd = new int[8];
    /** Index in {@link #params} of the element's first param. */
    int[] firstParam = new int[8];
    /** Index in {@link #params} after the element's last param. */
    int[] endParam = new int[8];
    final Spans params = new Spans(32);

    void clear()
    {
        present = false;
        elementCount = 0;
        params.clear();
    }

    /**
     * Starts an element.
     *
     * @return false when {@link Spans#MAX_ENTRIES} elements are already held.
     */
    boolean addElement(final int start, final int end)
    {
        if (elementCount == idStart.length)
        {
            if (elementCount >= Spans.MAX_ENTRIES)
            {
                return false;
            }
            final int n = elementCount * 2;
            idStart = java.util.Arrays.copyOf(idStart, n);
            idEnd = java.util.Arrays.copyOf(idEnd, n);
            firstParam = java.util.Arrays.copyOf(firstParam, n);
            endParam = java.util.Arrays.copyOf(endParam, n);
        }
        idStart[elementCount] = start;
        idEnd[elementCount] = end;
        firstParam[elementCount] = params.count;
        endParam[elementCount] = params.count;
        elementCount++;
        present = true;
        return true;
    }

    /** Closes the current element after its params were added. */
    void endElement()
    {
        endParam[elementCount - 1] = params.count;
    }

    /**
     * @return the index of the first element with the same SD-ID as element {@code e}, possibly {@code e} itself.
     */
    int firstWithSameId(final byte[] buf, final int e)
    {
        for (int i = 0; i < e; i++)
        {
            if (SyslogBytes.equalRanges(buf, idStart[i], idEnd[i], idStart[e], idEnd[e]))
            {
                return i;
            }
        }
        return e;
    }
}
