/**
 * Plain counters and gauges of the buffer and a snapshot API for the appliance to export.
 */
package io.nocraven.buffer.metrics;
