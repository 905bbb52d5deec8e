package dev.taproot.rules.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SymptomFamiliesTest {

    @Test
    void theTextSelectsTheSignalFamiliesItNames() {
        assertThat(SymptomFamilies.of("checkout latency is high").types()).containsExactly("HighLatency");
        assertThat(SymptomFamilies.of("PetSite availability (Average) is anomalous").types())
                .contains("ErrorRate", "Unavailable").doesNotContain("HighLatency");
        assertThat(SymptomFamilies.of("something is off").types()).isEmpty();
        assertThat(SymptomFamilies.of(null)).isEqualTo(SymptomFamilies.ALL);
    }
}
