package org.lumen.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.testing.TestData;

/** The radiomics benchmark runs and reports a line per configuration and thread count (its figures are not checked). */
class RadiomicsBenchTest {
    @Test
    void oneQuickPassReportsEachConfigurationAndThreadCount() {
        String ct = "ibsi/ibsi_1_ct_radiomics_phantom/nifti/";
        Cli.Result run = Cli.run("bench", "radiomics", "--image", TestData.data(ct + "image/phantom.nii.gz").toString(),
                "--mask", TestData.data(ct + "mask/mask.nii.gz").toString(), "--configs", "A,C", "--threads", "1,2",
                "--repeat", "1", "--warmup", "0");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).containsPattern("(?m)^A\\s+1\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}")
                .containsPattern("(?m)^A\\s+2\\s").containsPattern("(?m)^C\\s+1\\s").containsPattern("(?m)^C\\s+2\\s");
    }
}
