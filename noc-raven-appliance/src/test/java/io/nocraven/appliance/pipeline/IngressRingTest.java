package io.nocraven.appliance.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.EventHandler;
import io.nocraven.appliance.config.ListenerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IngressRingTest
{
    private static final byte[] LOCALHOST = {127, 0, 0, 1};

    @Test
    void shouldBoundLargeInputsInFlightDropTheRestCountedAndGiveTheBudgetBack() throws Exception
    {
        final CountDownLatch go = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();
        final List<Integer> lengths = new ArrayList<>();
        final EventHandler<IngressEvent> gate = (e, seq, end) ->
        {
            go.await();
            synchronized (lengths)
            {
                lengths.add(e.length);
            }
            seen.incrementAndGet();
        };
        final int[] max = new int[ListenerType.values().length];
        Arrays.fill(max, 65_535);
        final IngressRing ring = new IngressRing(4096, 512, max, gate);
        try
        {
            final byte[] big = new byte[60_000];
            final long fit = IngressRing.LARGE_INPUT_BUDGET_BYTES / big.length;
            int published = 0;
            for (int i = 0; i < fit + 10; i++)
            {
                if (ring.publish(ListenerType.SYSLOG_UDP, LOCALHOST, 514, 0, big, 0, big.length, null))
                {
                    published++;
                }
            }
            // The stage holds the first input (it is waiting in the gate), the rest wait in the ring.
            assertEquals(fit, published);
            assertEquals(10, ring.dropped(ListenerType.SYSLOG_UDP));
            assertTrue(ring.largeInputBytes() <= IngressRing.LARGE_INPUT_BUDGET_BYTES);
            // Small inputs do not use the budget: accepted while it is spent.
            assertTrue(ring.publish(ListenerType.SYSLOG_UDP, LOCALHOST, 514, 0, new byte[300], 0, 300, null));
            assertTrue(ring.publish(ListenerType.NETFLOW_UDP, LOCALHOST, 2055, 0, new byte[1400], 0, 1400, null));
            go.countDown();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.get() < published + 2 && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
            assertEquals(published + 2, seen.get());
            assertEquals(0, ring.largeInputBytes());
            assertTrue(ring.publish(ListenerType.SYSLOG_UDP, LOCALHOST, 514, 0, big, 0, big.length, null));
        }
        finally
        {
            go.countDown();
            ring.drainAndStop(5_000);
        }
        synchronized (lengths)
        {
            assertFalse(lengths.isEmpty());
            assertEquals(60_000, lengths.get(0));
        }
    }

    @Test
    void shouldRunStagesInOrderOnOneThreadAndKeepGoingWhenOneThrows() throws Exception
    {
        final List<String> calls = new ArrayList<>();
        final CountDownLatch done = new CountDownLatch(3);
        final EventHandler<IngressEvent> first = (e, seq, end) ->
        {
            calls.add("first:" + e.length + ":" + Thread.currentThread().getName());
            if (e.length == 2)
            {
                throw new IllegalStateException("stage failure");
            }
        };
        final EventHandler<IngressEvent> second = (e, seq, end) ->
        {
            calls.add("second:" + e.length + ":" + Thread.currentThread().getName());
            done.countDown();
        };
        final int[] max = new int[ListenerType.values().length];
        Arrays.fill(max, 65_535);
        final IngressRing ring = new IngressRing(64, 512, max, first, second);
        try
        {
            for (int n = 1; n <= 3; n++)
            {
                assertTrue(ring.publish(ListenerType.SYSLOG_UDP, LOCALHOST, 514, 0, new byte[n], 0, n, null));
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        finally
        {
            ring.drainAndStop(5_000);
        }
        assertEquals(List.of("first:1:noc-raven-stage", "second:1:noc-raven-stage", "first:2:noc-raven-stage",
            "second:2:noc-raven-stage", "first:3:noc-raven-stage", "second:3:noc-raven-stage"), calls);
    }
}
