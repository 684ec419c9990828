package io.nocraven.appliance.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nocraven.appliance.sink.ForwarderRunner;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.ConsumerLag;
import io.nocraven.buffer.metrics.StreamStats;
import io.nocraven.buffer.recovery.RecoveryReport;
import java.util.List;
import java.util.Map;

/** Builds {@code GET /api/v1/buffer}: the buffer's streams and the forwarders reading them. */
final class BufferView
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private BufferView()
    {
    }

    static ObjectNode render(final DurableBuffer buffer, final Map<String, ForwarderRunner> runners)
    {
        final ObjectNode root = JSON.objectNode();
        root.put("directory", buffer.config().directory().toString());
        final List<StreamStats> stats = buffer.stats();
        // How long the whole buffer lasts: the space left before the free-disk headroom (or total cap) at the
        // current ingest rate of all streams together. Per-stream quotas are in each stream's quotaSecondsLeft.
        final long headroom = buffer.budget().headroomBytes();
        double rate = 0;
        for (final StreamStats s : stats)
        {
            rate += s.ingestBytesPerSec();
        }
        root.put("headroomBytes", headroom);
        root.put("ingestBytesPerSecond", rate);
        root.put("secondsLeft", headroom >= 0 && rate > 0 ? headroom / rate : -1);
        final ArrayNode streams = root.putArray("streams");
        for (final StreamStats s : stats)
        {
            final ObjectNode n = streams.addObject();
            n.put("name", s.stream()).put("recordsIn", s.recordsIn()).put("bytesIn", s.bytesIn())
                .put("recordsOnDisk", s.recordsOnDisk()).put("bytesOnDisk", s.bytesOnDisk())
                .put("segments", s.segments()).put("oldestTimestamp", s.oldestTimestamp())
                .put("newestTimestamp", s.newestTimestamp()).put("compressionRatio", s.compressionRatio())
                .put("ingestBytesPerSecond", s.ingestBytesPerSec()).put("quotaSecondsLeft", s.quotaSecondsLeft())
                .put("writtenSequence", s.writtenSequence()).put("durableSequence", s.durableSequence());
            final StreamJournal journal = buffer.stream(s.stream());
            if (journal != null)
            {
                final RecoveryReport r = journal.recoveryReport();
                final ObjectNode rec = n.putObject("recovery");
                rec.put("clean", r.isClean()).put("segmentsTrusted", r.segmentsTrusted())
                    .put("segmentsVerified", r.segmentsVerified()).put("recordsVerified", r.recordsVerified())
                    .put("truncatedBytes", r.truncatedBytes()).put("segmentsQuarantined", r.segmentsQuarantined())
                    .put("recordsLost", r.recordsLost()).put("tempFilesRemoved", r.tempFilesRemoved());
                final ArrayNode actions = rec.putArray("actions");
                r.actions().forEach(actions::add);
            }
            final ObjectNode drops = n.putObject("drops");
            s.drops().forEach(drops::put);
            final ArrayNode consumers = n.putArray("consumers");
            for (final ConsumerLag c : s.consumers())
            {
                consumers.addObject().put("name", c.consumer()).put("ackedSequence", c.ackedSequence())
                    .put("lagRecords", c.lagRecords()).put("lagBytes", c.lagBytes()).put("lagSeconds", c.lagSeconds())
                    .put("missedRecords", c.missedRecords());
            }
        }
        final ArrayNode fs = root.putArray("forwarders");
        runners.forEach((name, r) -> fs.addObject().put("name", name).put("paused", r.paused())
            .put("lagRecords", r.lag()).put("faults", r.faults()).put("lastFault", r.lastFault())
            .put("unreadableEntries", r.unreadableEntries()));
        return root;
    }
}
