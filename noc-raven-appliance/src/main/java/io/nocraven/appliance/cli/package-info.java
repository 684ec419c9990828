/**
 * The {@code noc-raven} command line: {@code decode} (captures to JSON lines) and the appliance commands.
 */
package io.nocraven.appliance.cli;
