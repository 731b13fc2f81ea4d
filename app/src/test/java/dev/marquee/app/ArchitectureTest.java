package dev.marquee.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The floor plan of DESIGN.md, kept by a test: dependencies point one way. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.marquee");
    }

    @Test
    void theMediaPlaneNeverSeesSpringOrTheControlPlane() {
        noClasses().that().resideInAPackage("dev.marquee.media..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.marquee.platform..",
                        "dev.marquee.app..", "jakarta..")
                .check(classes);
    }

    @Test
    void theControlPlaneNeverReachesIntoTheApp() {
        noClasses().that().resideInAPackage("dev.marquee.platform..")
                .should().dependOnClassesThat().resideInAPackage("dev.marquee.app..")
                .check(classes);
    }

    @Test
    void featuresTalkThroughPublicTypesNotEachOthersInternals() {
        Set<String> features = classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith("dev.marquee.platform."))
                .map(p -> p.substring("dev.marquee.platform.".length()).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(features).contains("account", "video", "live", "community"); // the scan found the features
        for (String feature : features) {
            noClasses().that().resideOutsideOfPackage("dev.marquee.platform." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("dev.marquee.platform." + feature + ".internal..")
                    .check(classes);
        }
    }

    @Test
    void thePlatformUsesOnlyTheMediaServersSpi() {
        noClasses().that().resideInAPackage("dev.marquee.platform..")
                .should().dependOnClassesThat(resideInAPackage("dev.marquee.media..")
                        .and(resideOutsideOfPackage("dev.marquee.media.server.spi..")))
                .check(classes);
    }
}
