package org.lumen.cli.quant;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import org.lumen.image.atlas.BrainAtlas;

/** The Colin27/AAL atlas as the command finds it: missing, it fails the test under CI=true (.ci/run installs it), else skips. */
final class AtlasAvailable {
    private AtlasAvailable() {
    }

    static void require() {
        try {
            BrainAtlas.locate(BrainAtlas.searchPath(System.getenv()));
        } catch (IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI must install mricron-data (.ci/run does): " + e.getMessage());
            }
            Assumptions.abort(e.getMessage() + "; skipped outside CI");
        }
    }
}
