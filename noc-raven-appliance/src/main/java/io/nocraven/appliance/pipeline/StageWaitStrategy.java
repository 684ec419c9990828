package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How the pipeline stages wait, on a box with few cores shared with the network threads.
 * <p>
 * Waiting for new input (the ring's cursor) blocks on a lock with a timeout, as {@link LiteTimeoutBlockingWaitStrategy}
 * does, so an idle appliance uses no CPU and the stages still run their periodic duties ({@code onTimeout}). Waiting
 * for an upstream stage (the decode stage waits for the journal stage, which may be inside an fsync) is where the
 * Disruptor's blocking strategies busy-spin: a profile at 30k syslog messages/s showed the decode stage spinning on 36 %
 * of the samples, a whole core on a 2-core box. Here that wait spins briefly, then yields, then parks for
 * {@link #PARK_NANOS} at a time, and gives up with a timeout after the same idle period as the cursor wait.
 */
public final class StageWaitStrategy implements WaitStrategy
{
    /** Busy spins before yielding when waiting for an upstream stage. */
    static final int SPINS = 100;
    /** Yields before parking. */
    static final int YIELDS = 100;
    /** One park while waiting for an upstream stage. */
    static final long PARK_NANOS = 50_000;

    private final LiteTimeoutBlockingWaitStrategy cursorWait;
    private final long timeoutNanos;

    /**
     * @param timeout idle time after which a stage's {@code onTimeout} runs.
     * @param unit    unit of {@code timeout}.
     */
    public StageWaitStrategy(final long timeout, final TimeUnit unit)
    {
        this.cursorWait = new LiteTimeoutBlockingWaitStrategy(timeout, unit);
        this.timeoutNanos = unit.toNanos(timeout);
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException, TimeoutException
    {
        // Blocks (with the idle timeout) until the producers have published the sequence; returns at once after.
        cursorWait.waitFor(sequence, cursor, cursor, barrier);
        long available = dependentSequence.get();
        if (available >= sequence)
        {
            return available;
        }
        final long deadline = System.nanoTime() + timeoutNanos;
        int counter = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (counter < SPINS)
            {
                Thread.onSpinWait();
            }
            else if (counter < SPINS + YIELDS)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(PARK_NANOS);
                if (System.nanoTime() - deadline > 0)
                {
                    throw TimeoutException.INSTANCE;
                }
            }
            counter++;
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        cursorWait.signalAllWhenBlocking();
    }
}
