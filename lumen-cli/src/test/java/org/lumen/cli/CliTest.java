package org.lumen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;

/** The command line in the exact forms that outside tests use, with their exit codes and messages. */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path tmp;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private int run(String... args) {
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String ct() {
        return TestData.dicom("pydicom/test_files/CT_small.dcm").toString();
    }

    @Test
    void dumpListsElementsWithKeywords() {
        assertThat(run("dicom", "dump", ct())).isZero();
        assertThat(stdout()).contains("(0010,0010) PN [CompressedSamples^CT1]").contains("PatientName")
                .contains("(7FE0,0010) OW (not loaded");
    }

    @Test
    void dumpJsonIsTheDicomJsonModelWithoutMetaAndWithPixelDataByReference() throws Exception {
        for (String name : new String[] {"pydicom/test_files/CT_small.dcm", "pydicom/test_files/JPEG2000.dcm"}) {
            out.reset();
            String file = TestData.dicom(name).toString();
            assertThat(run("dicom", "dump", file, "--json")).isZero();
            Attributes fromJson = new org.lumen.dicom.json.DicomJsonReader().read(stdout());
            Attributes original = DicomReader.read(Path.of(file), ReadOptions.INCLUDE_ALL).dataset();
            assertThat(java.util.Arrays.stream(fromJson.tags()).noneMatch(t -> (t >>> 16) == 0x0002)).isTrue();
            assertThat(stdout()).contains("\"7FE00010\"").containsPattern("\"BulkDataURI\" : \"file:[^\"]+\"");
            assertThat(fromJson.contains(Tag.PixelData)).isTrue();
            for (int tag : fromJson.tags()) {
                if (fromJson.value(tag) instanceof org.lumen.dicom.data.BulkDataUri) {
                    fromJson.remove(tag);
                    original.remove(tag);
                }
            }
            assertThat(fromJson.firstDifference(original)).isNull();
        }
    }

    @Test
    void badInputExitsTwoWithOneLineNamingFileOffsetAndTag() throws Exception {
        Path truncated = TestData.dicom("pydicom/test_files/rtplan_truncated.dcm");
        assertThat(run("dicom", "dump", truncated.toString())).isEqualTo(2);
        assertThat(stderr().strip().lines()).hasSize(1);
        assertThat(stderr()).contains(truncated.toString()).containsPattern("byte offset \\d+, tag \\(300A,[0-9A-F]{4}\\)");
    }

    @Test
    void missingFileAndBadUsageExitTwo() {
        assertThat(run("dicom", "dump", tmp.resolve("absent.dcm").toString())).isEqualTo(2);
        assertThat(stderr()).contains("no such file");
        assertThat(run("dicom", "transcode", ct())).isEqualTo(2);
        assertThat(run("dicom", "render", ct(), tmp.resolve("x.png").toString(), "--window", "40")).isEqualTo(2);
    }

    @Test
    void transcodeRewritesInEveryNativeSyntaxAndKeepsTheDataset() throws Exception {
        Attributes original = DicomReader.read(Path.of(ct()), ReadOptions.INCLUDE_ALL).dataset();
        for (String ts : new String[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}) {
            Path target = tmp.resolve(ts + ".dcm");
            assertThat(run("dicom", "transcode", ct(), target.toString(), "--ts", ts)).isZero();
            DicomFile back = DicomReader.read(target, ReadOptions.INCLUDE_ALL);
            assertThat(back.fileMeta().getString(Tag.TransferSyntaxUID)).isEqualTo(ts);
            assertThat(back.dataset().firstDifference(original)).isNull();
        }
    }

    @Test
    void transcodeDecodesRleToNative() throws Exception {
        Path target = tmp.resolve("rle-decoded.dcm");
        String rle = TestData.dicom("pydicom/test_files/MR_small_RLE.dcm").toString();
        String raw = TestData.dicom("pydicom/test_files/MR_small.dcm").toString();
        assertThat(run("dicom", "transcode", rle, target.toString(), "--ts", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).isZero();
        byte[] decoded = DicomReader.read(target, ReadOptions.INCLUDE_ALL).dataset().getBytes(Tag.PixelData);
        byte[] expected = DicomReader.read(Path.of(raw), ReadOptions.INCLUDE_ALL).dataset().getBytes(Tag.PixelData);
        assertThat(decoded).isEqualTo(expected);
    }

    @Test
    void transcodeEncodesRleAndBackExactly() throws Exception {
        Path rle = tmp.resolve("rle.dcm");
        Path back = tmp.resolve("back.dcm");
        assertThat(run("dicom", "transcode", ct(), rle.toString(), "--ts", TransferSyntax.RLE_LOSSLESS)).isZero();
        assertThat(DicomReader.read(rle).dataset().getFragments(Tag.PixelData)).isNotNull();
        assertThat(run("dicom", "transcode", rle.toString(), back.toString(), "--ts", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .isZero();
        byte[] expected = DicomReader.read(Path.of(ct()), ReadOptions.INCLUDE_ALL).dataset().getBytes(Tag.PixelData);
        assertThat(java.util.Arrays.equals(DicomReader.read(back, ReadOptions.INCLUDE_ALL).dataset().getBytes(Tag.PixelData),
                expected)).isTrue();
    }

    @Test
    void transcodeToACompressedSyntaxWithoutEncoderIsRefusedClearly() {
        // HTJ2K: no encoder is planned for it (JPEG-LS, which this test used, now has one)
        assertThat(run("dicom", "transcode", ct(), tmp.resolve("x.dcm").toString(), "--ts", "1.2.840.10008.1.2.4.201"))
                .isEqualTo(2);
        assertThat(stderr()).contains("No encoder for High-Throughput JPEG 2000");
        assertThat(Files.exists(tmp.resolve("x.dcm"))).isFalse();
    }

    @Test
    void renderWritesAPngOfTheImageSize() throws Exception {
        Path png = tmp.resolve("ct.png");
        assertThat(run("dicom", "render", ct(), png.toString(), "--window", "40,400")).isZero();
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(128);
        assertThat(run("dicom", "render", ct(), png.toString(), "--frame", "2")).isEqualTo(2);
        assertThat(stderr()).contains("frame 2 does not exist");
    }

    @Test
    void toNiftiWritesTheIbsiCtPhantomSeriesEqualToItsNiftiTwin() throws Exception {
        Path out = tmp.resolve("ct.nii.gz");
        Path series = TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/dicom/image");
        assertThat(run("dicom", "to-nifti", series.toString(), out.toString())).isZero();
        var written = org.lumen.image.nifti.NiftiReader.read(out);
        var twin = org.lumen.image.nifti.NiftiReader.read(TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/nifti/image/phantom.nii.gz"));
        assertThat(new int[] {written.nx(), written.ny(), written.nz()}).containsExactly(204, 201, 60);
        assertThat(java.util.Arrays.mismatch(written.data(), twin.data())).isEqualTo(-1);
        assertThat(written.geometry().origin().x()).isCloseTo(twin.geometry().origin().x(), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(run("dicom", "to-nifti", tmp.toString(), tmp.resolve("empty.nii").toString())).isEqualTo(2);
    }

    /** Compressed slices reach volume building through the codecs: the phantom as JPEG-LS gives the same volume. */
    @Test
    void toNiftiOfACompressedSeriesEqualsTheNativeOne() throws Exception {
        Path series = TestData.data("ibsi/ibsi_1_ct_radiomics_phantom/dicom/image");
        Path compressed = Files.createDirectories(tmp.resolve("jls"));
        try (var files = Files.list(series)) {
            for (Path slice : files.toList()) {
                assertThat(run("dicom", "transcode", slice.toString(), compressed.resolve(slice.getFileName()).toString(),
                        "--ts", TransferSyntax.JPEG_LS_LOSSLESS)).isZero();
            }
        }
        assertThat(run("dicom", "to-nifti", series.toString(), tmp.resolve("native.nii").toString())).isZero();
        assertThat(run("dicom", "to-nifti", compressed.toString(), tmp.resolve("jls.nii").toString())).isZero();
        var fromNative = org.lumen.image.nifti.NiftiReader.read(tmp.resolve("native.nii"));
        var fromJls = org.lumen.image.nifti.NiftiReader.read(tmp.resolve("jls.nii"));
        assertThat(java.util.Arrays.mismatch(fromNative.data(), fromJls.data())).isEqualTo(-1);
    }

    /** Rendering decodes through the codecs: a JPEG 2000 image renders to the same PNG as its uncompressed twin. */
    @Test
    void renderOfACompressedImageEqualsItsUncompressedTwin() throws Exception {
        Path fromJ2k = tmp.resolve("j2k.png");
        Path fromNative = tmp.resolve("native.png");
        assertThat(run("dicom", "render", TestData.dicom("pydicom-data/MR2_J2KR.dcm").toString(), fromJ2k.toString())).isZero();
        assertThat(run("dicom", "render", TestData.dicom("pydicom-data/MR2_UNCR.dcm").toString(), fromNative.toString())).isZero();
        var a = ImageIO.read(fromJ2k.toFile());
        var b = ImageIO.read(fromNative.toFile());
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(java.util.Arrays.mismatch(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()))).isEqualTo(-1);
    }

    @Test
    void deidentifyReplacesIdentityAndRecordsTheProfile() throws Exception {
        Path target = tmp.resolve("deid.dcm");
        Path key = tmp.resolve("key");
        assertThat(run("dicom", "deidentify", ct(), target.toString(), "--option", "retain-patient-characteristics",
                "--key-file", key.toString())).isZero();
        Attributes before = DicomReader.read(Path.of(ct()), ReadOptions.DEFAULT).dataset();
        Attributes after = DicomReader.read(target, ReadOptions.DEFAULT).dataset();
        assertThat(after.getString(Tag.PatientName)).isNotEqualTo(before.getString(Tag.PatientName));
        assertThat(after.getString(Tag.StudyInstanceUID)).isNotEqualTo(before.getString(Tag.StudyInstanceUID));
        assertThat(after.getString(Tag.PatientIdentityRemoved)).isEqualTo("YES");
        assertThat(after.getString(Tag.PatientSex)).isEqualTo(before.getString(Tag.PatientSex));
        assertThat(run("dicom", "deidentify", ct(), target.toString(), "--option", "nonsense", "--key-file", key.toString()))
                .isEqualTo(2);
    }

    @Test
    void deidentifyRefusesBurnedInAnnotation() throws Exception {
        Attributes ds = DicomReader.read(Path.of(ct()), ReadOptions.INCLUDE_ALL).dataset();
        ds.setString(Tag.BurnedInAnnotation, org.lumen.dicom.data.VR.CS, "YES");
        Path burned = tmp.resolve("burned.dcm");
        org.lumen.dicom.io.DicomWriter.write(burned, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(run("dicom", "deidentify", burned.toString(), tmp.resolve("o.dcm").toString(), "--key-file",
                tmp.resolve("key").toString())).isEqualTo(2);
        assertThat(stderr()).contains("Burned In Annotation");
        assertThat(Files.exists(tmp.resolve("o.dcm"))).isFalse();
    }
}
