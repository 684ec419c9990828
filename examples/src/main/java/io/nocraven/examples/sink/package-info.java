/**
 * Example: a custom at-least-once sink writing flows to CSV from a buffer stream, through the appliance's forwarder
 * SPI ({@link io.nocraven.examples.sink.CustomSinkExample}, {@link io.nocraven.examples.sink.CsvFlowForwarder}).
 */
package io.nocraven.examples.sink;
