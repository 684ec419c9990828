/**
 * Example: embed the durable buffer, append from several producer threads, recover on reopen and consume with a
 * named cursor ({@link io.nocraven.examples.embed.EmbeddedBufferExample}).
 */
package io.nocraven.examples.embed;
