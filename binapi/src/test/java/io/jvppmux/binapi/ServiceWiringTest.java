package io.jvppmux.binapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Subscription;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every generated service client checked against the {@code services} of every {@code .api.json} it was made
 * from, read here with Jackson and nothing of the generator: each entry's method exists with the request as
 * parameter and the reply, details or event as result, and the clients have no other methods.
 */
class ServiceWiringTest {
    private static final Path API = Path.of("src/main/api/26.06");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a service entry should become. */
    private record Expected(String method, Class<?> request, Type returns, boolean withBufferSize) {
    }

    @Test
    void everyServiceEntryIsAMethodWithTheRightTypes() throws Exception {
        Map<String, String> packages = new HashMap<>();
        Binapi.modules().forEach(m -> packages.put(m.name(), m.getClass().getPackageName()));
        int modulesWithClient = 0;
        Map<String, Integer> kinds = new HashMap<>();
        for (Path file : apiFiles()) {
            JsonNode root = JSON.readTree(file.toFile());
            String module = root.get("module").asText();
            String pkg = packages.get(module);
            assertThat(pkg).as("module class of %s", module).isNotNull();
            List<Expected> expected = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("services").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                expected.addAll(expect(pkg, root, e.getKey(), e.getValue(), kinds));
            }
            Class<?> client = serviceClass(pkg);
            if (expected.isEmpty()) {
                assertThat(client).as("%s has no service to call: no client", module).isNull();
                continue;
            }
            modulesWithClient++;
            assertThat(client).as("service client of %s", module).isNotNull();
            checkClient(client, expected);
        }
        assertThat(modulesWithClient).isEqualTo(129);
        assertThat(kinds).containsEntry("call", 785).containsEntry("dump", 207).containsEntry("stream", 20)
                .containsEntry("want", 13).containsEntry("none", 4);
    }

    @Test
    void everyPublicMemberOfAGeneratedClientHasJavadoc() throws IOException {
        Path generated = Path.of("target/generated-sources/binapi/java");
        List<Path> clients;
        try (Stream<Path> s = Files.walk(generated)) {
            clients = s.filter(p -> p.getFileName().toString().endsWith("Service.java")).toList();
        }
        assertThat(clients).hasSize(129);
        for (Path p : clients) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("(public| {4}public) .*")) {
                    int j = i - 1;
                    while (lines.get(j).trim().startsWith("@")) {
                        j--;
                    }
                    assertThat(lines.get(j).trim()).as("%s line %d: %s", p.getFileName(), i + 1, lines.get(i)).isEqualTo("*/");
                }
            }
        }
    }

    private static List<Expected> expect(String pkg, JsonNode root, String request, JsonNode s, Map<String, Integer> kinds)
            throws ClassNotFoundException {
        String reply = s.get("reply").asText();
        Class<?> q = Class.forName(pkg + "." + camel(request, true));
        String method = camel(request, false);
        List<Expected> out = new ArrayList<>();
        String kind;
        if ("null".equals(reply)) {
            kind = "none";
        } else if (s.has("stream_msg")) {
            kind = "stream";
            out.add(new Expected(method, q, listOf(pkg, s.get("stream_msg").asText()), false));
        } else if (s.path("stream").asBoolean(false)) {
            kind = "dump";
            out.add(new Expected(method, q, listOf(pkg, reply), false));
        } else if (s.path("events").size() == 1 && request.startsWith("want_") && hasToggle(root, request)) {
            kind = "want";
            out.add(new Expected(method, q, type(Subscription.class, cls(pkg, s.get("events").get(0).asText())), true));
        } else {
            kind = "call";
            out.add(new Expected(method, q, cls(pkg, reply), false));
            out.add(new Expected(method + "Async", q, type(CompletableFuture.class, cls(pkg, reply)), false));
        }
        kinds.merge(kind, 1, Integer::sum);
        return out;
    }

    private static void checkClient(Class<?> client, List<Expected> expected) throws Exception {
        Method of = client.getMethod("of", ApiChannel.class);
        assertThat(Modifier.isStatic(of.getModifiers())).isTrue();
        assertThat(of.getReturnType()).isEqualTo(client);
        Set<String> seen = new HashSet<>(Set.of("of", "channel"));
        for (Expected e : expected) {
            Method m = e.withBufferSize() ? client.getMethod(e.method(), e.request(), int.class) : client.getMethod(e.method(), e.request());
            assertThat(m.getGenericReturnType().getTypeName()).as("%s.%s", client.getSimpleName(), e.method())
                    .isEqualTo(e.returns().getTypeName());
            seen.add(e.method());
        }
        for (Method m : client.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !seen.contains(m.getName())) {
                fail("%s.%s matches no service entry", client.getSimpleName(), m.getName());
            }
        }
    }

    private static boolean hasToggle(JsonNode root, String request) {
        for (JsonNode m : root.path("messages")) {
            if (m.get(0).asText().equals(request)) {
                for (JsonNode f : m) {
                    boolean scalar = f.isArray() && (f.size() == 2 || f.size() == 3 && f.get(2).isObject());   // [type, name, {options}]
                    if (scalar && Set.of("enable", "enable_disable").contains(f.get(1).asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Class<?> serviceClass(String pkg) {
        String module = pkg.substring(pkg.lastIndexOf('.') + 1);
        try {
            return Class.forName(pkg + "." + camel(module, true) + "Service");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static Class<?> cls(String pkg, String message) {
        try {
            return Class.forName(pkg + "." + camel(message, true));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class for message " + message + " in " + pkg, e);
        }
    }

    private static Type listOf(String pkg, String message) {
        return type(List.class, cls(pkg, message));
    }

    private static Type type(Class<?> raw, Class<?> arg) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {arg};
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }

            @Override
            public String getTypeName() {
                return raw.getName() + "<" + arg.getName() + ">";
            }
        };
    }

    /** {@code sw_interface_dump} -> {@code SwInterfaceDump} or {@code swInterfaceDump}. */
    private static String camel(String vpp, boolean upper) {
        StringBuilder sb = new StringBuilder();
        boolean up = upper;
        for (char c : vpp.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static List<Path> apiFiles() throws IOException {
        try (Stream<Path> s = Files.walk(API)) {
            return s.filter(p -> p.toString().endsWith(".api.json")).sorted().toList();
        }
    }
}
