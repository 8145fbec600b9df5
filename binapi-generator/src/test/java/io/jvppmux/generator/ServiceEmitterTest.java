package io.jvppmux.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import io.jvppmux.generator.model.ApiFile;
import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.ServiceDef;
import io.jvppmux.generator.model.StructDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The service client of small hand-made modules: one method per entry kind, and the names it refuses. */
class ServiceEmitterTest {
    private static final List<FieldDef> REQUEST = List.of(f("u16", "_vl_msg_id"), f("u32", "client_index"), f("u32", "context"));
    private static final List<FieldDef> REPLY = List.of(f("u16", "_vl_msg_id"), f("u32", "context"), f("i32", "retval"));
    private static final List<FieldDef> DETAILS = List.of(f("u16", "_vl_msg_id"), f("u32", "context"), f("u32", "index"));
    private static final List<FieldDef> EVENT = List.of(f("u16", "_vl_msg_id"), f("u32", "client_index"), f("u32", "index"));

    private static FieldDef f(String type, String name) {
        return new FieldDef(type, name, -1, null, Map.of());
    }

    private static List<FieldDef> plus(List<FieldDef> head, FieldDef... more) {
        List<FieldDef> l = new ArrayList<>(head);
        l.addAll(Arrays.asList(more));
        return l;
    }

    private static StructDef msg(String name, List<FieldDef> fields, String comment) {
        return new StructDef(name, fields, "00000000", Map.of(), comment);
    }

    private static ApiFile module(List<StructDef> messages, List<ServiceDef> services) {
        return new ApiFile(Path.of("demo.api.json"), "demo", "0x1", List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                messages, services);
    }

    private static ServiceDef call(String request, String reply) {
        return new ServiceDef(request, reply, false, null, List.of());
    }

    private static String source(ApiFile f) {
        Optional<JavaFile> file = ServiceEmitter.emit(f);
        assertThat(file).isPresent();
        return file.get().toString();
    }

    @Test
    void eachKindOfEntryGetsItsMethod() {
        ApiFile f = module(List.of(
                        msg("demo_set", plus(REQUEST, f("u32", "index")), "/** \\brief Sets a thing. @param index - which */"),
                        msg("demo_set_reply", REPLY, null),
                        msg("demo_dump", REQUEST, null), msg("demo_details", DETAILS, null),
                        msg("demo_get", plus(REQUEST, f("u32", "cursor")), null),
                        msg("demo_get_reply", plus(REPLY, f("u32", "cursor")), null),
                        msg("want_demo_events", plus(REQUEST, f("bool", "enable_disable"), f("u32", "pid")), null),
                        msg("want_demo_events_reply", REPLY, null), msg("demo_event", EVENT, null),
                        msg("want_demo_pings", plus(REQUEST, f("u32", "count")), null),
                        msg("want_demo_pings_reply", REPLY, null), msg("demo_ping_event", EVENT, null),
                        msg("demo_exit", REQUEST, null)),
                List.of(call("demo_set", "demo_set_reply"),
                        new ServiceDef("demo_dump", "demo_details", true, null, List.of()),
                        new ServiceDef("demo_get", "demo_get_reply", true, "demo_details", List.of()),
                        new ServiceDef("want_demo_events", "want_demo_events_reply", false, null, List.of("demo_event")),
                        new ServiceDef("want_demo_pings", "want_demo_pings_reply", false, null, List.of("demo_ping_event")),
                        call("demo_exit", "null")));
        String s = source(f);
        assertThat(s).contains("public final class DemoService {")
                .contains("public static DemoService of(ApiChannel channel) {")
                .contains("return new DemoService(Objects.requireNonNull(channel, \"channel\"));")
                .contains("public DemoSetReply demoSet(DemoSet request) {\n        return channel.call(request);")
                .contains("public CompletableFuture<DemoSetReply> demoSetAsync(DemoSet request) {\n        return channel.callAsync(request);")
                .contains("&#92;brief Sets a thing. &#64;param index - which")
                .contains("public List<DemoDetails> demoDump(DemoDump request) {\n        return channel.dump(request);")
                .contains("Request fields of {@code demo_dump}: none.")
                .contains("Details fields of {@code demo_details}: {@code index} (u32).")
                .contains("public List<DemoDetails> demoGet(DemoGet request) {\n        return channel.stream(request);")
                .contains("public Subscription<DemoEvent> wantDemoEvents(WantDemoEvents request, int bufferSize) {")
                .contains("WantDemoEvents disable = WantSubscription.copyOf(request).enableDisable(false);")
                .contains("return WantSubscription.open(channel, DemoEvent.DESCRIPTOR, bufferSize, request.enableDisable(true), disable);")
                .as("a want_ without an enable field is a plain call naming its event")
                .contains("public WantDemoPingsReply wantDemoPings(WantDemoPings request)")
                .contains("VPP then sends {@code demo_ping_event}")
                .as("no reply: no method, listed in the class doc")
                .doesNotContain("demoExit(")
                .contains("Services without a method (no reply, or a shape the channel does not call): {@code demo_exit}.")
                .doesNotContain("demoDumpAsync").doesNotContain("demoGetAsync").doesNotContain("wantDemoEventsAsync");
    }

