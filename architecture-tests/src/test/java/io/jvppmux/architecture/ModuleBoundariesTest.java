package io.jvppmux.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of docs/ARCHITECTURE.md between the library modules, on their class files: the API never depends on
 * the implementation, generated code never on the mux, the shim is a leaf, stats does not need java-impl.
 */
class ModuleBoundariesTest {
    @ParameterizedTest
    @EnumSource(LibraryModule.class)
    void eachModuleUsesOnlyTheModulesItMayDependOn(LibraryModule module) {
        assertThat(module.classes()).as("classes of %s at %s", module.artifactId, module.location()).isNotEmpty();
        ModuleRules.usesOnly(module, module.mayUse()).check(module.classes());
    }

    @Test
    void theRulesFollowTheArchitecture() {
        assertThat(LibraryModule.API.mayUse()).isEmpty();
        assertThat(LibraryModule.SHIM.mayUse()).containsExactly(LibraryModule.API);
        assertThat(LibraryModule.BINAPI.mayUse()).doesNotContain(LibraryModule.IMPL);
        assertThat(LibraryModule.STATS.mayUse()).doesNotContain(LibraryModule.IMPL);
    }

    @Test
    void aForbiddenDependencyIsReportedWithTheClassesInvolved() {
        assertThatThrownBy(() -> ModuleRules.usesOnly(LibraryModule.STATS, EnumSet.noneOf(LibraryModule.class))
                .check(LibraryModule.STATS.classes()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("stats uses only itself")
                .hasMessageContaining("io.jvppmux.stats.")
                .hasMessageContaining("io.jvppmux.api.stats.");
    }
}
