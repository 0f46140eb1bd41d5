package dev.steward.console;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of ARCHITECTURE.md, checked on every production class the console ships (host, platform and
 * every bundled plugin): console -> plugins -> platform; a plugin uses another plugin only through its {@code api}
 * package; only {@code ..ui..} packages use Vaadin; no cycles between modules.
 */
class ArchitectureTest {

    private static final Set<String> HOST_MODULES = Set.of("platform", "console", "testkit", "benchmarks");
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.steward");
    }

    @Test
    void the_platform_depends_on_no_console_or_plugin_code() {
        noClasses().that().resideInAPackage("dev.steward.platform..")
                .should().dependOnClassesThat(inStewardModuleOtherThan("platform"))
                .check(classes);
    }

    @Test
    void nothing_but_the_console_depends_on_the_console() {
        noClasses().that().resideOutsideOfPackage("dev.steward.console..")
                .should().dependOnClassesThat().resideInAPackage("dev.steward.console..")
                .check(classes);
    }

    @Test
    void a_plugin_uses_another_plugin_only_through_its_api_package() {
        classes().that(inAPlugin())
                .should(onlyUseOtherPluginsThroughTheirApi())
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void only_ui_packages_use_vaadin() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().resideOutsideOfPackage("dev.steward.platform.db.generated..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void modules_have_no_cycles() {
        slices().matching("dev.steward.(*)..").should().beFreeOfCycles().check(classes);
    }

    static String moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("dev.steward.")) {
            return null;
        }
        String rest = name.substring("dev.steward.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DescribedPredicate<JavaClass> inStewardModuleOtherThan(String allowed) {
        return DescribedPredicate.describe("are in a Steward module other than " + allowed, type -> {
            String module = moduleOf(type);
            return module != null && !module.equals(allowed);
        });
    }

    private static DescribedPredicate<JavaClass> inAPlugin() {
        return DescribedPredicate.describe("are in a plugin", type -> {
            String module = moduleOf(type);
            return module != null && !HOST_MODULES.contains(module);
        });
    }

    private static ArchCondition<JavaClass> onlyUseOtherPluginsThroughTheirApi() {
        return new ArchCondition<>("only use other plugins through their api package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = moduleOf(type);
                type.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String module = moduleOf(target);
                    boolean otherPlugin = module != null && !module.equals(own) && !HOST_MODULES.contains(module);
                    boolean throughApi = target.getPackageName().startsWith("dev.steward." + module + ".api");
                    if (otherPlugin && !throughApi) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                    if ("console".equals(module) || "testkit".equals(module) || "benchmarks".equals(module)) {
                        events.add(SimpleConditionEvent.violated(dependency, "plugins depend on the platform only: " + dependency.getDescription()));
                    }
                });
            }
        };
    }
}
