package org.warroom.indexer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.testkit.Architecture;

/** The module's compiled classes keep the architecture: no package cycles, no import of another service. */
class ArchitectureTest {
    @Test
    @DisplayName("no package cycles and no import of another service, a tool or test code")
    void shouldKeepTheArchitecture() {
        Architecture.check("indexer");
    }
}
