package io.nocraven.codec.ipfix;

import io.nocraven.codec.flow.ExporterSession;
import io.nocraven.codec.flow.InformationElementRegistry;
import io.nocraven.codec.flow.Octets;
import io.nocraven.codec.flow.Template;
import io.nocraven.codec.flow.TemplateCache;
import io.nocraven.codec.flow.TemplateField;

import static io.nocraven.codec.ipfix.IpfixDescriptor.ENTERPRISE_BIT;
import static io.nocraven.codec.ipfix.IpfixDescriptor.MIN_DATA_SET;
import static io.nocraven.codec.ipfix.IpfixDescriptor.OPTIONS_TEMPLATE_SET;
import static io.nocraven.codec.ipfix.IpfixDescriptor.TEMPLATE_SET;

/**
 * Parses IPFIX template and options template sets (RFC 7011 section 3.4): defines, redefines and withdraws
 * templates (one, or all of a kind with the set id as template id). Templates whose records would be empty are
 * rejected, so a data set can never loop without progress (goflow2 stores a withdrawal as an empty template).
 */
final class IpfixTemplateParser
{
    private final InformationElementRegistry registry;
    private final TemplateCache cache;
    private String error;

    IpfixTemplateParser(final InformationElementRegistry registry, final TemplateCache cache)
    {
        this.registry = registry;
        this.cache = cache;
    }

    /** @return why the last parse failed. */
    String error()
    {
        return error;
    }

    /**
     * @param session the exporter.
     * @param setId   2 or 3.
     * @param buf     bytes.
     * @param start   first template record.
     * @param end     end of the set.
     * @return -1 when fine, else the offset of the bad record ({@link #error()} says why).
     */
    int parse(final ExporterSession session, final int setId, final byte[] buf, final int start, final int end)
    {
        final boolean options = setId == OPTIONS_TEMPLATE_SET;
        final int headerLength = options ? 6 : 4;
        int r = start;
        while (end - r >= 4)
        {
            final int id = Octets.u16(buf, r);
            final int count = Octets.u16(buf, r + 2);
            if (id == 0 && Octets.allZero(buf, r, end))
            {
                break;
            }
            if (count == 0)
            {
                if (!withdraw(session, id, setId))
                {
                    return r;
                }
                r += 4;
                continue;
            }
            if (end - r < headerLength)
            {
                return bad("truncated template", r);
            }
            if (id < MIN_DATA_SET)
            {
                return bad("bad template id", r);
            }
            final int scopeCount = options ? Octets.u16(buf, r + 4) : 0;
            if (options && (scopeCount == 0 || scopeCount > count))
            {
                return bad("bad scope field count", r);
            }
            final TemplateField[] fields = new TemplateField[count];
            int f = r + headerLength;
            for (int i = 0; i < count; i++)
            {
                if (end - f < 4)
                {
                    return bad("truncated template", r);
                }
                final int rawId = Octets.u16(buf, f);
                final int length = Octets.u16(buf, f + 2);
                f += 4;
                long pen = 0;
                if ((rawId & ENTERPRISE_BIT) != 0)
                {
                    if (end - f < 4)
                    {
                        return bad("truncated template", r);
                    }
                    pen = Octets.u32(buf, f);
                    f += 4;
                }
                fields[i] = new TemplateField(registry.ipfix(pen, rawId & ~ENTERPRISE_BIT), length);
            }
            final Template t = new Template(id, fields, scopeCount, options, cache.now());
            if (t.minRecordLength() == 0)
            {
                return bad("zero-length template", r);
            }
            cache.define(session, t);
            r = f;
        }
        return -1;
    }

    private boolean withdraw(final ExporterSession session, final int id, final int setId)
    {
        if (id == TEMPLATE_SET || id == OPTIONS_TEMPLATE_SET)
        {
            if (id != setId)
            {
                error = "bad template withdrawal";
                return false;
            }
            cache.withdrawAll(session, id == OPTIONS_TEMPLATE_SET);
            return true;
        }
        if (id < MIN_DATA_SET)
        {
            error = "bad template id";
            return false;
        }
        cache.withdraw(session, id);
        return true;
    }

    private int bad(final String reason, final int at)
    {
        error = reason;
        return at;
    }
}
