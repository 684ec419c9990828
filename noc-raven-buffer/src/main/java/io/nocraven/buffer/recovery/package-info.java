/**
 * Recovery on open: verify from the last checkpoint, truncate torn tails, quarantine corrupt segments, report.
 */
package io.nocraven.buffer.recovery;
