/**
 * Compiled and tested examples of the NoC Raven SDK, one package each: {@code decode} (captures to JSON lines with
 * the codecs), {@code embed} (the durable buffer in your own program) and {@code sink} (a custom at-least-once
 * destination fed from a buffer stream). {@link io.nocraven.examples.Examples} runs any of them by name.
 */
package io.nocraven.examples;
