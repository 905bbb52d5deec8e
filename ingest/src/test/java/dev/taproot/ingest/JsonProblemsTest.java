package dev.taproot.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonProblemsTest {

    @Test
    void jacksonsInternalContextNeverReachesTheReader() {
        var e = catchThrowableOfType(JsonProcessingException.class, () -> new ObjectMapper().readTree("{"));
        assertThat(JsonProblems.describe(e)).isNotBlank().doesNotEndWith("null").doesNotContain("[Source");
        var bad = catchThrowableOfType(JsonProcessingException.class, () -> new ObjectMapper().readTree("{\"a\": x}"));
        assertThat(JsonProblems.describe(bad)).contains("Unrecognized token").doesNotContain("\n");
    }
}
