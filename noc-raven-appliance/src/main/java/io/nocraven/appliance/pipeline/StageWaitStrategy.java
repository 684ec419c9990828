package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How the pipeline stages wait, on a box with few cores shared with the network threads: poll with short sleeps while
 * traffic flows, block when it stops.
 * <p>
 * The Disruptor's blocking strategies wake the stage for every input when the stage is faster than the network:
 * at 100k syslog datagrams/s the stage slept after nearly every event, so every publish paid a futex wake-up and
 * every event a context switch, and the journal stage used several times the CPU of the journaling itself. Here a
 * stage that finds nothing new sleeps {@link #POLL_PARK_NANOS} at a time without asking to be woken (the producers'
 * {@link #signalAllWhenBlocking()} is then one uncontended atomic read), and on waking takes everything published
 * meanwhile as one batch: one buffer commit and one wake-up for tens of inputs. Only after {@link #POLL_NANOS} without
 * anything new (counted from the last input, so the idle timeouts below do not poll) does it block on a lock, as
 * {@code LiteTimeoutBlockingWaitStrategy} does, so an idle appliance uses almost no CPU; the first input after idle
 * wakes it at once.
 * <p>
 * Waiting for an upstream stage (a stage on its own thread behind another, which may be inside an fsync) always
 * polls: the input is already there and the upstream stage is working on it.
 * <p>
 * In both cases the wait gives up with a {@link TimeoutException} after the idle period given at construction, so
 * the stages run their periodic duties ({@code onTimeout}: fsync timer, retention). The price is latency: an input
 * may wait up to about one poll sleep (100 to 150 microseconds with the kernel's timer slack) before a stage sees it.
 */
public final class StageWaitStrategy implements WaitStrategy
{
    /** One sleep while polling. */
    static final long POLL_PARK_NANOS = 100_000;
    /** Spins while a claimed slot is being filled, before sleeping like any other wait. */
    static final int CLAIM_SPINS = 200;
    /** How long a stage polls after its last input before it blocks. */
    static final long POLL_NANOS = 2_000_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private final AtomicBoolean signalNeeded = new AtomicBoolean();
    private final long timeoutNanos;
    private volatile LongPredicate published = sequence -> true;
    /**
     * When a wait last found input (set lazily from {@link #sawInput}): polling only follows traffic, so an idle
     * stage's periodic timeouts go straight back to blocking. Plain fields: the ring has one consumer thread.
     */
    private long lastInputNanos;
    private boolean sawInput;

    /**
     * @param timeout idle time after which a stage's {@code onTimeout} runs.
     * @param unit    unit of {@code timeout}.
     */
    public StageWaitStrategy(final long timeout, final TimeUnit unit)
    {
        this.timeoutNanos = unit.toNanos(timeout);
    }

    /**
     * Tells the strategy how to see whether a claimed slot is published yet ({@code RingBuffer::isAvailable}). With
     * several producers the ring's cursor counts claimed slots: a producer descheduled between its claim and its
     * publish (likely with more busy threads than cores) would otherwise leave the stage spinning through the
     * Disruptor's barrier for a whole time slice; with it, the stage polls with sleeps like any other wait.
     *
     * @param isPublished true when a sequence's slot is published.
     */
    public void publishedBy(final LongPredicate isPublished)
    {
        this.published = isPublished;
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException, InterruptedException, TimeoutException
    {
        long available = dependentSequence.get();
        final LongPredicate isPublished = published;
        if (available >= sequence && isPublished.test(sequence))
        {
            sawInput = true;
            return available;
        }
        final long start = System.nanoTime();
        if (sawInput)
        {
            sawInput = false;
            lastInputNanos = start;
        }
        final long sinceInput = start - lastInputNanos;
        int spins = 0;
        while ((available = dependentSequence.get()) < sequence || !isPublished.test(sequence))
        {
            if (available >= sequence && spins < CLAIM_SPINS)
            {
                // Claimed, not yet published: normally a matter of a memory copy.
                spins++;
                Thread.onSpinWait();
                continue;
            }
            barrier.checkAlert();
            final long waited = System.nanoTime() - start;
            if (waited >= timeoutNanos)
            {
                throw TimeoutException.INSTANCE;
            }
            if (sinceInput + waited < POLL_NANOS || cursor.get() >= sequence)
            {
                LockSupport.parkNanos(POLL_PARK_NANOS);
            }
            else
            {
                block(sequence, cursor, barrier, timeoutNanos - waited);
            }
        }
        sawInput = true;
        return available;
    }

    /** Blocks until the producers publish {@code sequence} or {@code nanos} pass. */
    private void block(final long sequence, final Sequence cursor, final SequenceBarrier barrier, final long nanos)
        throws AlertException, InterruptedException, TimeoutException
    {
        long remaining = nanos;
        lock.lock();
        try
        {
            while (cursor.get() < sequence)
            {
                barrier.checkAlert();
                signalNeeded.set(true);
                // Checked again after raising the flag: a publish between the first check and the flag would
                // otherwise not signal, and this wait would last until the timeout.
                if (cursor.get() >= sequence)
                {
                    break;
                }
                remaining = wakeUp.awaitNanos(remaining);
                if (remaining <= 0)
                {
                    throw TimeoutException.INSTANCE;
                }
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (signalNeeded.getAndSet(false))
        {
            lock.lock();
            try
            {
                wakeUp.signalAll();
            }
            finally
            {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString()
    {
        return "StageWaitStrategy{pollParkNanos=" + POLL_PARK_NANOS + ", pollNanos=" + POLL_NANOS + ", timeoutNanos="
            + timeoutNanos + '}';
    }
}
