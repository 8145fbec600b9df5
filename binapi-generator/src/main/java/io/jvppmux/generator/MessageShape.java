package io.jvppmux.generator;

import io.jvppmux.generator.model.ApiFile;
import io.jvppmux.generator.model.FieldDef;
import io.jvppmux.generator.model.ServiceDef;
import io.jvppmux.generator.model.StructDef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A message's header layout (from its leading fields, docs/PROTOCOL.md 1.3) and kind (from the module's
 * services, falling back to the layout).
 */
final class MessageShape {
    /** Header layout names, as {@code io.jvppmux.api.HeaderLayout}. */
    enum Layout { REQUEST, REPLY, EVENT, NONE }

    final Layout layout;
    final String kind;
    final List<FieldDef> body;

    private MessageShape(Layout layout, String kind, List<FieldDef> body) {
        this.layout = layout;
        this.kind = kind;
        this.body = body;
    }

    static MessageShape of(ApiFile file, StructDef m, Map<String, String> roles) {
        List<FieldDef> f = m.fields();
        if (f.isEmpty() || !"_vl_msg_id".equals(f.get(0).name())) {
            throw new GeneratorException(file.path() + ": message " + m.name() + ": first field must be _vl_msg_id");
        }
        String f1 = f.size() > 1 ? f.get(1).name() : "";
        String f2 = f.size() > 2 ? f.get(2).name() : "";
        Layout layout;
        int skip;
        if ("client_index".equals(f1) && "context".equals(f2)) {
            layout = Layout.REQUEST;
            skip = 3;
        } else if ("context".equals(f1)) {
            layout = Layout.REPLY;
            skip = 2;
        } else if ("client_index".equals(f1)) {
            layout = Layout.EVENT;
            skip = 2;
        } else {
            layout = Layout.NONE;
            skip = 1;
        }
        String kind = roles.getOrDefault(m.name(), switch (layout) {
            case REQUEST -> "REQUEST";
            case REPLY -> "REPLY";
            case EVENT -> "EVENT";
            case NONE -> "OTHER";
        });
        return new MessageShape(layout, kind, f.subList(skip, f.size()));
    }

    /** Each message's role from the services: request, reply (and stream details) or event. */
    static Map<String, String> roles(ApiFile file) {
        Map<String, String> roles = new HashMap<>();
        for (ServiceDef s : file.services()) {
            for (String e : s.events()) {
                roles.putIfAbsent(e, "EVENT");
            }
        }
        for (ServiceDef s : file.services()) {
            roles.put(s.reply(), "REPLY");
            if (s.streamMsg() != null) {
                roles.put(s.streamMsg(), "REPLY");
            }
        }
        for (ServiceDef s : file.services()) {
            roles.put(s.request(), "REQUEST");
        }
        return roles;
    }
}
