package dev.taproot.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md that the Maven dependency graph alone cannot express. */
class ArchitectureTest {

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
}
