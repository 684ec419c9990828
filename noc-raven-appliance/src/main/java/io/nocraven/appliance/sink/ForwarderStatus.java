package io.nocraven.appliance.sink;

/**
 * A forwarder's state as shown by health, status and metrics.
 *
 * @param name      forwarder name.
 * @param state     {@code running}, {@code connected}, {@code connecting}, {@code retrying} or {@code stopped}.
 * @param healthy   false while it cannot deliver.
 * @param sent      records or datagrams delivered (acknowledged by the target where it acknowledges).
 * @param failed    deliveries that failed after retries.
 * @param dropped   inputs not delivered because of the rate limit or an unavailable target.
 * @param pending   deliveries in flight (sent, not yet acknowledged).
 * @param lastError the most recent error, or empty.
 */
public record ForwarderStatus(String name, String state, boolean healthy, long sent, long failed, long dropped,
    long pending, String lastError)
{
}
