package org.lumen.cli.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.cli.testing.Cli;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonReader;
import org.lumen.dicom.testing.TestData;

/**
 * What {@code lumen dicom find|move|get} must do against any query/retrieve SCP holding {@link #FILES}: each subclass starts
 * a real peer (Orthanc, dcmqrscp, a Lumen node), loads the files, and names a move destination (a storescp it runs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryRetrieveScuContract {
    static final List<String> FILES = List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm");
    static final String CT_STUDY = "1.3.6.1.4.1.5962.1.2.1.20040119072730.12322";
    static final String MR_STUDY = "1.3.6.1.4.1.5962.1.2.4.20040826185059.5457";
    static final String MR_SERIES = "1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457";
    static final String RTPLAN_INSTANCE = "1.2.777.777.77.7.7777.7777.20030903150023";

    @TempDir
    Path tmp;

    /** HOST PORT -aec AET (and -aet when the peer checks it). */
    abstract List<String> peer();

    abstract String moveDestination();

    /** Where the move destination writes what it receives. */
    abstract Path moveDestinationDir();

    static List<Path> sources() {
        return FILES.stream().map(f -> TestData.dicom("pydicom/test_files/" + f)).toList();
    }

    Cli.Result lumen(String command, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("dicom", command));
        all.addAll(peer());
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void echo() {
        Cli.Result r = lumen("echo");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Success");
    }

    @Test
    void findStudyRootStudyLevelByPatientName() {
        Cli.Result r = lumen("find", "-S", "-k", "PatientName=CompressedSamples^CT1", "-k", "StudyInstanceUID", "-k", "PatientID");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("# Match 1").doesNotContain("# Match 2").contains(CT_STUDY).contains("[1CT1]");
        assertThat(r.stderr()).contains("1 match, final status Success");
    }

    @Test
    void findPatientRootWithWildcard() {
        Cli.Result r = lumen("find", "-P", "-k", "PatientName=CompressedSamples*", "-k", "PatientID");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("# Match 2").doesNotContain("# Match 3").contains("[1CT1]").contains("[4MR1]");
    }

    @Test
    void findSeriesAsDicomJson() throws Exception {
        Cli.Result r = lumen("find", "--level", "SERIES", "-k", "StudyInstanceUID=" + MR_STUDY, "-k", "(0020,000E)",
                "-k", "Modality", "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<Attributes> matches = new DicomJsonReader().readList(r.stdout().getBytes(StandardCharsets.UTF_8));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).getString(Tag.SeriesInstanceUID)).isEqualTo(MR_SERIES);
        assertThat(matches.get(0).getString(Tag.Modality)).isEqualTo("MR");
    }

    @Test
    void moveAStudyToTheDestination() throws Exception {
        Cli.Result r = lumen("move", "-S", "--dest", moveDestination(), "-k", "StudyInstanceUID=" + CT_STUDY);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("final status Success: 1 completed, 0 failed");
        Map<String, Attributes> received = ReceivedInstances.instancesIn(moveDestinationDir());
        Attributes source = read(sources().get(0));
        Attributes got = received.get(source.getString(Tag.SOPInstanceUID));
        assertThat(got).as("moved CT").isNotNull();
        assertThat(got.getBytes(Tag.PixelData)).isEqualTo(source.getBytes(Tag.PixelData));
    }

    @Test
    void getStoresPart10FilesEqualToTheSources() throws Exception {
        Path out = tmp.resolve("got");
        Cli.Result r = lumen("get", "-S", "-k", "StudyInstanceUID=" + MR_STUDY, "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("Wrote 1 instance").contains("final status Success: 1 completed, 0 failed");
        Attributes source = read(sources().get(1));
        Path file = out.resolve(source.getString(Tag.SOPInstanceUID) + ".dcm");
        DicomFile got = DicomReader.read(file, ReadOptions.INCLUDE_ALL);
        assertThat(got.hasPreamble()).isTrue();
        assertThat(got.fileMeta().getString(Tag.MediaStorageSOPInstanceUID)).isEqualTo(source.getString(Tag.SOPInstanceUID));
        assertThat(got.dataset().getBytes(Tag.PixelData)).isEqualTo(source.getBytes(Tag.PixelData));
        assertThat(got.dataset().getString(Tag.PatientName)).isEqualTo("CompressedSamples^MR1");
        assertThat(Files.list(out).filter(p -> p.getFileName().toString().startsWith(".")).count()).isZero();
    }

    @Test
    void getPatientRootImageLevel() throws Exception {
        Path out = tmp.resolve("got-p");
        Cli.Result r = lumen("get", "-P", "--level", "IMAGE", "-k", "PatientID=id00001", "-k", "StudyInstanceUID=1.22.333.4.555555.6.7777777777777777777777777777",
                "-k", "SeriesInstanceUID=1.2.333.444.55.6.7777.8888", "-k", "SOPInstanceUID=" + RTPLAN_INSTANCE, "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(out.resolve(RTPLAN_INSTANCE + ".dcm")).exists();
        Attributes got = read(out.resolve(RTPLAN_INSTANCE + ".dcm"));
        assertThat(got.getString(Tag.SOPClassUID)).isEqualTo("1.2.840.10008.5.1.4.1.1.481.5");
    }

    @Test
    void unknownMoveDestinationIsAFailure() {
        Cli.Result r = lumen("move", "-S", "--dest", "NOSUCHAE", "-k", "StudyInstanceUID=" + CT_STUDY);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("lumen: C-MOVE to NOSUCHAE").contains("Failure");
    }

    static Attributes read(Path file) throws java.io.IOException {
        Attributes ds = DicomReader.read(file, ReadOptions.INCLUDE_ALL).dataset();
        ds.remove(0xFFFCFFFC);
        return ds;
    }
}
