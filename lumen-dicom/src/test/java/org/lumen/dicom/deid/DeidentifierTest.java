package org.lumen.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.deid.DeidentificationResult.Outcome;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.testing.TestData;

/** Each option on real files, burned-in annotation, determinism, known values, and folder mode. */
class DeidentifierTest {
    private static final byte[] SECRET = "unit test secret with 32 bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private static final int STUDY_DATE = 0x00080020;
    private static final int SERIES_DATE = 0x00080021;
    private static final int ACQUISITION_DATE = 0x00080022;
    private static final int CONTENT_DATE = 0x00080023;
    private static final int INSTANCE_CREATION_DATE = 0x00080012;
    private static final int STUDY_TIME = 0x00080030;
    private static final int TIMEZONE_OFFSET = 0x00080201;
    private static final int SOP_INSTANCE_UID = 0x00080018;
    private static final int STUDY_INSTANCE_UID = 0x0020000D;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int FRAME_OF_REFERENCE_UID = 0x00200052;
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int PATIENT_SEX = 0x00100040;
    private static final int PATIENT_AGE = 0x00101010;
    private static final int PATIENT_WEIGHT = 0x00101030;
    private static final int STUDY_DESCRIPTION = 0x00081030;
    private static final int INSTITUTION_NAME = 0x00080080;
    private static final int BURNED_IN_ANNOTATION = 0x00280301;
    private static final int LONGITUDINAL_MODIFIED = 0x00280303;
    private static final int METHOD_CODE_SEQUENCE = 0x00120064;
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int EVIDENCE_SEQUENCE = 0x0040A375;
    private static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
    private static final int REFERENCED_SOP_SEQUENCE = 0x00081199;
    private static final int REFERENCED_SOP_INSTANCE_UID = 0x00081155;
    private static final int REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = 0x30060010;
    private static final int STRUCTURE_SET_ROI_SEQUENCE = 0x30060020;
    private static final int REFERENCED_FRAME_OF_REFERENCE_UID = 0x30060024;
    private static final int ROI_NAME = 0x30060026;
    private static final int ROI_DESCRIPTION = 0x30060028;
    private static final int STRUCTURE_SET_LABEL = 0x30060002;
    private static final int STRUCTURE_SET_NAME = 0x30060004;
    private static final int DOSE_REFERENCE_SEQUENCE = 0x300A0010;
    private static final int DOSE_REFERENCE_DESCRIPTION = 0x300A0016;
    private static final int BEAM_SEQUENCE = 0x300A00B0;
    private static final int TREATMENT_MACHINE_NAME = 0x300A00B2;
    private static final int RT_PLAN_LABEL = 0x300A0002;

    private static DicomFile read(String name) throws IOException {
        return DicomReader.read(TestData.dicom(name));
    }

    private static Deidentifier deidentifier(DeidentificationProfile profile, int offsetDays) {
        return new Deidentifier(profile, new UidMapper(SECRET), DateShifter.fixed(offsetDays));
    }

    private static String shifted(String date, int days) {
        return LocalDate.parse(date, DA).plusDays(days).format(DA);
    }

    private static List<String> codeValues(Attributes dataset) {
        List<String> codes = new ArrayList<>();
        for (Attributes item : dataset.getSequence(METHOD_CODE_SEQUENCE)) {
            codes.add(item.getString(0x00080100) + "/" + item.getString(0x00080102));
        }
        return codes;
    }

