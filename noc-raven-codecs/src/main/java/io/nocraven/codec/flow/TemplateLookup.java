package io.nocraven.codec.flow;

/**
 * Finds a template of the current exporter and observation domain (for RFC 6313 sub-template lists).
 */
@FunctionalInterface
public interface TemplateLookup
{
    /**
     * @param templateId the id.
     * @return the live template, or null.
     */
    Template find(int templateId);
}
