package io.nocraven.appliance.cli;

import picocli.CommandLine;

/**
 * Reads the version from the jar manifest ({@code Implementation-Version}).
 */
public final class VersionProvider implements CommandLine.IVersionProvider
{
    @Override
    public String[] getVersion()
    {
        final String version = NocRavenCli.class.getPackage().getImplementationVersion();
        return new String[] {
            "noc-raven " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
