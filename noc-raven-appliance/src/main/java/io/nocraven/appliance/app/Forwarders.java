package io.nocraven.appliance.app;

import io.nocraven.appliance.config.ApplianceConfig;
import io.nocraven.appliance.config.ForwarderConfig;
import io.nocraven.appliance.sink.Forwarder;
import io.nocraven.appliance.sink.JsonlArchiveForwarder;
import io.nocraven.appliance.sink.KafkaForwarder;
import io.nocraven.appliance.sink.SyslogRelayForwarder;
import io.nocraven.appliance.sink.UdpRelayForwarder;
import java.util.ArrayList;
import java.util.List;

/** Creates the enabled forwarders from the configuration. */
final class Forwarders
{
    private Forwarders()
    {
    }

    static List<Forwarder> create(final ApplianceConfig config)
    {
        final ForwarderConfig f = config.forwarders();
        final List<Forwarder> out = new ArrayList<>();
        if (f.archive().enabled())
        {
            out.add(new JsonlArchiveForwarder(f.archive()));
        }
        if (f.kafka().enabled())
        {
            out.add(new KafkaForwarder(f.kafka(), f.initialBackoffMs(), f.maxBackoffMs()));
        }
        if (f.udpRelay().enabled())
        {
            out.add(new UdpRelayForwarder(f.udpRelay(), f.initialBackoffMs(), f.maxBackoffMs()));
        }
        if (f.syslogRelay().enabled())
        {
            out.add(new SyslogRelayForwarder(f.syslogRelay(), f.initialBackoffMs(), f.maxBackoffMs()));
        }
        return out;
    }
}
