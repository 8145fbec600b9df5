package io.jvppmux.impl.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiModule;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog comes from the registrations and the key index, without loading a binding module until it is used. */
class ApiModulesTest {
    @TempDir
    Path dir;

    @Test
    void theBundledBindingsIndexEveryRegisteredModuleWithTheKeysItLists() {
        Map<String, List<String>> index = ApiModules.keyIndex(ApiModules.class.getClassLoader());
        int modules = 0;
        for (ApiModule m : ServiceLoader.load(ApiModule.class)) {
            if (m.getClass().getName().startsWith("io.jvppmux.binapi.")) {
                assertThat(index.get(m.getClass().getName())).as(m.name()).containsExactlyElementsOf(m.messageNames());
                modules++;
            }
        }
        assertThat(modules).isGreaterThan(100);
        assertThat(index).hasSize(modules);
        assertThat(ApiModules.SERVICES).isEqualTo("META-INF/services/" + ApiModule.class.getName());
    }

    @Test
    void theCatalogOfTheBundledBindingsLoadsAModuleWhenOneOfItsMessagesIsFirstUsed() {
        MessageCatalog c = ApiModules.catalog();
        assertThat(c.modules()).isGreaterThan(100);
        assertThat(c.size()).isGreaterThan(2000);
        assertThat(c.loadedModules()).as("no module instantiated to list the keys").isZero();
        assertThat(c.loadedDescriptors()).isZero();

        assertThat(c.descriptor(ShowVersion.DESCRIPTOR.nameCrc())).isSameAs(ShowVersion.DESCRIPTOR);
        assertThat(c.loadedModules()).as("vpe").isEqualTo(1);
        assertThat(c.descriptor(ShowVersionReply.DESCRIPTOR.nameCrc())).isSameAs(ShowVersionReply.DESCRIPTOR);
        assertThat(c.loadedModules()).as("vpe again").isEqualTo(1);
        assertThat(c.descriptor(ControlPing.DESCRIPTOR.nameCrc())).isSameAs(ControlPing.DESCRIPTOR);
        assertThat(c.loadedModules()).as("vpe, memclnt").isEqualTo(2);
        assertThat(c.loadedKeys()).hasSize(3);
    }

    /**
     * A class-loading probe: the registered module class does not exist, so any attempt to load it fails; building the
     * catalog from the index does not, and only the first lookup of one of its keys does.
     */
    @Test
    void anIndexedModuleIsNotLoadedUntilOneOfItsMessagesIsLookedUp() throws Exception {
        write("META-INF/services/io.jvppmux.api.ApiModule", "# a comment\norg.example.NoSuchModule # another\n");
        write(ApiModule.KEY_INDEX, "# keys\norg.example.NoSuchModule ghost_11111111  ghost_reply_22222222\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            MessageCatalog c = ApiModules.catalog(loader);
            assertThat(c.names()).containsExactly("ghost_11111111", "ghost_reply_22222222");
            assertThat(c.modules()).isEqualTo(1);
            assertThat(c.loadedModules()).isZero();
            assertThat(c.descriptor("not_listed_00000000")).isNull();
            assertThatThrownBy(() -> c.descriptor("ghost_11111111")).isInstanceOf(ServiceConfigurationError.class)
                    .hasMessageContaining("org.example.NoSuchModule");
        }
    }

    @Test
    void aRegisteredModuleTheIndexDoesNotListIsLoadedAtOnceAndAnIndexWithoutRegistrationAddsNothing() throws Exception {
        write("META-INF/services/io.jvppmux.api.ApiModule", "org.example.NoSuchModule\n");
        write(ApiModule.KEY_INDEX, "org.example.Unregistered ghost_11111111\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ApiModules.catalog(loader)).isInstanceOf(ServiceConfigurationError.class)
                    .hasMessageContaining("org.example.NoSuchModule");
        }
        write("META-INF/services/io.jvppmux.api.ApiModule", "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ApiModules.catalog(loader).size()).as("nothing registered: ServiceLoader finds nothing either")
                    .isZero();
        }
    }

    private void write(String resource, String text) throws Exception {
        Path p = dir.resolve(resource);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
