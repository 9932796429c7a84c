package org.lumen.cli.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.cli.BadInputException;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;

/** findscu-style -k keys: keywords, gggg,eeee, return keys, value lists and sequence paths. */
class QueryKeysTest {
    @Test
    void keywordsTagsAndReturnKeys() {
        Attributes keys = QueryKeys.apply(new Attributes(),
                List.of("PatientName=Doe*", "0020,000D", "(0008,0061)=CT\\MR", "StudyDate=20200101-20201231"));
        assertThat(keys.getString(Tag.PatientName)).isEqualTo("Doe*");
        assertThat(keys.vr(Tag.PatientName)).isEqualTo(VR.PN);
        assertThat(keys.contains(Tag.StudyInstanceUID)).isTrue();
        assertThat(keys.containsValue(Tag.StudyInstanceUID)).isFalse();
        assertThat(keys.getStrings(Tag.ModalitiesInStudy)).containsExactly("CT", "MR");
        assertThat(keys.getString(Tag.StudyDate)).isEqualTo("20200101-20201231");
    }

    @Test
    void sequencePathsBuildItems() {
        Attributes keys = QueryKeys.apply(new Attributes(), List.of("ScheduledProcedureStepSequence[0].Modality=CT",
                "ScheduledProcedureStepSequence.ScheduledStationAETitle", "ReferencedStudySequence",
                "ScheduledProcedureStepSequence[1].Modality=MR"));
        var sps = keys.getSequence(Tag.ScheduledProcedureStepSequence);
        assertThat(sps.size()).isEqualTo(2);
        assertThat(sps.get(0).getString(Tag.Modality)).isEqualTo("CT");
        assertThat(sps.get(0).contains(Tag.ScheduledStationAETitle)).isTrue();
        assertThat(sps.get(1).getString(Tag.Modality)).isEqualTo("MR");
        assertThat(keys.getSequence(Tag.ReferencedStudySequence).isEmpty()).isTrue();
    }

    @Test
    void badKeysNameThemselves() {
        assertThatThrownBy(() -> QueryKeys.apply(new Attributes(), "PatientNam=X")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown keyword 'PatientNam'");
        assertThatThrownBy(() -> QueryKeys.apply(new Attributes(), "PatientName.Modality=X"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("PatientName is not a sequence");
        assertThatThrownBy(() -> QueryKeys.apply(new Attributes(), "ReferencedStudySequence=X"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("a sequence takes no value");
    }

    @Test
    void aBadKeyOnTheCommandLineIsExitTwo() {
        Cli.Result r = Cli.run("dicom", "find", "127.0.0.1", "1", "-k", "NoSuchKeyword=1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr()).contains("unknown keyword 'NoSuchKeyword'");
        Cli.Result level = Cli.run("dicom", "find", "127.0.0.1", "104", "--level", "FRAME");
        assertThat(level.exitCode()).isEqualTo(2);
        Cli.Result both = Cli.run("dicom", "find", "127.0.0.1", "104", "-P", "-S");
        assertThat(both.exitCode()).isEqualTo(2);
    }
}
