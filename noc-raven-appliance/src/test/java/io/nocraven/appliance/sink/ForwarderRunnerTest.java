package io.nocraven.appliance.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.JournalEntryDescriptor;
import io.nocraven.appliance.pipeline.JournalStage;
import io.nocraven.codec.CodecOptions;
import io.nocraven.core.record.RecordContext;
import io.nocraven.core.record.RecordKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At-least-once driving of a forwarder from a cursor: commit failures rewind and retry; acks follow commits. */
class ForwarderRunnerTest
{
    @Test
    void shouldRetryAfterAFailedCommitAndAckOnlyDeliveredEntries() throws Exception
    {
        final ListSource source = new ListSource();
        for (int i = 0; i < 10; i++)
        {
            source.add("<13>msg " + i);
        }
        final FlakyForwarder f = new FlakyForwarder(2);
        final ForwarderRunner runner = new ForwarderRunner(f, List.of(source), CodecOptions.defaults(), 5, 20);
        runner.start();
        for (int i = 0; i < 400 && source.acked < 9; i++)
        {
            Thread.sleep(10);
        }
        runner.close();
        assertEquals(9, source.acked);
        assertEquals(3, f.commits.size(), "two failed commits, then one that succeeds");
        // Each attempt saw the whole batch again from the last acknowledgement.
        for (final List<String> attempt : f.commits)
        {
            assertEquals(10, attempt.size());
            assertEquals("<13>msg 0", attempt.get(0));
            assertEquals("<13>msg 9", attempt.get(9));
        }
        assertTrue(f.records >= 30, "records were decoded for every attempt");
        assertEquals(0, runner.lag());
    }

    @Test
    void shouldPauseAndReplay() throws Exception
    {
        final ListSource source = new ListSource();
        source.add("<13>a");
        final FlakyForwarder f = new FlakyForwarder(0);
        final ForwarderRunner runner = new ForwarderRunner(f, List.of(source), CodecOptions.defaults(), 5, 20);
        runner.pause();
        runner.start();
        Thread.sleep(100);
        assertEquals(0, f.commits.size());
        runner.resume();
        for (int i = 0; i < 200 && source.acked < 0; i++)
        {
            Thread.sleep(10);
        }
        assertEquals(0, source.acked);
        runner.replayFrom(0);
        for (int i = 0; i < 200 && f.commits.size() < 2; i++)
        {
            Thread.sleep(10);
        }
        runner.close();
        assertEquals(List.of(List.of("<13>a"), List.of("<13>a")), f.commits);
    }

    @Test
    void shouldSurviveAForwarderThatThrowsAndRedeliverTheBatch() throws Exception
    {
        final ListSource source = new ListSource();
        for (int i = 0; i < 5; i++)
        {
            source.add("<13>msg " + i);
        }
        final FlakyForwarder f = new FlakyForwarder(0)
        {
            private int throwsLeft = 2;

            @Override
            public void onRaw(final ListenerType stream, final RecordContext context, final byte[] buf,
                final int offset, final int length)
            {
                if (throwsLeft > 0 && new String(buf, offset, length, StandardCharsets.UTF_8).equals("<13>msg 3"))
                {
                    throwsLeft--;
                    throw new IllegalStateException("sink bug");
                }
                super.onRaw(stream, context, buf, offset, length);
            }
        };
        final ForwarderRunner runner = new ForwarderRunner(f, List.of(source), CodecOptions.defaults(), 5, 20);
        runner.start();
        for (int i = 0; i < 400 && source.acked < 4; i++)
        {
            Thread.sleep(10);
        }
        runner.close();
        assertEquals(4, source.acked, "the thread survived and delivered everything");
        assertEquals(2, runner.faults());
        assertEquals("java.lang.IllegalStateException: sink bug", runner.lastFault());
        final List<String> last = f.commits.get(f.commits.size() - 1);
        assertTrue(last.containsAll(List.of("<13>msg 0", "<13>msg 1", "<13>msg 2", "<13>msg 3", "<13>msg 4")),
            last.toString());
    }

    /** Entries in memory with a cursor; stands in for a buffer stream in this unit test. */
    static final class ListSource implements EntrySource
    {
        final List<byte[]> entries = Collections.synchronizedList(new ArrayList<>());
        volatile long acked = -1;
        long next;

        void add(final String text)
        {
            final byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            final byte[] e = new byte[JournalEntryDescriptor.HEADER_LENGTH + payload.length];
            JournalEntryDescriptor.writeHeader(e, 0, ListenerType.SYSLOG_UDP,
                new RecordContext().set(new byte[] {127, 0, 0, 1}, 0, 4, 999, "syslog-udp", 1_000_000L));
            System.arraycopy(payload, 0, e, JournalEntryDescriptor.HEADER_LENGTH, payload.length);
            entries.add(e);
        }

        @Override
        public String stream()
        {
            return "syslog-udp";
        }

        @Override
        public int poll(final EntryHandler handler, final int limit)
        {
            int n = 0;
            while (n < limit && next < entries.size())
            {
                final byte[] e = entries.get((int)next);
                handler.onEntry(next, 1, JournalStage.TYPE_INPUT, e, 0, e.length);
                next++;
                n++;
            }
            return n;
        }

        @Override
        public int prime(final EntryHandler handler)
        {
            return 0;
        }

        @Override
        public void ack()
        {
            acked = next - 1;
        }

        @Override
        public void rewind()
        {
            next = acked + 1;
        }

        @Override
        public void replayFrom(final long timestampMs)
        {
            next = 0;
            acked = -1;
        }

        @Override
        public void skipToEnd()
        {
            next = entries.size();
            acked = next - 1;
        }

        @Override
        public long lag()
        {
            return entries.size() - 1 - acked;
        }

        @Override
        public void close()
        {
        }
    }

    /** Records what each commit covered; fails the first {@code failures} commits. */
    static class FlakyForwarder implements Forwarder
    {
        final List<List<String>> commits = Collections.synchronizedList(new ArrayList<>());
        private final List<String> pending = new ArrayList<>();
        private int failures;
        private int records;

        FlakyForwarder(final int failures)
        {
            this.failures = failures;
        }

        @Override
        public String name()
        {
            return "flaky";
        }

        @Override
        public boolean accepts(final ListenerType stream)
        {
            return true;
        }

        @Override
        public void onRaw(final ListenerType stream, final RecordContext context, final byte[] buf, final int offset,
            final int length)
        {
            assertEquals("127.0.0.1:999", context.exporterText());
            pending.add(new String(buf, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onRecord(final ListenerType stream, final RecordKind kind, final RecordContext context,
            final CharSequence json)
        {
            records++;
        }

        @Override
        public void onBatchEnd()
        {
        }

        @Override
        public boolean commit()
        {
            commits.add(new ArrayList<>(pending));
            pending.clear();
            return failures-- <= 0;
        }

        @Override
        public ForwarderStatus status()
        {
            return new ForwarderStatus("flaky", "running", true, 0, 0, 0, 0, "");
        }

        @Override
        public void close()
        {
        }
    }
}
