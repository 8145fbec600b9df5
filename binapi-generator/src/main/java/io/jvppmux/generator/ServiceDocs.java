package io.jvppmux.generator;

import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.StructDef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Javadoc of service-client methods: what the method does, then the request's {@code .api} comment
 * when the JSON has one, otherwise its fields; then the fields of what comes back.
 */
final class ServiceDocs {
    /** Header fields the mux writes: never set by callers, so never listed. */
    private static final Set<String> HEADER = Set.of("_vl_msg_id", "client_index", "context");

    private ServiceDocs() {
    }

    /**
     * @param lead   the first sentence(s): what the method does
     * @param e      the service entry
     * @param answer what comes back (reply, details or event), or null
     * @param role   how to call it in the text, e.g. "Reply" or "Details"
     */
    static String method(String lead, ServiceEntry e, StructDef answer, String role) {
        StringBuilder sb = new StringBuilder(lead).append('\n');
        StructDef q = e.request();
        if (q.comment() != null && !q.comment().isBlank()) {
            sb.append(Javadocs.of(q.comment(), "<p>From the API definition of {@code " + q.name() + "}:"));
        } else {
            sb.append("<p>Request fields of {@code ").append(q.name()).append("}: ").append(fields(q)).append(".\n");
        }
        if (answer != null) {
            sb.append("<p>").append(role).append(" fields of {@code ").append(answer.name()).append("}: ")
                    .append(fields(answer)).append(".\n");
        }
        if (e.request().inProgress()) {
            sb.append("<p>{@code ").append(q.name()).append("} is marked in_progress: its API may change.\n");
        }
        return sb.toString();
    }

    /** The body fields of {@code m}: {@code swIfIndex} ({@code interface_index}), ...; "none" when it has none. */
    static String fields(StructDef m) {
        List<FieldDef> body = m.fields().stream().filter(f -> !HEADER.contains(f.name())).toList();
        if (body.isEmpty()) {
            return "none";
        }
        return body.stream().map(ServiceDocs::field).collect(Collectors.joining(", "));
    }

    private static String field(FieldDef f) {
        String user = f.type().startsWith("vl_api_") && f.type().endsWith("_t") ? TypeNames.userType(f.type()) : f.type();
        String shape = f.isScalar() ? user : user + "[" + (f.length() > 0 ? f.length() : "") + "]";
        return "{@code " + TypeNames.memberName(f.name()) + "} (" + shape + ")";
    }
}
