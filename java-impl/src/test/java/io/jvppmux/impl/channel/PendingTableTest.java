package io.jvppmux.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.core.MuxExecutors;
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.testing.ScriptedTransport;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PendingTableTest {
    private static final MuxExecutors EXECUTORS = new MuxExecutors(1);
    private static final ChannelImpl CHANNEL = new ChannelRegistry(
            new MuxCore(MuxConfig.defaults(), new ScriptedTransport(), List.of(), EXECUTORS),
            new Subscribers(new Counters()), new EventRegistrations()).open(4, 4);

    @AfterAll
    static void stopTheTimer() throws InterruptedException {
        EXECUTORS.shutdown(java.time.Duration.ofSeconds(5));       // the registry's sweeper runs on it
    }

    private static Pending pending() {
        return new Pending(CHANNEL, MessageTable.EMPTY, "test_request") {
            @Override
            boolean isLast(int msgId, ByteBuffer msg, int length) {
                return true;
            }
        };
    }

    @Test
    void cyclesOverTheWholeSequenceSpaceWithoutEverSharingALiveSlot() {
        PendingTable table = new PendingTable(4);
        Pending longDump = pending();
        table.register(longDump, 3, true);
        assertThat(longDump.seq()).isEqualTo(1);
        assertThat(longDump.context()).isEqualTo(Contexts.context(3, true, 1));
        int wraps = 0;
        int previous = longDump.seq();
        for (int i = 0; i < 70_000; i++) {
            Pending p = pending();
            table.register(p, 3, false);
            assertThat(p.seq() & 3).as("never the long dump's slot").isNotEqualTo(longDump.seq() & 3);
            assertThat(table.get(p.seq())).isSameAs(p);
            if (p.seq() < previous) {
                wraps++;
            }
            previous = p.seq();
            assertThat(table.remove(p)).isTrue();
            assertThat(table.remove(p)).as("removing twice").isFalse();
        }
        assertThat(wraps).as("the 16-bit sequence wrapped").isEqualTo(1);
        assertThat(table.get(longDump.seq())).isSameAs(longDump);
    }

    @Test
    void aReplyForAnotherSequenceInTheSameSlotIsNotMatched() {
        PendingTable table = new PendingTable(2);
        Pending p = pending();
        table.register(p, 1, false);
        assertThat(table.get(p.seq() + 2)).as("same slot, other sequence: stale").isNull();
        assertThat(table.get(p.seq())).isSameAs(p);
        assertThat(table.lastIssued()).isEqualTo(p.seq());
    }
}
