/**
 * Ingest: many producers into one writer per stream through an LMAX Disruptor, with I/O batched on endOfBatch.
 */
package io.nocraven.buffer.ingest;