    @Test
    void modifiedDatesOptionShiftsEveryDateOfCtSmallByThePatientOffset() throws Exception {
        DicomFile ct = read("pydicom/test_files/CT_small.dcm");
        Attributes before = ct.dataset();
        Deidentified result = deidentifier(DeidentificationProfile.basicWith(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES), -1000)
                .deidentify(ct);
        Attributes after = result.dataset();

        for (int tag : new int[] {STUDY_DATE, SERIES_DATE, ACQUISITION_DATE, CONTENT_DATE, INSTANCE_CREATION_DATE}) {
            assertThat(after.getString(tag)).as("%08X", tag).isEqualTo(shifted(before.getString(tag), -1000));
        }
        assertThat(after.getString(STUDY_DATE)).isEqualTo("20010424");
        assertThat(after.getString(STUDY_TIME)).as("whole-day offset keeps the time of day").isEqualTo("072730");
        assertThat(after.contains(TIMEZONE_OFFSET)).as("not a date: the basic X applies").isFalse();
        assertThat(after.getString(LONGITUDINAL_MODIFIED)).isEqualTo("MODIFIED");
        assertThat(codeValues(after)).containsExactly("113100/DCM", "113107/DCM");
        assertThat(result.result().count(Outcome.DATE_SHIFTED)).isGreaterThanOrEqualTo(9);

        Attributes basic = deidentifier(DeidentificationProfile.BASIC, -1000).deidentify(ct).dataset();
        assertThat(basic.containsValue(STUDY_DATE)).as("Z without the option").isFalse();
        assertThat(basic.getString(SERIES_DATE)).as("X/D without the option").isEqualTo(DummyValues.DATE);
        assertThat(basic.getString(LONGITUDINAL_MODIFIED)).isEqualTo("REMOVED");
        assertThat(codeValues(basic)).containsExactly("113100/DCM");
    }

    @Test
    void patientCharacteristicsOptionKeepsSexAgeAndWeight() throws Exception {
        DicomFile mr = read("pydicom/test_files/MR_small.dcm");
        DicomFile ct = read("pydicom/test_files/CT_small.dcm");
        DeidentificationProfile keep = DeidentificationProfile.basicWith(ProfileOption.RETAIN_PATIENT_CHARACTERISTICS);

        Attributes mrKept = deidentifier(keep, 0).deidentify(mr).dataset();
        assertThat(mrKept.getString(PATIENT_SEX)).isEqualTo("F");
        assertThat(mrKept.getString(PATIENT_WEIGHT)).isEqualTo("80.0000");
        Attributes ctKept = deidentifier(keep, 0).deidentify(ct).dataset();
        assertThat(ctKept.getString(PATIENT_AGE)).isEqualTo("000Y");
        assertThat(codeValues(ctKept)).containsExactly("113100/DCM", "113108/DCM");

        Attributes mrBasic = deidentifier(DeidentificationProfile.BASIC, 0).deidentify(mr).dataset();
        assertThat(mrBasic.contains(PATIENT_SEX)).as("Z keeps the element").isTrue();
        assertThat(mrBasic.containsValue(PATIENT_SEX)).isFalse();
        assertThat(mrBasic.contains(PATIENT_WEIGHT)).isFalse();
        assertThat(deidentifier(DeidentificationProfile.BASIC, 0).deidentify(ct).dataset().contains(PATIENT_AGE)).isFalse();
    }

    @Test
    void srNestedEvidenceReferencesFollowTheReferencedCtAndTheContentTreeIsDropped() throws Exception {
        DicomFile sr = read("highdicom/data/test_files/sr_document_with_multiple_groups.dcm");
        DicomFile ct = read("pydicom/test_files/CT_small.dcm");
        Deidentifier deidentifier = Deidentifier.withSecret(
                DeidentificationProfile.basicWith(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES), SECRET);
        Attributes srAfter = deidentifier.deidentify(sr).dataset();
        Attributes ctAfter = deidentifier.deidentify(ct).dataset();

        Attributes evidence = srAfter.getSequence(EVIDENCE_SEQUENCE).get(0);
        Attributes series = evidence.getSequence(REFERENCED_SERIES_SEQUENCE).get(0);
        Attributes sop = series.getSequence(REFERENCED_SOP_SEQUENCE).get(0);
        assertThat(sop.getString(REFERENCED_SOP_INSTANCE_UID)).isEqualTo(ctAfter.getString(SOP_INSTANCE_UID)).startsWith("2.25.");
        assertThat(sop.getString(0x00081150)).as("SOP Class kept").isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(series.getString(SERIES_INSTANCE_UID)).isEqualTo(ctAfter.getString(SERIES_INSTANCE_UID));
        assertThat(evidence.getString(STUDY_INSTANCE_UID)).isEqualTo(ctAfter.getString(STUDY_INSTANCE_UID))
                .isEqualTo(srAfter.getString(STUDY_INSTANCE_UID));
        assertThat(srAfter.getString(STUDY_DATE)).as("same patient, same offset").isEqualTo(ctAfter.getString(STUDY_DATE))
                .isNotEqualTo("20040119");
        assertThat(srAfter.getString(PATIENT_ID)).isEqualTo(ctAfter.getString(PATIENT_ID)).startsWith("ANON");

        Sequence content = srAfter.getSequence(CONTENT_SEQUENCE);
        assertThat(sr.dataset().getSequence(CONTENT_SEQUENCE).size()).isGreaterThan(1);
        assertThat(content.size()).as("D on Content Sequence: one empty item").isEqualTo(1);
        assertThat(content.get(0).isEmpty()).isTrue();
    }

