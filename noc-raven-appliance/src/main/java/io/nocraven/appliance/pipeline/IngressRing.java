package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.netty.buffer.ByteBuf;
import io.nocraven.appliance.config.ListenerType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest ring: network threads copy each datagram/frame into a pre-allocated slot ({@link #publish}); the
 * stages given at start run in order, for each input, on one thread ({@code noc-raven-stage}). A full ring drops the
 * input and counts it per listener (UDP has no back-pressure; TCP callers may use {@link #publishBlocking} to push
 * back on the sender).
 * <p>
 * One thread for all stages rather than a thread per stage: on the 2-core boxes this runs on, a second stage thread
 * spent most of its time waiting for the first (parking, waking, scanning the ring's published slots): with the
 * journal and decode stages on their own threads, 60 % of their CPU at 100k syslog datagrams/s was that hand-off
 * (async-profiler, docs/benchmarks.md). Run in sequence, a batch of inputs costs one wake-up, and the journal
 * stage's work still comes first for each input.
 */
public final class IngressRing
{
    /** Idle time after which the stages run their periodic duties (fsync timer, retention). */
    public static final long IDLE_TIMEOUT_MILLIS = 50;
    /**
     * Most bytes of large inputs (over {@link IngressEvent#KEEP_GROWN_BYTES}) in the ring at once. Without a bound a
     * flood of 64 KiB datagrams arriving faster than the stages journal them would grow every slot (65536 x 64 KiB =
     * 4 GiB) and exhaust the heap; past it, UDP inputs are dropped and counted like a full ring, TCP inputs wait.
     */
    public static final long LARGE_INPUT_BUDGET_BYTES = 64L << 20;
    private static final long BUDGET_WAIT_NANOS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(IngressRing.class);

    private final Disruptor<IngressEvent> disruptor;
    private final RingBuffer<IngressEvent> ring;
    private final AtomicLongArray dropped = new AtomicLongArray(ListenerType.values().length);
    private final AtomicLongArray tooLarge = new AtomicLongArray(ListenerType.values().length);
    private final AtomicLongArray received = new AtomicLongArray(ListenerType.values().length);
    private final AtomicLongArray receivedBytes = new AtomicLongArray(ListenerType.values().length);
    private final AtomicLong largeBytes = new AtomicLong();
    private final int[] maxBytes;

    /**
     * @param ringSize  slots (power of two).
     * @param slotBytes bytes pre-allocated per slot.
     * @param maxBytes  largest input accepted per listener, by ordinal (larger ones are refused and counted, see
     *                  {@link #tooLarge}).
     * @param stages    handlers run one after the other for every event.
     */
    @SafeVarargs
    public IngressRing(final int ringSize, final int slotBytes, final int[] maxBytes,
        final EventHandler<IngressEvent>... stages)
    {
        this.maxBytes = maxBytes.clone();
        final StageWaitStrategy wait = new StageWaitStrategy(IDLE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        this.disruptor = new Disruptor<>(IngressEvent.factory(slotBytes), ringSize,
            r -> new Thread(r, "noc-raven-stage"), ProducerType.MULTI, wait);
        final CountingExceptionHandler failures = new CountingExceptionHandler();
        disruptor.setDefaultExceptionHandler(failures);
        final List<EventHandler<IngressEvent>> inOrder = new ArrayList<>(stages.length);
        for (final EventHandler<IngressEvent> stage : stages)
        {
            inOrder.add(stage);
        }
        disruptor.handleEventsWith(new SequentialStages(inOrder, failures, this::release));
        final RingBuffer<IngressEvent> started = disruptor.start();
        wait.publishedBy(started::isAvailable);
        this.ring = started;
    }

    /**
     * Copies one input into the ring, dropping it (counted) when the ring is full.
     *
     * @param listener   the listener.
     * @param address    exporter address bytes (4 or 16).
     * @param port       exporter port.
     * @param nanos      receive time, epoch nanoseconds.
     * @param src        source bytes.
     * @param offset     start.
     * @param length     length.
     * @param reply      reply channel, or null.
     * @return true when published.
     */
    public boolean publish(final ListenerType listener, final byte[] address, final int port, final long nanos,
        final byte[] src, final int offset, final int length, final Object reply)
    {
        final long seq = tryClaim(listener, length);
        if (seq < 0)
        {
            return false;
        }
        fill(seq, listener, address, port, nanos, src, offset, length, reply);
        return true;
    }

    /**
     * Copies a Netty buffer's readable bytes into the ring, dropping the input (counted) when the ring is full.
     *
     * @param listener the listener.
     * @param sender   the exporter.
     * @param nanos    receive time, epoch nanoseconds.
     * @param content  the bytes (not released here).
     * @param reply    reply channel, or null.
     * @return true when published.
     */
    public boolean publish(final ListenerType listener, final InetSocketAddress sender, final long nanos,
        final ByteBuf content, final Object reply)
    {
        final int length = content.readableBytes();
        final long seq = tryClaim(listener, length);
        if (seq < 0)
        {
            return false;
        }
        try
        {
            final IngressEvent e = slot(seq, listener, length, reply);
            content.getBytes(content.readerIndex(), e.data, IngressEvent.PAYLOAD_OFFSET, length);
            e.context.set(sender, listener.configName(), nanos);
            counted(listener, length);
        }
        finally
        {
            ring.publish(seq);
        }
        return true;
    }

    /**
     * Like {@link #publish} but waits for a free slot (TCP: back-pressure on the connection).
     *
     * @param listener the listener.
     * @param address  exporter address bytes (4 or 16).
     * @param port     exporter port.
     * @param nanos    receive time, epoch nanoseconds.
     * @param src      source bytes.
     * @param offset   start.
     * @param length   length.
     */
    public void publishBlocking(final ListenerType listener, final byte[] address, final int port, final long nanos,
        final byte[] src, final int offset, final int length)
    {
        if (tooLarge(listener, length))
        {
            return;
        }
        int charge;
        while ((charge = charge(length)) < 0)
        {
            LockSupport.parkNanos(BUDGET_WAIT_NANOS);
        }
        final long seq = ring.next();
        ring.get(seq).charged = charge;
        fill(seq, listener, address, port, nanos, src, offset, length, null);
    }

    /**
     * Claims a slot without waiting, refusing the input (counted) when it is larger than the listener takes, when
     * the large-input budget is spent or when the ring is full; the claimed slot carries the input's budget charge.
     *
     * @return the sequence, or -1 when refused.
     */
    private long tryClaim(final ListenerType listener, final int length)
    {
        if (tooLarge(listener, length))
        {
            return -1;
        }
        final int charge = charge(length);
        if (charge < 0)
        {
            dropped.incrementAndGet(listener.ordinal());
            return -1;
        }
        final long seq;
        try
        {
            seq = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            largeBytes.addAndGet(-charge);
            dropped.incrementAndGet(listener.ordinal());
            return -1;
        }
        ring.get(seq).charged = charge;
        return seq;
    }

    /** Sizes a claimed slot for the input and sets what does not depend on where the bytes come from. */
    private IngressEvent slot(final long seq, final ListenerType listener, final int length, final Object reply)
    {
        final IngressEvent e = ring.get(seq);
        e.ensure(length);
        e.length = length;
        e.listener = listener.ordinal();
        e.replyChannel = reply;
        return e;
    }

    private void counted(final ListenerType listener, final int length)
    {
        received.incrementAndGet(listener.ordinal());
        receivedBytes.addAndGet(listener.ordinal(), length);
    }

    /**
     * Reserves room in the large-input budget for an input that will not fit a kept slot.
     *
     * @return bytes charged (0 for an input that fits), or -1 when the budget is spent.
     */
    private int charge(final int length)
    {
        if (length <= IngressEvent.KEEP_GROWN_BYTES)
        {
            return 0;
        }
        if (largeBytes.addAndGet(length) > LARGE_INPUT_BUDGET_BYTES)
        {
            largeBytes.addAndGet(-length);
            return -1;
        }
        return length;
    }

    /** After every stage: gives back a large input's budget and memory. */
    private void release(final IngressEvent event)
    {
        if (event.charged > 0)
        {
            largeBytes.addAndGet(-event.charged);
            event.charged = 0;
        }
        event.trim();
    }

    /**
     * @return bytes of large inputs in the ring now.
     */
    public long largeInputBytes()
    {
        return largeBytes.get();
    }

    /**
     * Inputs larger than the journal takes are refused whole and counted, never truncated: a truncated datagram
     * would be journaled and forwarded as if it were what the exporter sent.
     */
    private boolean tooLarge(final ListenerType listener, final int length)
    {
        if (length <= maxBytes[listener.ordinal()])
        {
            return false;
        }
        tooLarge.incrementAndGet(listener.ordinal());
        return true;
    }

    /**
     * @param listener a listener.
     * @return inputs refused because they were larger than the largest input the pipeline takes.
     */
    public long tooLarge(final ListenerType listener)
    {
        return tooLarge.get(listener.ordinal());
    }

    /**
     * @param listener a listener.
     * @return the largest input accepted from it, in bytes.
     */
    public int maxBytes(final ListenerType listener)
    {
        return maxBytes[listener.ordinal()];
    }

    private void fill(final long seq, final ListenerType listener, final byte[] address, final int port,
        final long nanos, final byte[] src, final int offset, final int length, final Object reply)
    {
        try
        {
            final IngressEvent e = slot(seq, listener, length, reply);
            System.arraycopy(src, offset, e.data, IngressEvent.PAYLOAD_OFFSET, length);
            e.context.set(address, 0, address.length, port, listener.configName(), nanos);
            counted(listener, length);
        }
        finally
        {
            ring.publish(seq);
        }
    }

    /**
     * @param listener a listener.
     * @return inputs dropped because the ring was full.
     */
    public long dropped(final ListenerType listener)
    {
        return dropped.get(listener.ordinal());
    }

    /**
     * @param listener a listener.
     * @return inputs accepted into the ring.
     */
    public long received(final ListenerType listener)
    {
        return received.get(listener.ordinal());
    }

    /**
     * @param listener a listener.
     * @return bytes accepted into the ring.
     */
    public long receivedBytes(final ListenerType listener)
    {
        return receivedBytes.get(listener.ordinal());
    }

    /**
     * @return slots free right now.
     */
    public long remainingCapacity()
    {
        return ring.remainingCapacity();
    }

    /**
     * @return total slots.
     */
    public int capacity()
    {
        return ring.getBufferSize();
    }

    /**
     * Waits until every published event has passed every stage, then stops the stage threads.
     *
     * @param timeoutMillis how long to wait for the drain.
     */
    public void drainAndStop(final long timeoutMillis)
    {
        try
        {
            disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            LOG.warn("pipeline did not drain within {} ms; halting", timeoutMillis);
            disruptor.halt();
        }
    }

    /**
     * Runs the stages one after the other for each event, on the ring's one consumer thread. A stage that throws
     * does not stop the later stages from seeing the event: each failure is handed to the exception handler (counted
     * and logged) and the next stage runs.
     */
    private static final class SequentialStages implements EventHandler<IngressEvent>
    {
        /** An array, not a list: iterating a list here allocated an iterator per input (async-profiler). */
        private final EventHandler<?>[] stages;
        private final ExceptionHandler<IngressEvent> failures;
        private final Consumer<IngressEvent> done;

        SequentialStages(final List<EventHandler<IngressEvent>> stages, final ExceptionHandler<IngressEvent> failures,
            final Consumer<IngressEvent> done)
        {
            this.stages = stages.toArray(new EventHandler<?>[0]);
            this.failures = failures;
            this.done = done;
        }

        @Override
        public void onEvent(final IngressEvent event, final long sequence, final boolean endOfBatch) throws Exception
        {
            for (final EventHandler<?> stage : stages)
            {
                try
                {
                    stage(stage).onEvent(event, sequence, endOfBatch);
                }
                catch (final RuntimeException ex)
                {
                    failures.handleEventException(ex, sequence, event);
                }
            }
            done.accept(event);
        }

        /** The array holds only the ring's own stages, given to the constructor as {@code EventHandler<IngressEvent>}. */
        @SuppressWarnings("unchecked")
        private static EventHandler<IngressEvent> stage(final EventHandler<?> stage)
        {
            return (EventHandler<IngressEvent>)stage;
        }

        @Override
        public void onTimeout(final long sequence) throws Exception
        {
            for (final EventHandler<?> stage : stages)
            {
                stage(stage).onTimeout(sequence);
            }
        }

        @Override
        public void onStart()
        {
            for (final EventHandler<?> stage : stages)
            {
                stage.onStart();
            }
        }

        @Override
        public void onShutdown()
        {
            for (final EventHandler<?> stage : stages)
            {
                stage.onShutdown();
            }
        }
    }

    /** Logs and counts stage failures; the stage goes on with the next event. */
    private static final class CountingExceptionHandler implements ExceptionHandler<IngressEvent>
    {
        private long failures;

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final IngressEvent event)
        {
            failures++;
            if (Long.bitCount(failures) == 1)
            {
                LOG.error("pipeline stage failed on event {} (failure #{}); continuing", sequence, failures, ex);
            }
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            LOG.error("pipeline stage failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            LOG.error("pipeline stage failed to stop", ex);
        }
    }
}
