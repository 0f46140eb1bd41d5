package dev.steward.console;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of ARCHITECTURE.md, checked on every production class the console ships (host, platform and
 * every bundled plugin): console -> plugins -> platform; a plugin uses another plugin only through its {@code api}
 * package; only {@code ..ui..} packages use Vaadin; no cycles between modules; every public method of a plugin's
 * services checks a permission, naming an expression of the plugin's permissions class; plugins report invalid input
 * with the platform's exception; {@code ..ui..} packages stay off jOOQ.
 */
class ArchitectureTest {

    private static final Set<String> HOST_MODULES = Set.of("platform", "console", "testkit", "benchmarks");
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // the test kits are test code shipped as jars: not part of the product's architecture
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/dev/steward/testkit/"))
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
    void ui_packages_do_not_depend_on_jooq() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .because("views call services, and services report a stale record with"
                        + " dev.steward.platform.validation.ConcurrentChangeException, not jOOQ's DataChangedException")
                .check(classes);
    }

    @Test
    void modules_have_no_cycles() {
        slices().matching("dev.steward.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * A plugin's services ({@code @Service}, {@code @Component} outside {@code ..ui..}) are guarded: each public method
     * carries {@code @PreAuthorize} (or its class does); helpers are package-private. Static helpers and the methods of
     * extension points (the platform calls those, and they name their own permission) are left out.
     */
    static final ArchRule PLUGIN_SERVICES_CHECK_PERMISSIONS = methods()
            .that().areDeclaredInClassesThat(arePluginServices())
            .and().arePublic().and().areNotStatic().and(areNotExtensionPointMethods())
            .should(checkAPermission())
            .allowEmptyShould(true);

    @Test
    void every_public_method_of_a_plugin_service_checks_a_permission() {
        PLUGIN_SERVICES_CHECK_PERMISSIONS.check(classes);
    }

    static final ArchRule PLUGINS_GUARD_WITH_THEIR_PERMISSION_EXPRESSIONS = classes().that(inAPlugin())
            .should(guardWithExpressionsOfTheirPermissionsClass())
            .allowEmptyShould(true);

    @Test
    void a_plugin_names_its_method_security_by_an_expression_of_its_permissions_class() {
        PLUGINS_GUARD_WITH_THEIR_PERMISSION_EXPRESSIONS.check(classes);
    }

    @Test
    void the_method_security_rule_catches_a_permission_written_out_in_the_annotation() {
        JavaClasses literal = new ClassFileImporter().importClasses(dev.steward.testplugins.unguarded.UnguardedNotes.class);
        assertThatThrownBy(() -> PLUGINS_GUARD_WITH_THEIR_PERMISSION_EXPRESSIONS.check(literal))
                .isInstanceOf(AssertionError.class).hasMessageContaining("hasAuthority('unguarded.read')");
    }

    @Test
    void proposal_reconciliation_is_unguarded_and_reached_only_through_the_guarded_obligation_service() {
        String reconciliation = "dev.steward.incidents.obligations.ProposalReconciliation";
        classes().that().haveFullyQualifiedName(reconciliation)
                .should().notBePublic()
                .andShould().notBeAnnotatedWith(PreAuthorize.class)
                .andShould().onlyBeAccessed().byClassesThat().haveNameMatching(
                        "dev\\.steward\\.incidents\\.obligations\\.(ObligationService|ProposalReconciliation)(\\$.*)?")
                .check(classes);
        methods().that().areDeclaredInClassesThat().haveFullyQualifiedName(reconciliation)
                .should().notBeAnnotatedWith(PreAuthorize.class).andShould().notBePublic()
                .check(classes);
    }

    @Test
    void no_plugin_checks_by_hand_that_it_is_enabled_the_platform_does() {
        noClasses().that(inAPlugin())
                .should().callMethod(dev.steward.platform.plugin.ExtensionRegistry.class, "requireEnabled", String.class)
                .check(classes);
    }

    static final ArchRule PLUGINS_USE_THE_PLATFORM_INVALID_INPUT = noClasses().that(inAPlugin())
            .should().beAssignableTo(IllegalArgumentException.class)
            .because("invalid input is reported with dev.steward.platform.validation.InvalidInputException, which forms"
                    + " (FieldErrors), APIs and imports all understand");

    @Test
    void plugins_report_invalid_input_with_the_platform_exception_not_their_own() {
        PLUGINS_USE_THE_PLATFORM_INVALID_INPUT.check(classes);
    }

    @Test
    void the_invalid_input_rule_catches_a_plugin_exception_of_its_own() {
        JavaClasses own = new ClassFileImporter().importClasses(dev.steward.testplugins.unguarded.InvalidNoteException.class);
        assertThatThrownBy(() -> PLUGINS_USE_THE_PLATFORM_INVALID_INPUT.check(own))
                .isInstanceOf(AssertionError.class).hasMessageContaining("InvalidNoteException");
    }

    @Test
    void the_permission_rule_catches_an_unguarded_public_service_method() {
        JavaClasses unguarded = new ClassFileImporter().importClasses(dev.steward.testplugins.unguarded.UnguardedNotes.class);
        assertThatThrownBy(() -> PLUGIN_SERVICES_CHECK_PERMISSIONS.check(unguarded))
                .isInstanceOf(AssertionError.class).hasMessageContaining("UnguardedNotes.purge(");
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

    private static DescribedPredicate<JavaClass> arePluginServices() {
        return DescribedPredicate.describe("are services of a plugin", type -> {
            String module = moduleOf(type);
            return module != null && !HOST_MODULES.contains(module) && !(type.getPackageName() + ".").contains(".ui.")
                    && (type.isAnnotatedWith(Service.class) || type.isAnnotatedWith(Component.class));
        });
    }

    private static DescribedPredicate<JavaMethod> areNotExtensionPointMethods() {
        return DescribedPredicate.describe("are not methods of an extension point or Object", method -> {
            if (method.getModifiers().contains(JavaModifier.SYNTHETIC) || method.getModifiers().contains(JavaModifier.BRIDGE)
                    || Set.of("equals", "hashCode", "toString").contains(method.getName())) {
                return false;
            }
            String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
            return method.getOwner().getAllRawInterfaces().stream()
                    .filter(i -> i.getPackageName().startsWith("dev.steward.platform.spi"))
                    .noneMatch(i -> i.tryGetMethod(method.getName(), parameters).isPresent());
        });
    }

    /** The {@code public static final String} values of the module's {@code *Permissions} classes. */
    private static Set<String> permissionExpressionsOf(String module) {
        Set<String> expressions = new java.util.HashSet<>();
        classes.stream().filter(c -> module.equals(moduleOf(c)) && c.getSimpleName().endsWith("Permissions")).forEach(c -> {
            for (java.lang.reflect.Field field : c.reflect().getFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        expressions.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        });
        return expressions;
    }

    private static ArchCondition<JavaClass> guardWithExpressionsOfTheirPermissionsClass() {
        return new ArchCondition<>("name in @PreAuthorize a constant of the plugin's permissions class, not the text of a permission") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Set<String> allowed = permissionExpressionsOf(moduleOf(type));
                type.tryGetAnnotationOfType(PreAuthorize.class).filter(a -> !allowed.contains(a.value())).ifPresent(a ->
                        events.add(SimpleConditionEvent.violated(type, type.getName() + ": @PreAuthorize(\"" + a.value() + "\")")));
                type.getMethods().forEach(method -> method.tryGetAnnotationOfType(PreAuthorize.class)
                        .filter(a -> !allowed.contains(a.value())).ifPresent(a -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + ": @PreAuthorize(\"" + a.value() + "\") is no expression of the plugin's permissions class"))));
            }
        };
    }

    private static ArchCondition<JavaMethod> checkAPermission() {
        return new ArchCondition<>("check a permission (@PreAuthorize on the method or its class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean guarded = method.isAnnotatedWith(PreAuthorize.class) || method.isAnnotatedWith(PostAuthorize.class)
                        || method.getOwner().isAnnotatedWith(PreAuthorize.class);
                if (!guarded) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName()
                            + " is public but checks no permission: add @PreAuthorize, or make it package-private"));
                }
            }
        };
    }
}
