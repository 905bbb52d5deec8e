package dev.taproot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.taproot.rules.pack.RulePack;

class BuiltInPackTest {

    @Test
    void builtInPackHasAtLeastFortyRulesAcrossTheAreas() {
        RulePack pack = RulePack.builtIn();
        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(pack.countsByCategory().keySet())
                .contains("kubernetes", "change", "propagation", "resource", "network", "datastore", "node");
        assertThat(pack.rules()).allSatisfy(r -> assertThat(r.id()).matches("[a-z0-9-]+\\.[a-z0-9-]+"));
    }
}
