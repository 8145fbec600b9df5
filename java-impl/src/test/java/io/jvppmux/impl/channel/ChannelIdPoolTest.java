package io.jvppmux.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.VppException;
import io.jvppmux.impl.core.Contexts;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ChannelIdPoolTest {
    @Test
    void aJustFreedIdIsReusedLast() {
        ChannelIdPool pool = new ChannelIdPool();
        int first = pool.allocate();
        pool.free(first);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < Contexts.MAX_CHANNEL_ID - 1; i++) {
            int id = pool.allocate();
            assertThat(id).isNotEqualTo(first).isBetween(1, Contexts.MAX_CHANNEL_ID);
            assertThat(seen.add(id)).as("id %d handed out twice", id).isTrue();
        }
        assertThat(pool.allocate()).isEqualTo(first);
    }

    @Test
    void exhaustionIsAClearError() {
        ChannelIdPool pool = new ChannelIdPool();
        for (int i = 0; i < Contexts.MAX_CHANNEL_ID; i++) {
            pool.allocate();
        }
        assertThat(pool.inUse()).isEqualTo(Contexts.MAX_CHANNEL_ID);
        assertThatThrownBy(pool::allocate).isInstanceOf(VppException.class).hasMessageContaining("32767");
    }

    @Test
    void freeingTwiceIsRefused() {
        ChannelIdPool pool = new ChannelIdPool();
        assertThatThrownBy(() -> pool.free(1)).isInstanceOf(IllegalStateException.class);
    }
}