    @Test
    void cleanDescriptorsKeepsRoiNamesFromTheVocabularyAndReplacesTheRest() throws Exception {
        DicomFile rtstruct = read("pydicom/test_files/rtstruct.dcm");
        Attributes clean = deidentifier(DeidentificationProfile.basicWith(ProfileOption.CLEAN_DESCRIPTORS), 0)
                .deidentify(rtstruct).dataset();
        Sequence rois = clean.getSequence(STRUCTURE_SET_ROI_SEQUENCE);
        assertThat(rois.get(0).getString(ROI_NAME)).isEqualTo("patient");
        assertThat(rois.get(1).getString(ROI_NAME)).isEqualTo("Isocenter 1");
        assertThat(rois.get(1).getString(ROI_DESCRIPTION)).isEqualTo("Isocenter Beam 1");
        assertThat(clean.getString(STRUCTURE_SET_LABEL)).as("'sep30' fails: basic D").isEqualTo(DummyValues.TEXT);
        assertThat(clean.contains(STRUCTURE_SET_NAME)).as("'sep30' fails: basic X").isFalse();
        assertThat(codeValues(clean)).containsExactly("113100/DCM", "113105/DCM");

        Attributes basic = deidentifier(DeidentificationProfile.BASIC, 0).deidentify(rtstruct).dataset();
        Attributes roi = basic.getSequence(STRUCTURE_SET_ROI_SEQUENCE).get(1);
        assertThat(roi.containsValue(ROI_NAME)).as("ROI Name is Z").isFalse();
        assertThat(roi.contains(ROI_DESCRIPTION)).isFalse();

        // References into the frame of reference stay consistent at depth 1 and 3.
        Attributes frame = basic.getSequence(REFERENCED_FRAME_OF_REFERENCE_SEQUENCE).get(0);
        assertThat(roi.getString(REFERENCED_FRAME_OF_REFERENCE_UID)).isEqualTo(frame.getString(FRAME_OF_REFERENCE_UID))
                .isEqualTo(new UidMapper(SECRET).map("1.2.826.0.1.3680043.8.498.2010020400001.2"));
        Attributes rtSeries = frame.getSequence(0x30060012).get(0).getSequence(0x30060014).get(0);
        assertThat(rtSeries.getString(SERIES_INSTANCE_UID))
                .isEqualTo(new UidMapper(SECRET).map("1.2.826.0.1.3680043.8.498.2010020400001.2.1.1"));
    }

