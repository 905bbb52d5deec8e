package dev.taproot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.taproot.graph.store.FeedbackPort;
import dev.taproot.graph.store.GraphStore;
import dev.taproot.graph.store.GraphWrites;
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
                // a module's test jar (graph's fixtures) is test code too, once the reactor has packaged it
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.taproot");
    }

    @Test
    void modelVocabularyAndPortsImportNoDriverJenaOrLuceneType() {
        noClasses().that().resideInAnyPackage("dev.taproot.graph.model..", "dev.taproot.graph.vocabulary..",
                        "dev.taproot.graph.store..")
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

    /** The rule engine and the search index read the graph through the read ports; they never write it or manage it. */
    @Test
    void rulesAndSearchTakeOnlyTheReadPorts() {
        noClasses().that().resideInAnyPackage("dev.taproot.rules..", "dev.taproot.search..")
                .should().dependOnClassesThat().belongToAnyOf(GraphStore.class, GraphWrites.class, FeedbackPort.class)
                .check(taproot);
    }

    @Test
    void onlyTheGraphModuleTalksToNeo4jDirectly() {
        noClasses().that().resideInAnyPackage("dev.taproot.rules..", "dev.taproot.search..", "dev.taproot.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j..")
                .check(taproot);
    }

    static final String EMBEDDED = "dev.taproot.graph.embedded..";

    /**
     * The embedded DBMS's API ({@code org.neo4j.dbms}, {@code .graphdb}, {@code .kernel}, ...: all of
     * {@code org.neo4j} but the driver) is imported in {@code taproot-graph-embedded} only, so that a user of an
     * external Neo4j can leave that module and its jars off the class path; graph's pom has no
     * {@code org.neo4j:neo4j} and its enforcer rule keeps it out.
     */
    @Test
    void onlyTheEmbeddedModuleImportsTheEmbeddedDbms() {
        noClasses().that().resideOutsideOfPackage(EMBEDDED)
                .should().dependOnClassesThat(resideInAPackage("org.neo4j..").and(resideOutsideOfPackage("org.neo4j.driver..")))
                .check(taproot);
    }

    /** The embedded module is found through {@code EmbeddedDbmsProvider} and ServiceLoader, never named. */
    @Test
    void nothingNamesTheEmbeddedModule() {
        noClasses().that().resideOutsideOfPackage(EMBEDDED)
                .should().dependOnClassesThat().resideInAPackage(EMBEDDED)
                .check(taproot);
    }

    /** Between modules (the first package under dev.taproot) no cycle at all. */
    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.taproot.(*)..").should().beFreeOfCycles().check(taproot);
    }

    /** No cycle between any two packages, in any module. */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.taproot.(**)").should().beFreeOfCycles().check(taproot);
    }

    /**
     * The packages that still take part in a cycle: none. When this rule came in there were 28 packages in
     * three groups: 14 of ingest, 3 of rules, 11 of api. Ingest's went when the registry of shipped ingestors
     * moved to {@code ingest.standard} and the shared readers ({@code ManifestReader}, {@code JsonInputs},
     * {@code ObservedChanges}) to the root package; rules' when matching, ranking and evidence came to share
     * {@code rules.causal}; api's when the route kit (router, problems, JSON, the auth filter) moved down to
     * {@code api.web}, the configuration records to {@code api.config}, the analysis JSON mapper to
     * {@code api.diagnosis} and feedback intake to {@code api.feedback}, and the explorer and ChatOps came to
     * take their components instead of reading them back from {@code Taproot}. The list may only shrink.
     */
    static final Set<String> PACKAGES_KNOWN_IN_CYCLES = Set.of();

    @Test
    void noPackageJoinsACycle() {
        List<Set<String>> groups = PackageCycles.in(taproot, "dev.taproot");
        Set<String> inCycles = new TreeSet<>();
        groups.forEach(inCycles::addAll);
        assertThat(inCycles).as("packages in a cycle; the groups:%n%s", groups)
                .isSubsetOf(PACKAGES_KNOWN_IN_CYCLES);
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
