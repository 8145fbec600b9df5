package io.jvppmux.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.Message;
import io.jvppmux.binapi.dhcp.WantDhcp6ReplyEvents;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.ip_neighbor.WantIpNeighborEventsV2;
import io.jvppmux.binapi.ping.WantPingFinishedEvents;
import io.jvppmux.binapi.vpe.ShowVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which want_* requests are remembered for re-registration, and when they are forgotten. */
@Timeout(10)
class EventRegistrationsTest {
    private final EventRegistrations registrations = new EventRegistrations();

    private void acceptedByVpp(Message request) {
        EventRegistrations.Candidate c = registrations.onSend(request);
        assertThat(c).as(request + " is a registration").isNotNull();
        c.confirm();
    }

    @Test
    void anEnableIsRememberedOnlyOnceVppAcceptedIt() {
        EventRegistrations.Candidate c = registrations.onSend(new WantInterfaceEvents().enableDisable(1).pid(7));
        assertThat(registrations.size()).as("sent, not yet accepted").isZero();
        c.confirm();
        assertThat(registrations.requests()).singleElement().isEqualTo(new WantInterfaceEvents().enableDisable(1).pid(7));
    }

    @Test
    void theSameRegistrationTwiceIsRememberedOnce() {
        acceptedByVpp(new WantInterfaceEvents().enableDisable(1).pid(7));
        acceptedByVpp(new WantInterfaceEvents().enableDisable(1).pid(7));
        assertThat(registrations.size()).isEqualTo(1);
    }

    @Test
    void aDisableForgetsTheRegistrationAsSoonAsItIsSent() {
        acceptedByVpp(new WantInterfaceEvents().enableDisable(1).pid(7));
        assertThat(registrations.onSend(new WantInterfaceEvents().enableDisable(0).pid(7))).isNull();
        assertThat(registrations.size()).isZero();
    }

    @Test
    void registrationsThatDifferInAnotherFieldAreKeptApart() {
        acceptedByVpp(new WantIpNeighborEventsV2().enable(true).pid(7).swIfIndex(1));
        acceptedByVpp(new WantIpNeighborEventsV2().enable(true).pid(7).swIfIndex(2));
        registrations.onSend(new WantIpNeighborEventsV2().enable(false).pid(7).swIfIndex(1));
        assertThat(registrations.requests()).singleElement()
                .isEqualTo(new WantIpNeighborEventsV2().enable(true).pid(7).swIfIndex(2));
    }

    @Test
    void enableFieldsOfEveryTypeAreRecognised() {
        acceptedByVpp(new WantDhcp6ReplyEvents().enableDisable(1).pid(7));
        assertThat(registrations.onSend(new WantDhcp6ReplyEvents().enableDisable(0).pid(7))).isNull();
        assertThat(registrations.size()).isZero();
    }

    @Test
    void requestsThatAreNotToggledRegistrationsAreIgnored() {
        assertThat(registrations.onSend(new ShowVersion())).isNull();
        assertThat(registrations.onSend(new WantPingFinishedEvents().repeat(3))).as("no enable field").isNull();
    }

    @Test
    void theRequestsToSendAgainAreFreshCopies() {
        WantInterfaceEvents sent = new WantInterfaceEvents().enableDisable(1).pid(7);
        acceptedByVpp(sent);
        sent.pid(8);
        assertThat(registrations.requests()).singleElement().isEqualTo(new WantInterfaceEvents().enableDisable(1).pid(7))
                .isNotSameAs(sent);
    }
}
