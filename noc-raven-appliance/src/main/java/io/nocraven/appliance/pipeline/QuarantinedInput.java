package io.nocraven.appliance.pipeline;

/**
 * One undecodable input kept for inspection.
 *
 * @param listener   listener name.
 * @param exporter   {@code ip:port}.
 * @param receivedAtNanos receive time, epoch nanoseconds.
 * @param reason     the decoder's reason.
 * @param bytes      a copy of the input.
 */
public record QuarantinedInput(String listener, String exporter, long receivedAtNanos, String reason, byte[] bytes)
{
}
