/**
 * Consumers: named, persisted cursors with acknowledgements and readers from a sequence or a time.
 */
package io.nocraven.buffer.cursor;
