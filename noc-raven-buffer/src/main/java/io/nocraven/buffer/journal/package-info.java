/**
 * A stream's journal: the single writer over its segments, durability, retention and the buffer-wide budget.
 */
package io.nocraven.buffer.journal;
