package io.nocraven.codec.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A (options) template as defined by an exporter, with everything the record walk needs precomputed when it is
 * defined: the minimum record length, the output plan (one key per distinct element name, the field indexes behind
 * it in wire order, so a repeated element becomes one JSON array), and the positions of the elements the decoder
 * interprets (flow times, sampling, system init time). Immutable except for its definition time ({@link #refresh}).
 */
public final class Template
{
    private final int id;
    private final TemplateField[] fields;
    private final int scopeCount;
    private final boolean options;
    private final int minRecordLength;
    private final boolean variable;
    private final OutputPlan scopePlan;
    private final OutputPlan fieldPlan;
    private long definedAtMillis;
    /** Index of flowStartSysUpTime (IE 22), or -1. */
    final int startUptime;
    /** Index of flowEndSysUpTime (IE 21), or -1. */
    final int endUptime;
    /** True when the record carries flowStartMilliseconds (IE 152) itself. */
    final boolean hasStartMillis;
    /** True when the record carries flowEndMilliseconds (IE 153) itself. */
    final boolean hasEndMillis;
    /** Index of samplerId (IE 48) or else selectorId (IE 302), or -1. */
    final int samplerId;
    /** Index of samplingInterval (IE 34), or -1. */
    final int samplingInterval;
    /** Index of samplerRandomInterval (IE 50), or -1. */
    final int samplerRandomInterval;
    /** Index of samplingPacketInterval (IE 305), or -1. */
    final int packetInterval;
    /** Index of samplingPacketSpace (IE 306), or -1. */
    final int packetSpace;
    /** Index of samplingSize (IE 309), or -1. */
    final int samplingSize;
    /** Index of samplingPopulation (IE 310), or -1. */
    final int samplingPopulation;
    /** Index of systemInitTimeMilliseconds (IE 160), or -1. */
    final int systemInit;

    /**
     * @param id              template id (256..65535).
     * @param fields          field specifiers in wire order (scope fields first for options templates).
     * @param scopeCount      number of scope fields (0 for a data template).
     * @param options         true for an options template.
     * @param definedAtMillis when it was (last) defined, from the decoder's clock.
     */
    public Template(final int id, final TemplateField[] fields, final int scopeCount, final boolean options,
        final long definedAtMillis)
    {
        this.id = id;
        this.fields = fields.clone();
        this.scopeCount = scopeCount;
        this.options = options;
        this.definedAtMillis = definedAtMillis;
        int min = 0;
        boolean var = false;
        for (final TemplateField f : fields)
        {
            if (f.isVariable())
            {
                var = true;
                min += 1;
            }
            else
            {
                min += f.length();
            }
        }
        this.minRecordLength = min;
        this.variable = var;
        this.startUptime = indexOf(22);
        this.endUptime = indexOf(21);
        this.hasStartMillis = indexOf(152) >= 0;
        this.hasEndMillis = indexOf(153) >= 0;
        this.samplerId = indexOf(48) >= 0 ? indexOf(48) : indexOf(302);
        this.samplingInterval = indexOf(34);
        this.samplerRandomInterval = indexOf(50);
        this.packetInterval = indexOf(305);
        this.packetSpace = indexOf(306);
        this.samplingSize = indexOf(309);
        this.samplingPopulation = indexOf(310);
        this.systemInit = indexOf(160);
        this.scopePlan = new OutputPlan(this.fields, 0, scopeCount);
        this.fieldPlan = new OutputPlan(this.fields, scopeCount, this.fields.length);
    }

    /**
     * @return the template id.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return the number of fields.
     */
    public int fieldCount()
    {
        return fields.length;
    }

    /**
     * @param i index.
     * @return the field at that index.
     */
    public TemplateField field(final int i)
    {
        return fields[i];
    }

    /**
     * @return the number of scope fields.
     */
    public int scopeCount()
    {
        return scopeCount;
    }

    /**
     * @return true for an options template.
     */
    public boolean isOptions()
    {
        return options;
    }

    /**
     * @return the smallest possible record length (a variable-length field counts 1 octet).
     */
    public int minRecordLength()
    {
        return minRecordLength;
    }

    /**
     * @return true when a field has variable length.
     */
    public boolean isVariable()
    {
        return variable;
    }

    /**
     * @return the plan for the scope fields (empty for data templates).
     */
    public OutputPlan scopePlan()
    {
        return scopePlan;
    }

    /**
     * @return the plan for the non-scope fields.
     */
    public OutputPlan fieldPlan()
    {
        return fieldPlan;
    }

    /**
     * @return when the template was defined (decoder clock, epoch millis).
     */
    public long definedAtMillis()
    {
        return definedAtMillis;
    }

    /**
     * Records that the exporter sent the same template again (restarts its lifetime).
     *
     * @param nowMillis the decoder clock.
     */
    public void refresh(final long nowMillis)
    {
        this.definedAtMillis = nowMillis;
    }

    /**
     * @param ianaId an IANA element id.
     * @return the index of its first field, or -1.
     */
    public int indexOf(final int ianaId)
    {
        for (int i = 0; i < fields.length; i++)
        {
            if (fields[i].is(ianaId))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param other another template.
     * @return true when both have the same fields, lengths and scope (a re-sent template, not a redefinition).
     */
    public boolean sameLayout(final Template other)
    {
        if (other.fields.length != fields.length || other.scopeCount != scopeCount || other.options != options)
        {
            return false;
        }
        for (int i = 0; i < fields.length; i++)
        {
            final InformationElement a = fields[i].element();
            final InformationElement b = other.fields[i].element();
            if (a.id() != b.id() || a.enterpriseNumber() != b.enterpriseNumber() || fields[i].length() != other.fields[i].length())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Which keys a record of a template writes, in wire order of their first occurrence, and which fields feed
     * each key (more than one: a JSON array in wire order).
     */
    public static final class OutputPlan
    {
        private final String[] keys;
        private final int[][] fieldIndexes;

        OutputPlan(final TemplateField[] fields, final int from, final int to)
        {
            final Map<String, List<Integer>> byName = new LinkedHashMap<>();
            for (int i = from; i < to; i++)
            {
                byName.computeIfAbsent(fields[i].element().name(), k -> new ArrayList<>()).add(i);
            }
            keys = byName.keySet().toArray(new String[0]);
            fieldIndexes = new int[keys.length][];
            int k = 0;
            for (final List<Integer> idx : byName.values())
            {
                fieldIndexes[k++] = idx.stream().mapToInt(Integer::intValue).toArray();
            }
        }

        /**
         * @return the number of keys.
         */
        public int size()
        {
            return keys.length;
        }

        /**
         * @param k key index.
         * @return the key.
         */
        public String key(final int k)
        {
            return keys[k];
        }

        /**
         * @param k key index.
         * @return the field indexes written under that key (internal array, do not modify).
         */
        public int[] fields(final int k)
        {
            return fieldIndexes[k];
        }
    }
}
