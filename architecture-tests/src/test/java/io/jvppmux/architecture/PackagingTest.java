package io.jvppmux.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a user of the published jars gets: a stable JPMS name in each jar's manifest, jars that resolve together
 * on a module path (no split package, no duplicate name), and the -sources and -javadoc jars beside each. Runs on
 * the packaged jars ({@code mvn verify}); on target/classes folders ({@code mvn test}) it is skipped, saying so.
 */
class PackagingTest {
    private static Path packagedJar(LibraryModule m) {
        Path p = m.location();
        assumeTrue(Files.isRegularFile(p), m.artifactId + " comes from " + p + ", not a jar: run mvn verify");
        return p;
    }

    @ParameterizedTest
    @EnumSource(LibraryModule.class)
    void eachJarNamesItsModuleInTheManifest(LibraryModule m) throws Exception {
        Path jar = packagedJar(m);
        try (JarFile f = new JarFile(jar.toFile())) {
            assertThat(f.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(m.moduleName);
        }
        ModuleReference ref = ModuleFinder.of(jar).findAll().iterator().next();
        assertThat(ref.descriptor().name()).isEqualTo(m.moduleName);
        assertThat(ref.descriptor().packages()).allMatch(p -> p.startsWith(m.moduleName), "packages under " + m.moduleName);
    }

    @Test
    void theLibraryJarsResolveTogetherOnAModulePath() {
        Path[] jars = Arrays.stream(LibraryModule.values()).map(PackagingTest::packagedJar).toArray(Path[]::new);
        List<String> names = Arrays.stream(LibraryModule.values()).map(m -> m.moduleName).toList();
        Configuration c = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(jars), ModuleFinder.of(), names);
        assertThat(c.modules()).extracting(ResolvedModule::name).containsExactlyInAnyOrderElementsOf(names);
    }

    /**
     * On a module path the mux's catalog of messages still comes from the bindings' key index: the registrations
     * are the binapi module's {@code provides} (or its services file), and no binding module class is loaded to list
     * the keys (issue 12 item 3).
     */
    @Test
    void onAModulePathTheCatalogComesFromTheKeyIndexWithoutLoadingABindingModule() throws Exception {
        Path[] jars = Arrays.stream(LibraryModule.values()).map(PackagingTest::packagedJar).toArray(Path[]::new);
        List<String> names = Arrays.stream(LibraryModule.values()).map(m -> m.moduleName).toList();
        Configuration c = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(jars), ModuleFinder.of(), names);
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(c, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader(LibraryModule.IMPL.moduleName);
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object catalog = loader.loadClass("io.jvppmux.impl.core.ApiModules").getMethod("catalog").invoke(null);
            assertThat(catalog.getClass().getModule().getLayer()).isSameAs(layer);
            assertThat((int) catalog.getClass().getMethod("size").invoke(catalog)).isGreaterThan(2000);
            assertThat((int) catalog.getClass().getMethod("modules").invoke(catalog)).isGreaterThan(100);
            assertThat((int) catalog.getClass().getMethod("loadedModules").invoke(catalog)).as("modules loaded").isZero();
            Object d = catalog.getClass().getMethod("descriptor", String.class).invoke(catalog, "show_version_51077d14");
            assertThat(d.getClass().getModule().getName()).isEqualTo(LibraryModule.API.moduleName);
            assertThat((int) catalog.getClass().getMethod("loadedModules").invoke(catalog)).as("vpe").isEqualTo(1);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @ParameterizedTest
    @EnumSource(LibraryModule.class)
    void eachJarHasItsSourcesAndJavadocBeside(LibraryModule m) throws Exception {
        Path jar = packagedJar(m);
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        String page = m.marker.replace('.', '/');
        try (JarFile sources = new JarFile(jar.resolveSibling(base + "-sources.jar").toFile());
             JarFile javadoc = new JarFile(jar.resolveSibling(base + "-javadoc.jar").toFile())) {
            assertThat(sources.getEntry(page + ".java")).as("%s in the sources jar", page).isNotNull();
            assertThat(javadoc.getEntry(page + ".html")).as("%s in the javadoc jar", page).isNotNull();
        }
    }
}
