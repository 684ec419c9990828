package io.nocraven.codec.sflow;

import io.nocraven.core.record.RecordWriter;

/**
 * The current sFlow datagram's header, read once per datagram and written as the {@code header} object of every
 * record that comes out of it: {@code version}, {@code agentAddress}, {@code subAgentId}, {@code sequenceNumber},
 * {@code sysUpTime} (ms), {@code sampleCount}.
 */
final class DatagramHeader
{
    final byte[] agentAddress = new byte[16];
    int agentAddressLength;
    long subAgentId;
    long sequenceNumber;
    long sysUpTime;
    long sampleCount;

    void set(final byte[] buf, final int addressAt, final int addressLength, final long subAgentId,
        final long sequenceNumber, final long sysUpTime, final long sampleCount)
    {
        System.arraycopy(buf, addressAt, agentAddress, 0, addressLength);
        this.agentAddressLength = addressLength;
        this.subAgentId = subAgentId;
        this.sequenceNumber = sequenceNumber;
        this.sysUpTime = sysUpTime;
        this.sampleCount = sampleCount;
    }

    void write(final RecordWriter out)
    {
        out.name("header");
        out.startObject();
        out.field("version", SFlowDescriptor.VERSION);
        out.name("agentAddress");
        if (agentAddressLength == 4)
        {
            out.ipv4Value(io.nocraven.codec.packet.WireBytes.i32(agentAddress, 0));
        }
        else
        {
            out.ipv6Value(agentAddress, 0);
        }
        out.field("subAgentId", subAgentId);
        out.field("sequenceNumber", sequenceNumber);
        out.field("sysUpTime", sysUpTime);
        out.field("sampleCount", sampleCount);
        out.endObject();
    }
}
