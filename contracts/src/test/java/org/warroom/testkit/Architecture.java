package org.warroom.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The architecture rules every module's {@code ArchitectureTest} checks over the compiled main classes it runs
 * with (its own and those of the libraries it depends on):
 * <ul>
 *   <li>no package cycles: every package of {@code org.warroom} is a slice, and the arrows between them run one way;</li>
 *   <li>no service imports another service or a tool: {@code ingest}, {@code streams}, {@code indexer},
 *       {@code notifier} and {@code dashboard} share only {@code contracts} and the libraries
 *       ({@code elastic}, {@code vertxkafka});</li>
 *   <li>no main class imports test code ({@code org.warroom.testkit}).</li>
 * </ul>
 */
public final class Architecture {
    /** The services, each a module whose jar is exactly that service. */
    public static final List<String> SERVICES = List.of("ingest", "streams", "indexer", "notifier", "dashboard");
    /** The tool modules: they drive a stack over its public interfaces and are never shipped in a service. */
    public static final List<String> TOOLS = List.of("tools", "bench");

    private Architecture() {
    }

    /** The main classes of {@code org.warroom} on the class path, without any test class or test-jar. */
    public static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("org.warroom");
    }

    /** Fails on a package cycle anywhere in {@code org.warroom}. */
    public static void assertNoPackageCycles(JavaClasses classes) {
        slices().matching("org.warroom.(**)").should().beFreeOfCycles().check(classes);
    }

    /** Fails when module {@code module} (a service or a tool) imports another service, or a service imports a tool. */
    public static void assertImportsNoOtherService(String module, JavaClasses classes) {
        for (String other : SERVICES) {
            if (!other.equals(module)) {
                noClasses().that().resideInAPackage("org.warroom." + module + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.warroom." + other + "..")
                        .because(module + " must not import the service " + other + ": share through contracts or a library")
                        .check(classes);
            }
        }
        if (SERVICES.contains(module)) {
            for (String tool : TOOLS) {
                noClasses().that().resideInAPackage("org.warroom." + module + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.warroom." + tool + "..")
                        .because("a service jar holds only that service").check(classes);
            }
        }
        noClasses().that().resideInAPackage("org.warroom..")
                .should().dependOnClassesThat().resideInAPackage("org.warroom.testkit..")
                .because("main code never imports test code").check(classes);
    }

    /** Both rules for one module. */
    public static void check(String module) {
        JavaClasses classes = mainClasses();
        assertNoPackageCycles(classes);
        assertImportsNoOtherService(module, classes);
    }
}
