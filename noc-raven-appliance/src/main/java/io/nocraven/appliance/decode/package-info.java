/**
 * Offline decoding: drives the codecs over captures and raw files for the {@code decode} command, keeping decoder
 * state (templates) across all inputs and counting every outcome.
 */
package io.nocraven.appliance.decode;
