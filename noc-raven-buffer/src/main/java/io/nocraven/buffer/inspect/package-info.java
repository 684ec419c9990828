/**
 * Read-only inspection of a buffer directory (for the {@code noc-raven buffer inspect|verify|export} CLI): list
 * streams, segments and cursors, verify every record, iterate records by sequence or time. Never writes, never
 * locks, safe next to a running appliance.
 */
package io.nocraven.buffer.inspect;
