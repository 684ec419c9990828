/**
 * The record model every protocol emits: the envelope ({@link io.nocraven.core.record.RecordContext}), the kinds and
 * protocols, and a streaming {@link io.nocraven.core.record.RecordWriter} with a JSON-lines implementation.
 * The JSON contract is {@code docs/record-schema.md}.
 */
package io.nocraven.core.record;
