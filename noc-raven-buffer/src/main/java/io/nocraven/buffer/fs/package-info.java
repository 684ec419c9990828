/**
 * The injectable file layer: every file operation of the buffer, so tests can simulate a full disk or I/O errors.
 */
package io.nocraven.buffer.fs;
