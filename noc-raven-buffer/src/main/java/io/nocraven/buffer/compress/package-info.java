/**
 * Background compression of sealed segments into independently decompressible zstd or gzip frames with a seek
 * index, and the transparent reader of the result.
 */
package io.nocraven.buffer.compress;
