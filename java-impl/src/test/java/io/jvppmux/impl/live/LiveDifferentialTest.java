package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.HasRetval;
import io.jvppmux.api.Message;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppApiException;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.ethernet_types.MacAddress;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGet;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.Differences;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * mock-vpp against a real VPP, both fresh: the same scenario (every request mock-vpp answers by itself, with
 * valid and invalid arguments) runs on each, and what each step ends in (reply type and retval, detail types
 * and counts, the fields that do not depend on the machine) and the interface events must be the same, except
 * where {@link Differences#DELIBERATE} says why not.
 */
@Timeout(120)
class LiveDifferentialTest {
    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("diff");
    private static final long ALL = 0xffffffffL;
    private static final long NONE = 99_999;

    /** One request of the scenario and how its outcome is described. */
    record Step(String name, Function<ApiChannel, String> run) {
    }

    private static List<Step> scenario() {
        List<Step> s = new ArrayList<>();
        s.add(new Step("control_ping", ch -> call(ch, new ControlPing())));
        s.add(new Step("show_version", ch -> call(ch, new ShowVersion())));
        s.add(new Step("cli_inband show version", ch -> cliText(ch, "show version")));
        s.add(new Step("cli_inband unknown", ch -> cliText(ch, "frobnicate now")));
        s.add(new Step("cli_inband empty", ch -> cliText(ch, "")));
        s.add(new Step("want_interface_events disable unregistered", ch -> call(ch, want(0))));
        s.add(new Step("want_interface_events enable", ch -> call(ch, want(1))));
        s.add(new Step("want_interface_events enable again", ch -> call(ch, want(1))));
        s.add(new Step("sw_interface_dump all", ch -> names(ch, new SwInterfaceDump().swIfIndex(ALL))));
        s.add(new Step("sw_interface_tx_placement_get all, no tx queues",
                ch -> stream(ch, new SwInterfaceTxPlacementGet().swIfIndex(ALL))));
        s.add(new Step("sw_interface_tx_placement_get unknown index",
                ch -> stream(ch, new SwInterfaceTxPlacementGet().swIfIndex(NONE))));
        s.add(new Step("ipfix_all_exporter_get", ch -> stream(ch, new IpfixAllExporterGet())));
        s.add(new Step("ipfix_all_exporter_get past the end", ch -> stream(ch, new IpfixAllExporterGet().cursor(5))));
        s.add(new Step("create_loopback", ch -> call(ch, new CreateLoopback())));
        s.add(new Step("create_loopback with a mac", ch -> call(ch, new CreateLoopback()
                .macAddress(new MacAddress(new byte[] {2, 0, 0, 0, 0, 7})))));
        s.add(new Step("sw_interface_dump after", ch -> names(ch, new SwInterfaceDump().swIfIndex(ALL))));
        s.add(new Step("sw_interface_dump one", ch -> names(ch, new SwInterfaceDump().swIfIndex(2))));
        s.add(new Step("sw_interface_dump unknown", ch -> names(ch, new SwInterfaceDump().swIfIndex(NONE))));
        s.add(new Step("sw_interface_dump name filter", ch -> names(ch, new SwInterfaceDump().swIfIndex(ALL)
                .nameFilterValid(true).nameFilter("loop1"))));
        s.add(new Step("sw_interface_set_flags up", ch -> call(ch, new SwInterfaceSetFlags().swIfIndex(1).flagsValue(1))));
        s.add(new Step("sw_interface_set_flags up again", ch -> call(ch, new SwInterfaceSetFlags().swIfIndex(1).flagsValue(1))));
        s.add(new Step("sw_interface_set_flags unknown", ch -> call(ch, new SwInterfaceSetFlags().swIfIndex(NONE).flagsValue(1))));
        s.add(new Step("sw_interface_set_flags down", ch -> call(ch, new SwInterfaceSetFlags().swIfIndex(1).flagsValue(0))));
        s.addAll(RouteSteps.scenario());
        s.addAll(AclSteps.scenario());
        s.add(new Step("delete_loopback", ch -> call(ch, new DeleteLoopback().swIfIndex(2))));
        s.add(new Step("delete_loopback again", ch -> call(ch, new DeleteLoopback().swIfIndex(2))));
        s.add(new Step("delete_loopback local0", ch -> call(ch, new DeleteLoopback().swIfIndex(0))));
        s.add(new Step("delete_loopback unknown", ch -> call(ch, new DeleteLoopback().swIfIndex(NONE))));
        s.add(new Step("want_interface_events disable", ch -> call(ch, want(0))));
        return s;
    }

    @Test
    void mockVppAnswersTheScenarioAsTheRealVpp() throws Exception {
        Map<String, String> real;
        try (JvppMux mux = LiveTransports.connect(TransportKind.SOCKET, MuxConfig.defaults(), VPP.ensureRunning())) {
            real = play(mux);
        }
        real.forEach((step, outcome) -> System.out.println("DIFFERENTIAL " + step + " -> " + outcome));
        Map<String, String> mock;
        try (MockVpp vpp = MockVpp.start(); JvppMux mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport())) {
            mock = play(mux);
        }
        List<String> differences = new ArrayList<>();
        real.forEach((step, outcome) -> {
            if (!outcome.equals(mock.get(step)) && !Differences.DELIBERATE.containsKey(step)) {
                differences.add(step + ":\n    VPP:  " + outcome + "\n    mock: " + mock.get(step));
            }
        });
        assertThat(differences).as("mock-vpp differs from VPP %s", real.get("show_version")).isEmpty();
        assertThat(real.keySet()).containsExactlyElementsOf(mock.keySet());
    }

    /** Runs the scenario; step name -> outcome, then "events" -> the interface events in order. */
    private static Map<String, String> play(JvppMux mux) throws InterruptedException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ApiChannel ch = mux.newApiChannel();
             Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 100)) {
            for (Step step : scenario()) {
                out.put(step.name(), step.run().apply(ch));
            }
            out.put("events", drain(events));
        }
        return out;
    }

    /** The events in order, once none came for 500 ms (VPP sends some from a process node, after the reply). */
    private static String drain(Subscription<SwInterfaceEvent> events) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        SwInterfaceEvent e;
        while (System.nanoTime() < deadline && (e = events.poll(Duration.ofMillis(500))) != null) {
            seen.add(e.swIfIndex() + (e.deleted() ? " deleted" : " flags " + e.flagsValue()));
        }
        return seen.toString();
    }

    private static WantInterfaceEvents want(int enable) {
        return new WantInterfaceEvents().enableDisable(enable).pid(ProcessHandle.current().pid());
    }

    static <R extends Message> String call(ApiChannel ch, io.jvppmux.api.Request<R> request) {
        try {
            R reply = ch.call(request);
            return reply.messageName() + " retval " + ((HasRetval) reply).retval() + fields(reply);
        } catch (VppApiException e) {
            return e.messageName() + " retval " + e.retval() + fields(e.reply());
        }
    }

    /** The fields of a reply that do not depend on the machine or the VPP's version. */
    private static String fields(Message reply) {
        if (reply instanceof io.jvppmux.binapi.interfaces.CreateLoopbackReply r) {
            return " sw_if_index " + r.swIfIndex();
        }
        return "";
    }

    private static String cliText(ApiChannel ch, String cmd) {
        try {
            return "cli_inband_reply retval 0 " + ch.call(new CliInband().cmd(cmd)).reply().trim();
        } catch (VppApiException e) {
            return e.messageName() + " retval " + e.retval() + " " + e.reply(CliInbandReply.class).reply().trim();
        }
    }

    private static String names(ApiChannel ch, SwInterfaceDump dump) {
        List<String> names = new ArrayList<>();
        for (SwInterfaceDetails d : ch.dump(dump)) {
            names.add(d.swIfIndex() + ":" + d.interfaceName() + ":" + d.interfaceDevType() + ":flags " + d.flagsValue());
        }
        return "sw_interface_details x" + names.size() + " " + names;
    }

    private static <R extends HasRetval, D extends Message> String stream(ApiChannel ch,
            io.jvppmux.api.StreamRequest<R, D> request) {
        try {
            List<D> details = ch.stream(request);
            return details.size() + " details, then retval 0";
        } catch (VppApiException e) {
            return "retval " + e.retval() + " in " + e.messageName();
        } catch (VppException e) {
            return e.getClass().getSimpleName();
        }
    }
}