    @Test
    void theToggleValueHasTheSettersType() {
        ApiFile f = module(List.of(msg("want_demo_events", plus(REQUEST, f("u32", "enable"), f("u32", "pid")), null),
                        msg("want_demo_events_reply", REPLY, null), msg("demo_event", EVENT, null)),
                List.of(new ServiceDef("want_demo_events", "want_demo_events_reply", false, null, List.of("demo_event"))));
        assertThat(source(f)).contains("copyOf(request).enable(0L)").contains("request.enable(1L)");
        ApiFile u8 = module(List.of(msg("want_demo_events", plus(REQUEST, f("u8", "enable_disable")), null),
                        msg("want_demo_events_reply", REPLY, null), msg("demo_event", EVENT, null)),
                List.of(new ServiceDef("want_demo_events", "want_demo_events_reply", false, null, List.of("demo_event"))));
        assertThat(source(u8)).contains("copyOf(request).enableDisable(0)").contains("request.enableDisable(1)");
    }

    @Test
    void aModuleWithoutCallableServicesHasNoClient() {
        ApiFile f = module(List.of(msg("demo_exit", REQUEST, null)), List.of(call("demo_exit", "null")));
        assertThat(ServiceEmitter.emit(f)).isEmpty();
        assertThat(ServiceEmitter.emit(module(List.of(), List.of()))).isEmpty();
    }

    @Test
    void twoEntriesBecomingOneMethodAreRefusedByName() {
        ApiFile f = module(List.of(msg("demo_set", REQUEST, null), msg("demo_set_reply", REPLY, null),
                        msg("demo_set_async", REQUEST, null), msg("demo_set_async_reply", REPLY, null)),
                List.of(call("demo_set", "demo_set_reply"), call("demo_set_async", "demo_set_async_reply")));
        assertThatThrownBy(() -> ServiceEmitter.emit(f)).isInstanceOf(GeneratorException.class)
                .hasMessage("demo.api.json: service demo_set_async and service demo_set both become method DemoService.demoSetAsync");
    }

    @Test
    void anEntryNamedLikeTheFactoryIsRefused() {
        ApiFile f = module(List.of(msg("of", REQUEST, null), msg("of_reply", REPLY, null)), List.of(call("of", "of_reply")));
        assertThatThrownBy(() -> ServiceEmitter.emit(f)).isInstanceOf(GeneratorException.class)
                .hasMessage("demo.api.json: service of and the factory both become method DemoService.of");
    }

    @Test
    void aDefinitionNamedLikeTheClientIsRefused() {
        ApiFile f = module(List.of(msg("demo_service", REQUEST, null), msg("demo_service_reply", REPLY, null)),
                List.of(call("demo_service", "demo_service_reply")));
        assertThatThrownBy(() -> ServiceEmitter.emit(f)).isInstanceOf(GeneratorException.class)
                .hasMessage("demo.api.json: demo_service and the module's service client both become class DemoService");
    }
}
