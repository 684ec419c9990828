package io.nocraven.appliance.config;

import java.util.List;

/**
 * The configuration is invalid. Carries every problem found (not just the first), each naming the key, the value
 * and what was expected.
 */
public final class ConfigException extends Exception
{
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    /**
     * @param errors one line per problem.
     */
    public ConfigException(final List<String> errors)
    {
        super("invalid configuration:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * @return one line per problem.
     */
    public List<String> errors()
    {
        return errors;
    }
}
