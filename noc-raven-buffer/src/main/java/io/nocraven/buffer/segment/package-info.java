/**
 * The on-disk segment format: header and record descriptors, a verifying record scanner and the single appender.
 */
package io.nocraven.buffer.segment;
