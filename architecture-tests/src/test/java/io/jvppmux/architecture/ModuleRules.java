package io.jvppmux.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.EnumSet;
import java.util.Set;

/** The one rule between modules: a module's classes use no class of a module it may not depend on. */
final class ModuleRules {
    private ModuleRules() {
    }

    /** No class of {@code module} depends on a class of a library module outside {@code allowed}. */
    static ArchRule usesOnly(LibraryModule module, Set<LibraryModule> allowed) {
        EnumSet<LibraryModule> forbidden = EnumSet.complementOf(EnumSet.copyOf(allowed));
        forbidden.remove(module);
        DescribedPredicate<JavaClass> inForbidden = DescribedPredicate.describe("are in " + artifacts(forbidden),
                c -> forbidden.stream().anyMatch(m -> m.owns(c.getBaseComponentType().getName())));
        return noClasses().should().dependOnClassesThat(inForbidden)
                .as(module.artifactId + " uses only " + artifacts(allowed))
                .because(module.reason);
    }

    private static String artifacts(Set<LibraryModule> modules) {
        return modules.isEmpty() ? "itself" : modules.stream().map(m -> m.artifactId).toList().toString();
    }
}