    @Test
    void implicitVrRtPlanIsCleanedInsideItsSequences() throws Exception {
        DicomFile rtplan = read("pydicom/test_files/rtplan.dcm");
        Deidentified result = deidentifier(DeidentificationProfile.basicWith(ProfileOption.CLEAN_DESCRIPTORS), 0).deidentify(rtplan);
        Attributes after = result.dataset();
        Sequence doses = after.getSequence(DOSE_REFERENCE_SEQUENCE);
        assertThat(doses).isNotNull();
        assertThat(doses.get(0).getString(DOSE_REFERENCE_DESCRIPTION)).isEqualTo("iso");
        assertThat(doses.get(1).getString(DOSE_REFERENCE_DESCRIPTION)).isEqualTo("PTV");
        assertThat(after.getString(RT_PLAN_LABEL)).isEqualTo("Plan1");
        Attributes beam = after.getSequence(BEAM_SEQUENCE).get(0);
        assertThat(beam.getString(INSTITUTION_NAME)).as("X/Z/D inside an item").isEqualTo(DummyValues.TEXT);
        assertThat(beam.contains(TREATMENT_MACHINE_NAME)).isTrue();
        assertThat(beam.containsValue(TREATMENT_MACHINE_NAME)).as("X/Z inside an item").isFalse();
        assertThat(after.getString(PATIENT_ID)).isEqualTo(new UidMapper(SECRET).pseudonym("id00001"));
    }

    @Test
    void burnedInAnnotationIsRefusedUnlessAllowedAndThenReported() throws Exception {
        DicomFile ct = read("pydicom/test_files/CT_small.dcm");
        Attributes flagged = ct.dataset().deepCopy();
        flagged.setString(BURNED_IN_ANNOTATION, VR.CS, "YES");

        assertThatThrownBy(() -> deidentifier(DeidentificationProfile.BASIC, 0).deidentify(ct.fileMeta(), flagged, ct.source()))
                .isInstanceOf(DeidentificationException.class)
                .hasMessageContaining("CT_small.dcm")
                .hasMessageContaining("Burned In Annotation");

        Deidentified passed = deidentifier(DeidentificationProfile.BASIC.allowingBurnedIn(), 0)
                .deidentify(ct.fileMeta(), flagged, ct.source());
        assertThat(passed.result().burnedInAnnotation()).isTrue();
        assertThat(passed.result().warnings()).anyMatch(w -> w.contains("Burned In Annotation (0028,0301) is YES"));
        assertThat(deidentifier(DeidentificationProfile.BASIC, 0).deidentify(ct).result().warnings()).isEmpty();
    }

    @Test
    void ultrasoundWithoutTheBurnedInFlagIsReportedNotRefused() throws Exception {
        DicomFile us = null;
        for (Path file : TestData.dicomCorpus()) {
            DicomFile candidate;
            try {
                candidate = DicomReader.read(file);
            } catch (IOException e) {
                continue;
            }
            if ("US".equals(candidate.dataset().getString(0x00080060)) && !candidate.dataset().contains(BURNED_IN_ANNOTATION)) {
                us = candidate;
                break;
            }
        }
        assertThat(us).as("the corpus holds an ultrasound instance without (0028,0301)").isNotNull();
        DeidentificationResult result = deidentifier(DeidentificationProfile.BASIC, 0).deidentify(us).result();
        assertThat(result.burnedInAnnotation()).isFalse();
        assertThat(result.warnings()).containsExactly(
                "Burned In Annotation (0028,0301) is absent on a US instance: check the pixel data for burned-in text");
    }

    @Test
    void outputIsDeterministicForASecretAndDiffersForAnother() throws Exception {
        for (String name : List.of("pydicom/test_files/CT_small.dcm", "pydicom/test_files/rtplan.dcm",
                "highdicom/data/test_files/sr_document.dcm")) {
            DicomFile file = read(name);
            DeidentificationProfile all = new DeidentificationProfile(
                    java.util.EnumSet.allOf(ProfileOption.class), false);
            Deidentified first = Deidentifier.withSecret(all, SECRET).deidentify(file);
            Deidentified second = Deidentifier.withSecret(all, SECRET.clone()).deidentify(read(name));
            assertThat(first.dataset().firstDifference(second.dataset())).as(name).isNull();
            assertThat(first.fileMeta().firstDifference(second.fileMeta())).as(name).isNull();
            assertThat(first.result()).isEqualTo(second.result());

            byte[] otherSecret = "a different secret of 32 bytes!!".getBytes(StandardCharsets.US_ASCII);
            Attributes other = Deidentifier.withSecret(all, otherSecret).deidentify(file).dataset();
            assertThat(other.getString(SOP_INSTANCE_UID)).isNotEqualTo(first.dataset().getString(SOP_INSTANCE_UID));
        }
    }

