package io.nocraven.appliance;

import io.nocraven.appliance.config.ListenerType;
import java.nio.ByteBuffer;

/**
 * Builds NetFlow v9 (RFC 3954) and IPFIX (RFC 7011) export packets for tests: one template id (256) with one of
 * two layouts, and data records whose {@code octetDeltaCount} is a record id, so the archive shows which records
 * were decoded and with which layout (only layout {@link Layout#WIDE} has addresses).
 */
enum FlowPackets
{
    /** NetFlow v9 on the {@code netflow-udp} listener. */
    V9(ListenerType.NETFLOW_UDP, 9, 20, 0, "netflow-v9"),
    /** IPFIX on the {@code ipfix-udp} listener. */
    IPFIX(ListenerType.IPFIX_UDP, 10, 16, 2, "ipfix");

    /** Template id used throughout. */
    static final int TEMPLATE_ID = 256;

    /** Two layouts of template 256 (a redefinition switches between them). */
    enum Layout
    {
        /** bytes(4) packets(4) srcAddr(4) dstAddr(4) srcPort(2) dstPort(2) protocol(1): 21 bytes. */
        WIDE(new int[][] {{1, 4}, {2, 4}, {8, 4}, {12, 4}, {7, 2}, {11, 2}, {4, 1}}),
        /** protocol(1) srcPort(2) bytes(4): 7 bytes. */
        NARROW(new int[][] {{4, 1}, {7, 2}, {1, 4}});

        final int[][] fields;

        Layout(final int[][] fields)
        {
            this.fields = fields;
        }

        int recordLength()
        {
            int n = 0;
            for (final int[] f : fields)
            {
                n += f[1];
            }
            return n;
        }
    }

    final ListenerType listener;
    final String protocol;
    private final int version;
    private final int headerLength;
    private final int templateSetId;
    private int sequence;

    FlowPackets(final ListenerType listener, final int version, final int headerLength, final int templateSetId,
        final String protocol)
    {
        this.listener = listener;
        this.version = version;
        this.headerLength = headerLength;
        this.templateSetId = templateSetId;
        this.protocol = protocol;
    }

    /**
     * @param layout the layout of template 256.
     * @return a packet with only the template.
     */
    byte[] template(final Layout layout)
    {
        final int setLength = 4 + 4 + 4 * layout.fields.length;
        final ByteBuffer b = header(headerLength + setLength, 1);
        b.putShort((short)templateSetId).putShort((short)setLength);
        b.putShort((short)TEMPLATE_ID).putShort((short)layout.fields.length);
        for (final int[] f : layout.fields)
        {
            b.putShort((short)f[0]).putShort((short)f[1]);
        }
        return b.array();
    }

    /**
     * @param layout  the layout the records are written in.
     * @param firstId id of the first record ({@code octetDeltaCount}).
     * @param count   records.
     * @return a packet with one data set.
     */
    byte[] data(final Layout layout, final int firstId, final int count)
    {
        final int setLength = 4 + count * layout.recordLength();
        final ByteBuffer b = header(headerLength + setLength, count);
        b.putShort((short)TEMPLATE_ID).putShort((short)setLength);
        for (int i = 0; i < count; i++)
        {
            final int id = firstId + i;
            for (final int[] f : layout.fields)
            {
                switch (f[0])
                {
                    case 1 -> b.putInt(id);
                    case 2 -> b.putInt(1);
                    case 8 -> b.put(new byte[] {10, 0, 0, 1});
                    case 12 -> b.put(new byte[] {10, 0, 0, 2});
                    case 7 -> b.putShort((short)(id & 0xFFFF));
                    case 11 -> b.putShort((short)80);
                    case 4 -> b.put((byte)17);
                    default -> throw new IllegalStateException("field " + f[0]);
                }
            }
        }
        return b.array();
    }

    /**
     * @param length datagram length.
     * @return a packet holding one set of a reserved id (4) that decoders skip: journaled, no records.
     */
    byte[] filler(final int length)
    {
        final ByteBuffer b = header(length, 0);
        b.putShort((short)4).putShort((short)(length - headerLength));
        return b.array();
    }

    private ByteBuffer header(final int length, final int count)
    {
        final ByteBuffer b = ByteBuffer.allocate(length);
        b.putShort((short)version);
        if (version == 9)
        {
            b.putShort((short)count).putInt(1000).putInt(1_700_000_000).putInt(sequence++).putInt(7);
        }
        else
        {
            b.putShort((short)length).putInt(1_700_000_000).putInt(sequence).putInt(7);
            sequence += count;
        }
        return b;
    }
}
