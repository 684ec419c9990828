/**
 * NoC Raven's durable buffer: named, segmented, memory-mapped streams fed by a Disruptor, with CRC32C per record,
 * recovery on open, background compression, limits with overflow policies and persisted consumer cursors.
 * The on-disk format is specified in {@code docs/buffer-format.md}.
 */
package io.nocraven.buffer;
