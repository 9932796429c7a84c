package org.lumen.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;

/** PS3.15 Basic Profile over every file of the shared corpus, checked element by element at every depth. */
class DeidentifierCorpusTest {
    private static final byte[] SECRET = "corpus test secret, thirty-two b".getBytes(StandardCharsets.US_ASCII);
    private static final int SOP_CLASS_UID = 0x00080016;

    @Test
    void basicProfileLeavesNoListedValueAtAnyDepthAndTheResultStillEncodes() throws Exception {
        UidMapper mapper = new UidMapper(SECRET);
        Deidentifier deidentifier = new Deidentifier(DeidentificationProfile.BASIC.allowingBurnedIn(), mapper,
                DateShifter.keyed(SECRET));
        DeidentificationChecks checks = new DeidentificationChecks(mapper);
        List<Path> files = TestData.dicomCorpus();
        List<String> failures = new ArrayList<>();
        int deidentified = 0;
        int unreadable = 0;
        int privateRemoved = 0;
        for (Path file : files) {
            DicomFile original;
            try {
                original = DicomReader.read(file);
            } catch (DicomParseException e) {
                unreadable++;
                continue;
            }
            Deidentified result = deidentifier.deidentify(original);
            Attributes before = original.dataset();
            Attributes after = result.dataset();
            List<String> problems = checks.basicProfileProblems(before, after);
            if (before.contains(SOP_CLASS_UID) && !DeidentificationChecks.sameValue(before, SOP_CLASS_UID, after)) {
                problems.add("SOP Class UID changed");
            }
            if (before.contains(Tags.PIXEL_DATA) && !DeidentificationChecks.sameValue(before, Tags.PIXEL_DATA, after)) {
                problems.add("pixel data changed");
            }
            if (!"YES".equals(after.getString(0x00120062))) {
                problems.add("Patient Identity Removed is not YES");
            }
            String encoding = DeidentificationChecks.encodingProblem(after, file.toString(),
                    org.lumen.dicom.transcode.Transcoder.sourceSyntax(original));
            if (encoding != null) {
                problems.add("does not read back: " + encoding);
            }
            if (!problems.isEmpty()) {
                failures.add(TestData.dataRoot().relativize(file) + ": " + problems.subList(0, Math.min(5, problems.size())));
            }
            privateRemoved += result.result().count(DeidentificationResult.Outcome.PRIVATE_REMOVED);
            deidentified++;
        }
        System.out.printf("de-identified %d of %d corpus files (%d unreadable), %d elements checked, %d UIDs replaced"
                + " consistently, %d private elements removed%n", deidentified, files.size(), unreadable,
                checks.checkedElements(), checks.uidPairs(), privateRemoved);
        assertThat(failures).isEmpty();
        assertThat(deidentified).isGreaterThan(300);
        assertThat(checks.uidPairs()).isGreaterThan(500);
        assertThat(privateRemoved).isGreaterThan(100);
    }
}
