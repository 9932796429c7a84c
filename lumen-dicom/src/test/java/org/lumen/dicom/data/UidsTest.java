package org.lumen.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UidsTest {
    @Test
    void newUidsAreValidDistinct225Uids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String uid = Uids.newUid();
            assertThat(uid).startsWith("2.25.").hasSizeLessThanOrEqualTo(64).matches("2\\.25\\.(0|[1-9][0-9]*)");
            assertThat(seen.add(uid)).as("repeated %s", uid).isTrue();
        }
    }
}
