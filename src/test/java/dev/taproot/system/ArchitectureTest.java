package dev.taproot.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md that the Maven dependency graph alone cannot express. */
class ArchitectureTest {

    static final String CONFIGURATION = "dev.taproot.api.config";

    private static JavaClasses taproot;

    @BeforeAll
    static void importClasses() {
        taproot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.taproot");
    }

    @Test
    void graphModelImportsNoDriverJenaOrLuceneType() {
        noClasses().that().resideInAPackage("dev.taproot.graph.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..", "org.apache.jena..",
                        "org.apache.lucene..")
                .check(taproot);
    }

    @Test
    void rulesAndSearchNeverSeeTheApiOrHttp() {
        noClasses().that().resideInAnyPackage("dev.taproot.rules..", "dev.taproot.search..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.taproot.api..", "io.javalin..",
                        "org.eclipse.jetty..", "jakarta.servlet..")
                .check(taproot);
    }

    @Test
    void onlyTheGraphModuleTalksToNeo4jDirectly() {
        noClasses().that().resideInAnyPackage("dev.taproot.rules..", "dev.taproot.search..", "dev.taproot.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..")
                .check(taproot);
    }

    /** One composition root: the environment is read where the configuration is loaded, and passed on from there. */
    static final ArchRule ENVIRONMENT_READ_ONLY_BY_CONFIGURATION = noClasses().that().resideOutsideOfPackage(CONFIGURATION)
            .should().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("configuration is read once, in " + CONFIGURATION + ", and passed to every component");

    @Test
    void onlyTheConfigurationReadsTheEnvironment() {
        ENVIRONMENT_READ_ONLY_BY_CONFIGURATION.check(taproot);
    }

    @Test
    void theEnvironmentRuleCatchesAClassThatReadsAVariable() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsTheEnvironment.class);
        assertThatThrownBy(() -> ENVIRONMENT_READ_ONLY_BY_CONFIGURATION.check(offender))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ReadsTheEnvironment")
                .hasMessageContaining("System.getenv");
    }

    /** A class outside the configuration package that reads the environment, as the rule forbids. */
    static final class ReadsTheEnvironment {
        String home() {
            return System.getenv("HOME");
        }
    }
}
