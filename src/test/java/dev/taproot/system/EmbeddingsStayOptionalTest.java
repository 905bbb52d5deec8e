package dev.taproot.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sentence embeddings were tried and not kept (README, "Sentence embeddings (tried)"): only the
 * retrieval benchmark may reach them, so the application never loads the model or ONNX Runtime
 * (whose jars it does not ship: the dependency is optional in {@code taproot-search}).
 */
class EmbeddingsStayOptionalTest {

    private static JavaClasses taproot;

    @BeforeAll
    static void importClasses() {
        taproot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.taproot");
    }

    @Test
    void onlyTheBenchmarkUsesTheEmbeddingsPackage() {
        noClasses().that().resideOutsideOfPackages("dev.taproot.search.embed..", "dev.taproot.bench..")
                .should().dependOnClassesThat().resideInAPackage("dev.taproot.search.embed..")
                .check(taproot);
    }

    @Test
    void onlyTheEmbeddingsPackageTouchesTheModelRuntime() {
        noClasses().that().resideOutsideOfPackage("dev.taproot.search.embed..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.langchain4j..", "ai.onnxruntime..", "ai.djl..")
                .check(taproot);
    }

    @Test
    void plainRetrievalBenchLoadsNoEmbeddingClass() {
        // `bench retrieval` without --embeddings goes through RetrievalBench alone; EmbeddingRetrieval is
        // reached only when the option is given, so neither the model nor ONNX Runtime loads by default
        noClasses().that().haveSimpleName("RetrievalBench")
                .should().dependOnClassesThat().resideInAPackage("dev.taproot.search.embed..")
                .check(taproot);
    }
}
