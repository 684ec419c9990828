/**
 * JMH benchmarks of the durable buffer: append throughput and latency, Disruptor ingest, reads, compression, and a
 * comparison with Chronicle Queue.
 */
package io.nocraven.bench.buffer;
