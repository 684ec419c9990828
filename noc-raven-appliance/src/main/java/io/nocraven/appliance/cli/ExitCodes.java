package io.nocraven.appliance.cli;

/**
 * Exit codes of the {@code noc-raven} commands.
 */
public final class ExitCodes
{
    /** Success (for {@code decode}: the inputs were read, even if some datagrams were invalid). */
    public static final int OK = 0;
    /** A runtime failure that is not the input's fault. */
    public static final int FAILURE = 1;
    /** Bad usage, or an input that cannot be read. */
    public static final int USAGE = 2;

    private ExitCodes()
    {
    }
}
