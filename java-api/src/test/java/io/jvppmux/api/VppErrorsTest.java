package io.jvppmux.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VppErrorsTest {
    @Test
    void tableHoldsAllOfVpp2606() {
        assertThat(VppErrors.table().size()).as("entries of VPP 26.06 errors.json").isEqualTo(135);
        assertThat(VppErrors.lookup(-165).name()).isEqualTo("EAGAIN");
        assertThat(VppErrors.lookup(-165).message()).isEqualTo("Retry stream call with cursor");
        assertThat(VppErrors.lookup(-2).name()).isEqualTo("INVALID_SW_IF_INDEX");
    }

    @Test
    void unknownRetvalStillNamesItself() {
        assertThat(VppErrors.lookup(-9999).name()).isEqualTo("UNKNOWN");
        assertThat(VppErrors.lookup(-9999).message()).contains("-9999");
    }

    @Test
    void apiExceptionCarriesRetvalNameAndText() {
        VppApiException e = new VppApiException("sw_interface_set_flags_reply", -2);
        assertThat(e.retval()).isEqualTo(-2);
        assertThat(e.errorName()).isEqualTo("INVALID_SW_IF_INDEX");
        assertThat(e.errorMessage()).isEqualTo("Invalid sw_if_index");
        assertThat(e).hasMessageContaining("sw_interface_set_flags_reply").hasMessageContaining("-2");
    }

    @Test
    void configRejectsBadValuesNamingKeyAndValue() {
        assertThatThrownBy(() -> MuxConfig.builder().replyTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reply-timeout").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> MuxConfig.builder().ringSize(1000))
                .hasMessageContaining("ring-size").hasMessageContaining("1000");
        assertThatThrownBy(() -> MuxConfig.builder().clientName(""))
                .hasMessageContaining("client-name");
        assertThat(MuxConfig.defaults().replyTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void headerLayoutsMatchProtocol() {
        assertThat(HeaderLayout.REQUEST.size()).isEqualTo(10);
        assertThat(HeaderLayout.REQUEST.contextOffset()).isEqualTo(6);
        assertThat(HeaderLayout.REPLY.contextOffset()).isEqualTo(2);
        assertThat(HeaderLayout.EVENT.hasContext()).isFalse();
        assertThat(HeaderLayout.NONE.size()).isEqualTo(2);
    }
}
