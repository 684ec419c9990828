package io.nocraven.codec.sflow;

/**
 * The standard (enterprise 0) sFlow v5 counter record formats this decoder names: generic interface (1, RFC 2233
 * ifTable/ifXTable), Ethernet (2, RFC 2358 dot3Stats), Token Ring (3, RFC 1748 dot5Stats), 100BaseVG (4, RFC 2020
 * dot12), VLAN (5) and processor (1001). Other formats are skipped by length and counted.
 */
final class CounterLayouts
{
    static final CounterLayout GENERIC_INTERFACE = new CounterLayout("genericInterface", 1,
        "ifIndex", 4, "ifType", 4, "ifSpeed", 8, "ifDirection", 4, "ifStatus", CounterLayout.STATUS,
        "ifInOctets", 8, "ifInUcastPkts", 4, "ifInMulticastPkts", 4, "ifInBroadcastPkts", 4, "ifInDiscards", 4,
        "ifInErrors", 4, "ifInUnknownProtos", 4, "ifOutOctets", 8, "ifOutUcastPkts", 4, "ifOutMulticastPkts", 4,
        "ifOutBroadcastPkts", 4, "ifOutDiscards", 4, "ifOutErrors", 4, "ifPromiscuousMode", 4);

    static final CounterLayout ETHERNET = new CounterLayout("ethernet", 2,
        "dot3StatsAlignmentErrors", 4, "dot3StatsFCSErrors", 4, "dot3StatsSingleCollisionFrames", 4,
        "dot3StatsMultipleCollisionFrames", 4, "dot3StatsSQETestErrors", 4, "dot3StatsDeferredTransmissions", 4,
        "dot3StatsLateCollisions", 4, "dot3StatsExcessiveCollisions", 4, "dot3StatsInternalMacTransmitErrors", 4,
        "dot3StatsCarrierSenseErrors", 4, "dot3StatsFrameTooLongs", 4, "dot3StatsInternalMacReceiveErrors", 4,
        "dot3StatsSymbolErrors", 4);

    static final CounterLayout TOKEN_RING = new CounterLayout("tokenRing", 3,
        "dot5StatsLineErrors", 4, "dot5StatsBurstErrors", 4, "dot5StatsACErrors", 4, "dot5StatsAbortTransErrors", 4,
        "dot5StatsInternalErrors", 4, "dot5StatsLostFrameErrors", 4, "dot5StatsReceiveCongestions", 4,
        "dot5StatsFrameCopiedErrors", 4, "dot5StatsTokenErrors", 4, "dot5StatsSoftErrors", 4,
        "dot5StatsHardErrors", 4, "dot5StatsSignalLoss", 4, "dot5StatsTransmitBeacons", 4,
        "dot5StatsRecoverys", 4, "dot5StatsLobeWires", 4, "dot5StatsRemoves", 4, "dot5StatsSingles", 4,
        "dot5StatsFreqErrors", 4);

    static final CounterLayout VG100 = new CounterLayout("vg100", 4,
        "dot12InHighPriorityFrames", 4, "dot12InHighPriorityOctets", 8, "dot12InNormPriorityFrames", 4,
        "dot12InNormPriorityOctets", 8, "dot12InIPMErrors", 4, "dot12InOversizeFrameErrors", 4,
        "dot12InDataErrors", 4, "dot12InNullAddressedFrames", 4, "dot12OutHighPriorityFrames", 4,
        "dot12OutHighPriorityOctets", 8, "dot12TransitionIntoTrainings", 4, "dot12HCInHighPriorityOctets", 8,
        "dot12HCInNormPriorityOctets", 8, "dot12HCOutHighPriorityOctets", 8);

    static final CounterLayout VLAN = new CounterLayout("vlan", 5,
        "vlanId", 4, "octets", 8, "ucastPkts", 4, "multicastPkts", 4, "broadcastPkts", 4, "discards", 4);

    static final CounterLayout PROCESSOR = new CounterLayout("processor", 1001,
        "cpu5s", 4, "cpu1m", 4, "cpu5m", 4, "totalMemory", 8, "freeMemory", 8);

    private CounterLayouts()
    {
    }

    /**
     * @param format a counter record's data_format word (enterprise in the top 20 bits).
     * @return its layout, or null when unknown.
     */
    static CounterLayout forFormat(final int format)
    {
        switch (format)
        {
            case 1:
                return GENERIC_INTERFACE;
            case 2:
                return ETHERNET;
            case 3:
                return TOKEN_RING;
            case 4:
                return VG100;
            case 5:
                return VLAN;
            case 1001:
                return PROCESSOR;
            default:
                return null;
        }
    }
}
