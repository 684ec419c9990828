/**
 * The {@code noc-raven} command line: {@code decode} (captures to JSON lines), {@code buffer}
 * (inspect, verify and export a buffer directory) and the appliance commands.
 */
package io.nocraven.appliance.cli;
