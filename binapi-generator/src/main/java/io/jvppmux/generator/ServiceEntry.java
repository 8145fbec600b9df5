package io.jvppmux.generator;

import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.ServiceDef;
import io.jvppmux.generator.model.StructDef;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@code services} entry classified: which {@code io.jvppmux.api} request interface its request
 * message implements, and which service-client method it gets. The one place that decides both, so
 * that a message class and its service method never disagree.
 *
 * @param def     the entry as the JSON has it
 * @param kind    how it is called
 * @param request the request message
 * @param reply   the reply (CALL, WANT, STREAM) or details (DUMP), null for SKIP
 * @param details the details of a STREAM, else null
 * @param event   the event a WANT subscribes to, else null
 * @param toggle  the enable field of a WANT request, else null
 */
record ServiceEntry(ServiceDef def, Kind kind, StructDef request, StructDef reply, StructDef details,
                    StructDef event, FieldDef toggle) {
    /** How a service entry is called. */
    enum Kind {
        /** {@code X -> X_reply}: {@code Request<R>}, {@code ApiChannel.call} / {@code callAsync} */
        CALL,
        /** {@code X_dump -> stream X_details}: {@code DumpRequest<D>}, {@code ApiChannel.dump} */
        DUMP,
        /** {@code X_get -> X_get_reply stream X_details}: {@code StreamRequest<R, D>}, {@code ApiChannel.stream} */
        STREAM,
        /** {@code want_X -> want_X_reply events E} with an enable field: a {@code Request<R>} that subscribes */
        WANT,
        /** no reply ({@code "null"}), a reply or details that are not messages of the module, or an unsupported shape */
        SKIP
    }

    /** The enable fields of {@code want_*} requests, as VPP names them. */
    static final List<String> TOGGLE_NAMES = List.of("enable_disable", "enable");
    private static final Set<String> TOGGLE_TYPES = Set.of("bool", "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64");

    /** Classifies {@code s}; {@code messages} finds a message of the same module by name (null when absent). */
    static ServiceEntry of(ServiceDef s, Function<String, StructDef> messages) {
        StructDef request = messages.apply(s.request());
        StructDef reply = messages.apply(s.reply());
        if (request == null || reply == null) {
            return new ServiceEntry(s, Kind.SKIP, request, null, null, null, null);
        }
        StructDef details = s.streamMsg() == null ? null : messages.apply(s.streamMsg());
        if (details != null && MessageEmitter.hasRetval(body(reply))) {
            return new ServiceEntry(s, Kind.STREAM, request, reply, details, null, null);
        }
        if (s.stream() && s.streamMsg() == null) {
            return new ServiceEntry(s, Kind.DUMP, request, reply, null, null, null);
        }
        if (s.stream()) {
            return new ServiceEntry(s, Kind.SKIP, request, null, null, null, null);
        }
        StructDef event = s.events().size() == 1 ? messages.apply(s.events().get(0)) : null;
        FieldDef toggle = s.request().startsWith("want_") ? toggle(request) : null;
        if (event != null && toggle != null) {
            return new ServiceEntry(s, Kind.WANT, request, reply, null, event, toggle);
        }
        return new ServiceEntry(s, Kind.CALL, request, reply, null, null, null);
    }

    /** The body of a message whose first fields are {@code _vl_msg_id} and {@code context}. */
    static List<FieldDef> body(StructDef m) {
        return m.fields().subList(Math.min(m.fields().size(), 2), m.fields().size());
    }

    private static FieldDef toggle(StructDef request) {
        for (String name : TOGGLE_NAMES) {
            for (FieldDef f : request.fields()) {
                if (f.name().equals(name) && f.isScalar() && TOGGLE_TYPES.contains(f.type())) {
                    return f;
                }
            }
        }
        return null;
    }
}
