package io.nocraven.appliance.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiveBufferCheckTest
{
    private static final String KEY = "listeners.syslog-udp.receiveBufferBytes";

    @TempDir
    Path dir;

    @Test
    void shouldWarnWhenTheDoubledRawReportHidesACap()
    {
        // rmem_max = 3 MiB, request 4 MiB: Linux grants 3 MiB and a raw getsockopt reports 6 MiB.
        final long granted = ReceiveBufferCheck.granted(6L << 20, true);
        assertEquals(KEY + "=4194304 but the kernel granted 3145728 bytes (net.core.rmem_max=3145728); raise it: "
            + "sysctl -w net.core.rmem_max=4194304", ReceiveBufferCheck.warning(KEY, 4 << 20, granted, "3145728"));
    }

    @Test
    void shouldTakeTheJdkReportAsGranted()
    {
        assertEquals(212_992, ReceiveBufferCheck.granted(212_992, false));
        assertTrue(ReceiveBufferCheck.warning(KEY, 4 << 20, 212_992, "212992").contains("granted 212992 bytes"));
    }

    @Test
    void shouldNotWarnWhenGrantedInFullOrNothingRequested()
    {
        assertEquals("", ReceiveBufferCheck.warning(KEY, 4 << 20, ReceiveBufferCheck.granted(8L << 20, true), "4194304"));
        assertEquals("", ReceiveBufferCheck.warning(KEY, 0, 212_992, "212992"));
    }

    @Test
    void shouldReadTheWholeSysctlValue() throws Exception
    {
        final Path f = Files.writeString(dir.resolve("rmem_max"), "4194304\n");
        assertEquals("4194304", ReceiveBufferCheck.rmemMax(f));
        assertEquals("unreadable", ReceiveBufferCheck.rmemMax(dir.resolve("missing")));
        if (Files.isReadable(ReceiveBufferCheck.RMEM_MAX))
        {
            // Files.readString returns only the first byte of a /proc file; the value must be a whole number.
            assertTrue(Long.parseLong(ReceiveBufferCheck.rmemMax(ReceiveBufferCheck.RMEM_MAX)) >= 4096);
        }
    }

    @Test
    void shouldComputeGrantedAndWarnForARealSocketOfTheListenersTransport() throws Exception
    {
        assumeTrue(Files.isReadable(ReceiveBufferCheck.RMEM_MAX), "not Linux");
        final long rmemMax = Long.parseLong(ReceiveBufferCheck.rmemMax(ReceiveBufferCheck.RMEM_MAX));
        assumeTrue(rmemMax >= 65_536 && rmemMax <= Integer.MAX_VALUE / 4, "net.core.rmem_max out of range");
        assertEquals(65_536, grantedFor(65_536));
        final int above = (int)(rmemMax * 3 / 2);
        final long granted = grantedFor(above);
        assertEquals(rmemMax, granted);
        final String w = ReceiveBufferCheck.warning(KEY, above, granted, Long.toString(rmemMax));
        assertTrue(w.contains("granted " + rmemMax + " bytes"), w);
    }

    /** Binds a UDP channel of the appliance's transport (epoll when available) with the request; reads it back. */
    private static long grantedFor(final int requested) throws Exception
    {
        final EventLoopGroup group = NettyTransport.group(1, "rcvbuf-test");
        try
        {
            final Channel ch = new Bootstrap().group(group).channel(NettyTransport.datagramChannel())
                .handler(new ChannelInboundHandlerAdapter()).option(ChannelOption.SO_RCVBUF, requested)
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            try
            {
                return ReceiveBufferCheck.granted(ch.config().getOption(ChannelOption.SO_RCVBUF), NettyTransport.epoll());
            }
            finally
            {
                ch.close().sync();
            }
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