    @Test
    void knownValuesPatientNameIsTheDummyAndDatesMoveByExactlyThePatientsOffset() throws Exception {
        DicomFile ct = read("pydicom/test_files/CT_small.dcm");
        DateShifter keyed = DateShifter.keyed(SECRET);
        List<String> keys = new ArrayList<>();
        DateShifter recording = key -> {
            keys.add(key);
            return keyed.offsetDays(key);
        };
        Deidentifier deidentifier = new Deidentifier(
                DeidentificationProfile.basicWith(ProfileOption.RETAIN_LONGITUDINAL_MODIFIED_DATES), new UidMapper(SECRET), recording);
        Deidentified result = deidentifier.deidentify(ct);
        Attributes after = result.dataset();

        assertThat(ct.dataset().getString(PATIENT_NAME)).isEqualTo("CompressedSamples^CT1");
        assertThat(after.getString(PATIENT_NAME)).isEqualTo(DummyValues.TEXT);
        int offset = keyed.offsetDays(keys.get(0));
        assertThat(offset).isBetween(DateShifter.DEFAULT_MIN_DAYS, DateShifter.DEFAULT_MAX_DAYS);
        assertThat(after.getString(STUDY_DATE)).isEqualTo(shifted("20040119", offset));
        assertThat(after.getString(CONTENT_DATE)).isEqualTo(shifted("19970430", offset));
        assertThat(after.getString(SOP_INSTANCE_UID)).isEqualTo(new UidMapper(SECRET).map(ct.dataset().getString(SOP_INSTANCE_UID)));
        assertThat(result.fileMeta().getString(0x00020003)).isEqualTo(after.getString(SOP_INSTANCE_UID));
        assertThat(after.getString(STUDY_DESCRIPTION)).as("X without Clean Descriptors").isNull();
        assertThat(result.result().toString()).doesNotContain("CompressedSamples", "1CT1", "20040119", "1.3.6.1.4.1.5962");
    }

    @Test
    void folderModeKeepsTheStructureAndReportsWhatItSkipped(@TempDir Path temp) throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Files.createDirectories(in.resolve("ct/series1"));
        Files.createDirectories(in.resolve("mr"));
        Files.copy(TestData.dicom("pydicom/test_files/CT_small.dcm"), in.resolve("ct/series1/IM0001"));
        Files.copy(TestData.dicom("pydicom/test_files/MR_small.dcm"), in.resolve("mr/IM0001"));
        Files.copy(TestData.dicom("pydicom/test_files/rtplan.dcm"), in.resolve("mr/IM0002"));
        Files.writeString(in.resolve("notes.txt"), "not DICOM");
        Path out = temp.resolve("out");
        Map<Path, Attributes> written = new LinkedHashMap<>();

        TreeResult result = deidentifier(DeidentificationProfile.BASIC, 0)
                .deidentifyTree(in, out, (target, meta, dataset, syntax) -> written.put(target, dataset));

        assertThat(written.keySet()).containsExactly(out.resolve("ct/series1/IM0001"), out.resolve("mr/IM0001"),
                out.resolve("mr/IM0002"));
        assertThat(result.written()).isEqualTo(3);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.refused()).isZero();
        assertThat(result.problems()).containsExactly("notes.txt: not a readable DICOM file, skipped");
        assertThat(result.totals().get(Outcome.UID_REPLACED)).isGreaterThan(6);
        assertThat(written.values()).allSatisfy(dataset -> assertThat(dataset.getString(0x00120062)).isEqualTo("YES"));
    }
}
