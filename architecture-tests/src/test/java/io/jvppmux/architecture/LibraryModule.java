package io.jvppmux.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The published library modules: artifact, JPMS name, one public class that locates the module's classes on the
 * class path (a jar after {@code package}, target/classes before), and the modules it may use (docs/ARCHITECTURE.md).
 */
enum LibraryModule {
    API("java-api", "io.jvppmux.api", "io.jvppmux.api.VppMux", "the API never depends on the implementation"),
    BINAPI("binapi", "io.jvppmux.binapi", "io.jvppmux.binapi.memclnt.ControlPing",
            "generated code depends only on the API, never on the mux"),
    SHIM("jvpp-shim", "io.jvppmux.shim", "io.jvppmux.shim.JvppShim", "the shim is a leaf: it moves bytes"),
    STATS("stats", "io.jvppmux.stats", "io.jvppmux.stats.StatsClients",
            "stats works without the mux (the shim only for the stats socket's fd)"),
    MOCK("mock-vpp", "io.jvppmux.mock", "io.jvppmux.mock.MockVpp",
            "mock-vpp is a fake VPP: the API and the messages, never the mux"),
    IMPL("java-impl", "io.jvppmux.impl", "io.jvppmux.impl.JvppMux", "the mux never depends on its test double"),
    MICROMETER("jvppmux-micrometer", "io.jvppmux.micrometer", "io.jvppmux.micrometer.MuxMeters",
            "the binders need only the API: any VppMux, any StatsClient");

    private static final Map<LibraryModule, JavaClasses> CLASSES = new EnumMap<>(LibraryModule.class);

    final String artifactId;
    final String moduleName;
    final String reason;
    final String marker;

    LibraryModule(String artifactId, String moduleName, String marker, String reason) {
        this.artifactId = artifactId;
        this.moduleName = moduleName;
        this.marker = marker;
        this.reason = reason;
    }

    /** The other modules whose classes this one may use. */
    Set<LibraryModule> mayUse() {
        return switch (this) {
            case API -> EnumSet.noneOf(LibraryModule.class);
            case BINAPI, SHIM, MICROMETER -> EnumSet.of(API);
            case STATS -> EnumSet.of(API, SHIM);
            case MOCK -> EnumSet.of(API, BINAPI);
            case IMPL -> EnumSet.of(API, BINAPI, SHIM, STATS);
        };
    }

    /** Where the module's classes come from: its jar, or its target/classes folder. */
    Path location() {
        try {
            Class<?> c = Class.forName(marker, false, LibraryModule.class.getClassLoader());
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(artifactId + ": cannot locate " + marker + " on the test class path", e);
        }
    }

    /** The module's own classes (imported once). */
    synchronized JavaClasses classes() {
        return CLASSES.computeIfAbsent(this, m -> importFrom(m.location()));
    }

    private static JavaClasses importFrom(Path location) {
        if (!Files.isRegularFile(location)) {
            return new ClassFileImporter().importPath(location);
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return new ClassFileImporter().importJar(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** Whether a class of that name is one of this module's. */
    boolean owns(String className) {
        return classes().contain(className);
    }
}
