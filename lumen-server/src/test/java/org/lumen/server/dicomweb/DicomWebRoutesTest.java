package org.lumen.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonReader;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.TestData;
import org.lumen.dicom.transcode.Transcoder;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;

/**
 * The routes over HTTP on the real archive (embedded H2 in a temporary folder): STOW-RS then WADO-RS back, metadata, frames, rendered, WADO-URI, CORS
 * and error bodies. (QIDO against the real archive and Orthanc: {@code QidoAgainstOrthancTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DicomWebRoutesTest {
    static final String ORIGIN = "http://viewer.test";
    static final List<String> CORPUS = List.of("pydicom/test_files/CT_small.dcm", "pydicom/test_files/MR_small.dcm",
            "pydicom/test_files/waveform_ecg.dcm", "pydicom/test_files/JPEG2000.dcm", "pydicom/test_files/JPGExtended.dcm",
            "pydicom/test_files/SC_rgb_rle_2frame.dcm", "pydicom-data/emri_small_jpeg_ls_lossless.dcm",
            "pydicom/test_files/liver_1frame.dcm", "pydicom/test_files/examples_palette.dcm", "pydicom/test_files/test-SR.dcm",
            "pydicom/test_files/image_dfl.dcm", "pydicom/test_files/ExplVR_BigEnd.dcm", "pydicom-data/JPEG-LL.dcm",
            "pydicom-data/gdcm-US-ALOKA-16_big.dcm");

    @TempDir
    static Path storage;
    Archive archive;
    Javalin app;
    WebClient client;
    HttpResponse<byte[]> stowResponse;
    Attributes stowResult;

    @BeforeAll
    void start() throws Exception {
        archive = Archive.open(ArchiveConfig.of(storage));
        DicomWebBackend backend = new ArchiveBackend(archive);
        DicomWebConfig config = DicomWebConfig.DEFAULT.withAllowedOrigins(List.of(ORIGIN));
        app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, backend, config)).start("127.0.0.1", 0);
        client = new WebClient("http://127.0.0.1:" + app.port() + "/dicom-web");
        List<byte[]> parts = new ArrayList<>(WebClient.read(files()));
        parts.add(3, "this part is not DICOM at all".getBytes(StandardCharsets.US_ASCII));
        WebClient.Body body = WebClient.stowBody(parts);
        stowResponse = client.post("/studies", body.bytes(), "Content-Type", body.contentType(), "Accept",
                "application/dicom+json");
        stowResult = new DicomJsonReader().read(new String(stowResponse.body(), StandardCharsets.UTF_8));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (archive != null) {
            archive.close();
        }
    }

    static List<Path> files() {
        return CORPUS.stream().map(TestData::dicom).toList();
    }

    static DicomFile read(Path p) throws IOException {
        return DicomReader.read(p, ReadOptions.INCLUDE_ALL);
    }

    @Test
    void stowStoresEveryGoodPartAndNamesTheBadOneWith202() throws IOException {
        assertThat(stowResponse.statusCode()).isEqualTo(202);
        Sequence referenced = stowResult.getSequence(Tag.ReferencedSOPSequence);
        Sequence failed = stowResult.getSequence(Tag.FailedSOPSequence);
        assertThat(referenced.size()).isEqualTo(CORPUS.size());
        assertThat(failed.size()).isEqualTo(1);
        assertThat(failed.get(0).getInt(Tag.FailureReason, -1)).isEqualTo(StowHandler.CANNOT_UNDERSTAND);
        Set<String> expected = new HashSet<>();
        for (Path f : files()) {
            expected.add(read(f).dataset().getString(Tag.SOPInstanceUID));
        }
        Set<String> stored = new HashSet<>();
        for (Attributes item : referenced) {
            stored.add(item.getString(Tag.ReferencedSOPInstanceUID));
            assertThat(item.getString(Tag.RetrieveURL)).startsWith(client.base() + "/studies/");
        }
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void stowOfAnotherStudyToAStudyPathFailsThatInstanceWith409() throws Exception {
        WebClient.Body body = WebClient.stowBody(WebClient.read(List.of(TestData.dicom("pydicom/test_files/CT_small.dcm"))));
        HttpResponse<byte[]> r = client.post("/studies/1.2.3.4", body.bytes(), "Content-Type", body.contentType());
        assertThat(r.statusCode()).isEqualTo(409);
        Attributes result = new DicomJsonReader().read(new String(r.body(), StandardCharsets.UTF_8));
        assertThat(result.getSequence(Tag.FailedSOPSequence).get(0).getInt(Tag.FailureReason, -1))
                .isEqualTo(StowHandler.STUDY_MISMATCH);
        HttpResponse<byte[]> xml = client.post("/studies/1.2.3.4", body.bytes(), "Content-Type", body.contentType(),
                "Accept", "application/dicom+xml");
        assertThat(xml.statusCode()).isEqualTo(409);
        Attributes xmlResult = new org.lumen.dicom.xml.NativeXmlReader().read(xml.body());
        assertThat(xmlResult.getSequence(Tag.FailedSOPSequence).get(0).getInt(Tag.FailureReason, -1))
                .isEqualTo(StowHandler.STUDY_MISMATCH);
        HttpResponse<byte[]> wrongType = client.post("/studies", body.bytes(), "Content-Type", "application/dicom");
        assertThat(wrongType.statusCode()).isEqualTo(415);
    }

    @Test
    void aBodyRefusedBeforeItIsReadStillGetsItsAnswer() throws Exception {
        // The refusal comes before the body is read; unread data left at close would reset the connection and could
        // discard the answer (seen once in CI as "header parser received no bytes").
        WebClient.Body body = WebClient.stowBody(WebClient.read(List.of(TestData.dicom("pydicom/test_files/CT_small.dcm"))));
        byte[] large = new byte[8 * 1024 * 1024];
        for (int i = 0; i < 20; i++) {
            assertThat(client.post("/studies/1.2.3.4", body.bytes(), "Content-Type", body.contentType()).statusCode())
                    .isEqualTo(409);
            assertThat(client.post("/studies", i % 2 == 0 ? large : body.bytes(), "Content-Type", "application/dicom")
                    .statusCode()).isEqualTo(415);
        }
    }

    @Test
    void aBodyCutInsideAPartKeepsTheInstancesBeforeIt() throws Exception {
        WebClient.Body body = WebClient.stowBody(WebClient.read(List.of(TestData.dicom("pydicom/test_files/CT_small.dcm"),
                TestData.dicom("pydicom/test_files/MR_small.dcm"))));
        byte[] cut = java.util.Arrays.copyOf(body.bytes(), body.bytes().length - 5000);
        HttpResponse<byte[]> r = client.post("/studies", cut, "Content-Type", body.contentType());
        assertThat(r.statusCode()).isEqualTo(202);
        Attributes result = new DicomJsonReader().read(new String(r.body(), StandardCharsets.UTF_8));
        assertThat(result.getSequence(Tag.ReferencedSOPSequence).size()).isEqualTo(1);
        assertThat(result.getSequence(Tag.FailedSOPSequence).size()).isEqualTo(1);
        assertThat(client.post("/studies", new byte[100], "Content-Type", body.contentType()).statusCode()).isEqualTo(400);
    }

    @Test
    void wadoRsAsStoredGivesBackTheSameDataSetsAndDefaultSyntaxTheSamePixels() throws Exception {
        for (Path f : files()) {
            DicomFile original = read(f);
            Attributes ds = original.dataset();
            String instancePath = "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                    + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID);
            HttpResponse<byte[]> r = client.get(instancePath, "Accept",
                    "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
            assertThat(r.statusCode()).as(f.toString()).isEqualTo(200);
            List<WebClient.Part> parts = WebClient.parts(r);
            assertThat(parts).hasSize(1);
            DicomFile back = DicomReader.read(parts.get(0).body(), "wado", ReadOptions.INCLUDE_ALL);
            assertThat(back.dataset().firstDifference(ds)).as(f.toString()).isNull();

            // No transfer-syntax: Explicit VR Little Endian, the same pixel values after decoding.
            HttpResponse<byte[]> ele = client.get(instancePath, "Accept", "multipart/related; type=\"application/dicom\"");
            assertThat(ele.statusCode()).as(f.toString()).isEqualTo(200);
            WebClient.Part part = WebClient.parts(ele).get(0);
            assertThat(part.contentType()).isEqualTo("application/dicom; transfer-syntax=1.2.840.10008.1.2.1");
            DicomFile native_ = DicomReader.read(part.body(), "wado", ReadOptions.INCLUDE_ALL);
            assertThat(native_.transferSyntax().uid()).isEqualTo("1.2.840.10008.1.2.1");
            if (ds.contains(Tag.PixelData) && !Transcoder.sourceSyntax(original).lossy()) {
                PixelData a = PixelData.of(original);
                PixelData b = PixelData.of(native_);
                for (int k = 0; k < a.frameCount(); k++) {
                    assertThat(b.frameBytes(k)).as("%s frame %d", f, k).isEqualTo(a.frameBytes(k));
                }
            }
        }
    }

    @Test
    void studyAndSeriesRetrievalHoldEveryInstance() throws Exception {
        Attributes ds = read(TestData.dicom("pydicom/test_files/JPEG2000.dcm")).dataset();
        HttpResponse<byte[]> r = client.get("/studies/" + ds.getString(Tag.StudyInstanceUID), "Accept",
                "multipart/related; type=\"application/dicom\"; transfer-syntax=*");
        assertThat(r.statusCode()).isEqualTo(200);
        // JPEG2000.dcm, JPGExtended.dcm and JPEG-LL.dcm share their study.
        assertThat(WebClient.parts(r)).hasSize(3);
    }

    @Test
    void metadataEqualsOurDicomJsonWithBulkDataUris() throws Exception {
        Path f = TestData.dicom("pydicom/test_files/CT_small.dcm");
        Attributes ds = read(f).dataset();
        String instanceUrl = client.base() + "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID);
        HttpResponse<byte[]> r = client.get(instanceUrl + "/metadata", "Accept", "application/dicom+json");
        assertThat(r.statusCode()).isEqualTo(200);
        String expected = "[" + new DicomJsonWriter(org.lumen.dicom.model.ModelWriteOptions.DEFAULT
                .withBulkData(org.lumen.dicom.model.BulkDataPolicy.URI, 1024)
                .withBulkDataUris((path, vr, value) -> instanceUrl + "/bulkdata/" + path))
                .toJson(DicomReader.read(f, ReadOptions.DEFAULT).dataset()) + "]";
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(expected).contains("\"BulkDataURI\":\"" + instanceUrl + "/bulkdata/7FE00010\"");

        // The bulk data URI serves the pixel data value.
        HttpResponse<byte[]> bulk = client.get(instanceUrl + "/bulkdata/7FE00010", "Accept",
                "multipart/related; type=\"application/octet-stream\"");
        assertThat(bulk.statusCode()).isEqualTo(200);
        assertThat(WebClient.parts(bulk).get(0).body()).isEqualTo(ds.getBytes(Tag.PixelData));
    }

    @Test
    void bulkDataOfABigEndianFileIsLittleEndian() throws Exception {
        // 16-bit OW pixel data in Explicit VR Big Endian: each word must come out swapped.
        Path f = TestData.dicom("pydicom-data/gdcm-US-ALOKA-16_big.dcm");
        DicomFile file = read(f);
        Attributes ds = file.dataset();
        String url = "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/" + ds.getString(Tag.SeriesInstanceUID)
                + "/instances/" + ds.getString(Tag.SOPInstanceUID) + "/bulkdata/7FE00010";
        HttpResponse<byte[]> bulk = client.get(url, "Accept", "application/octet-stream");
        assertThat(bulk.statusCode()).isEqualTo(200);
        PixelData pixels = PixelData.of(file);
        assertThat(pixels.frameCount()).isEqualTo(1);
        assertThat(bulk.body()).isEqualTo(pixels.frameBytes(0));
        assertThat(bulk.body()).isNotEqualTo(ds.getBytes(Tag.PixelData));
    }

    @Test
    void framesDecodedByDefaultAndAsStoredOnRequest() throws Exception {
        Path f = TestData.dicom("pydicom/test_files/SC_rgb_rle_2frame.dcm");
        DicomFile file = read(f);
        Attributes ds = file.dataset();
        String framesUrl = "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/" + ds.getString(Tag.SeriesInstanceUID)
                + "/instances/" + ds.getString(Tag.SOPInstanceUID) + "/frames/2,1";
        PixelData pixels = PixelData.of(file);
        HttpResponse<byte[]> decoded = client.get(framesUrl, "Accept", "multipart/related; type=application/octet-stream");
        assertThat(decoded.statusCode()).isEqualTo(200);
        List<WebClient.Part> parts = WebClient.parts(decoded);
        assertThat(parts).extracting(WebClient.Part::body).containsExactly(pixels.frameBytes(1), pixels.frameBytes(0));

        HttpResponse<byte[]> stored = client.get(framesUrl, "Accept",
                "multipart/related; type=application/octet-stream; transfer-syntax=*");
        List<WebClient.Part> raw = WebClient.parts(stored);
        EncapsulatedFrameSource source = (EncapsulatedFrameSource) pixels.frameSource();
        assertThat(raw.get(0).contentType()).isEqualTo("image/dicom-rle; transfer-syntax=1.2.840.10008.1.2.5");
        assertThat(raw.get(0).body()).isEqualTo(source.locator().encodedFrame(1));

        HttpResponse<byte[]> missing = client.get(framesUrl.replace("2,1", "3"));
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<byte[]> bad = client.get(framesUrl.replace("2,1", "x"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), StandardCharsets.UTF_8)).contains("\"parameter\":\"frames\"");
    }

    @Test
    void renderedPngHasTheViewportSizeAndJpegDecodes() throws Exception {
        Attributes ds = read(TestData.dicom("pydicom/test_files/CT_small.dcm")).dataset();
        String instance = "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/" + ds.getString(Tag.SeriesInstanceUID)
                + "/instances/" + ds.getString(Tag.SOPInstanceUID);
        HttpResponse<byte[]> png = client.get(instance + "/rendered?viewport=200,100&window=40,400", "Accept", "image/png");
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(100);

        HttpResponse<byte[]> jpeg = client.get(instance + "/frames/1/rendered?quality=50", "Accept", "image/jpeg");
        assertThat(jpeg.statusCode()).isEqualTo(200);
        BufferedImage j = ImageIO.read(new ByteArrayInputStream(jpeg.body()));
        assertThat(j.getWidth()).isEqualTo(ds.getInt(Tag.Columns, -1));

        HttpResponse<byte[]> thumb = client.get("/studies/" + ds.getString(Tag.StudyInstanceUID) + "/thumbnail",
                "Accept", "image/png");
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb.body()));
        assertThat(Math.max(t.getWidth(), t.getHeight())).isEqualTo(DicomWebConfig.DEFAULT.thumbnailSize());

        Attributes rgb = read(TestData.dicom("pydicom/test_files/SC_rgb_rle_2frame.dcm")).dataset();
        HttpResponse<byte[]> series = client.get("/studies/" + rgb.getString(Tag.StudyInstanceUID) + "/series/"
                + rgb.getString(Tag.SeriesInstanceUID) + "/rendered?viewport=20,10", "Accept",
                "multipart/related; type=\"image/png\"");
        assertThat(series.statusCode()).isEqualTo(200);
        List<WebClient.Part> frames = WebClient.parts(series);
        assertThat(frames).hasSize(2);
        for (WebClient.Part p : frames) {
            assertThat(p.contentType()).isEqualTo("image/png");
            assertThat(ImageIO.read(new ByteArrayInputStream(p.body())).getWidth()).isEqualTo(20);
        }

        HttpResponse<byte[]> badWindow = client.get(instance + "/rendered?window=40", "Accept", "image/png");
        assertThat(badWindow.statusCode()).isEqualTo(400);
        assertThat(new String(badWindow.body(), StandardCharsets.UTF_8)).contains("\"parameter\":\"window\"");
    }

    @Test
    void wadoUriGivesTheFileOrAJpeg() throws Exception {
        Path f = TestData.dicom("pydicom/test_files/MR_small.dcm");
        Attributes ds = read(f).dataset();
        String q = "/wado?requestType=WADO&studyUID=" + ds.getString(Tag.StudyInstanceUID) + "&seriesUID="
                + ds.getString(Tag.SeriesInstanceUID) + "&objectUID=" + ds.getString(Tag.SOPInstanceUID);
        HttpResponse<byte[]> dicom = client.get(q + "&contentType=application/dicom");
        assertThat(dicom.statusCode()).isEqualTo(200);
        assertThat(DicomReader.read(dicom.body(), "wado-uri", ReadOptions.INCLUDE_ALL).dataset().firstDifference(ds)).isNull();
        HttpResponse<byte[]> jpeg = client.get(q + "&rows=32");
        assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(jpeg.body())).getHeight()).isEqualTo(32);
        assertThat(client.get(q.replace("requestType=WADO", "requestType=X")).statusCode()).isEqualTo(400);
    }

    @Test
    void corsPreflightAndHeadersOnlyForAllowedOrigins() throws Exception {
        HttpResponse<byte[]> pre = client.options("/studies", "Origin", ORIGIN, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "accept");
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET", "POST");
        assertThat(pre.headers().firstValue("Access-Control-Allow-Headers")).hasValue("accept");

        HttpResponse<byte[]> other = client.options("/studies", "Origin", "http://evil.test",
                "Access-Control-Request-Method", "GET");
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<byte[]> get = client.get("/studies/1.2.3/metadata", "Origin", ORIGIN);
        assertThat(get.statusCode()).isEqualTo(404);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    }

    @Test
    void transcodesToARequestedCompressedSyntaxLosslessly() throws Exception {
        Path f = TestData.dicom("pydicom/test_files/CT_small.dcm");
        DicomFile original = read(f);
        Attributes ds = original.dataset();
        String instancePath = "/studies/" + ds.getString(Tag.StudyInstanceUID) + "/series/"
                + ds.getString(Tag.SeriesInstanceUID) + "/instances/" + ds.getString(Tag.SOPInstanceUID);
        for (String syntax : List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.90")) {
            HttpResponse<byte[]> r = client.get(instancePath, "Accept", "multipart/related; type=\"application/dicom\"; "
                    + "transfer-syntax=" + syntax);
            assertThat(r.statusCode()).as(syntax).isEqualTo(200);
            DicomFile back = DicomReader.read(WebClient.parts(r).get(0).body(), "wado", ReadOptions.INCLUDE_ALL);
            assertThat(back.transferSyntax().uid()).isEqualTo(syntax);
            assertThat(PixelData.of(back).frameBytes(0)).as(syntax).isEqualTo(PixelData.of(original).frameBytes(0));
        }
        HttpResponse<byte[]> unknown = client.get(instancePath, "Accept", "multipart/related; type=\"application/dicom\"; "
                + "transfer-syntax=1.2.3.4");
        assertThat(unknown.statusCode()).isEqualTo(406);
    }

    @Test
    void qidoAnswersJsonXmlAnd204() throws Exception {
        Attributes ds = read(TestData.dicom("pydicom/test_files/CT_small.dcm")).dataset();
        String study = ds.getString(Tag.StudyInstanceUID);
        // What OHIF's study list sends.
        HttpResponse<byte[]> json = client.get("/studies?limit=101&offset=0&fuzzymatching=false&includefield=00081030%2C00080060"
                + "&StudyInstanceUID=" + study, "Accept", "application/dicom+json");
        assertThat(json.statusCode()).isEqualTo(200);
        List<Attributes> results = new DicomJsonReader().readList(json.body());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getString(Tag.RetrieveURL)).isEqualTo(client.base() + "/studies/" + study);
        assertThat(results.get(0).getString(Tag.ModalitiesInStudy)).isEqualTo("CT");

        HttpResponse<byte[]> xml = client.get("/studies/" + study + "/series", "Accept",
                "multipart/related; type=\"application/dicom+xml\"");
        assertThat(xml.statusCode()).isEqualTo(200);
        List<WebClient.Part> parts = WebClient.parts(xml);
        assertThat(parts).hasSize(1);
        Attributes series = new org.lumen.dicom.xml.NativeXmlReader().read(parts.get(0).body());
        assertThat(series.getString(Tag.SeriesInstanceUID)).isEqualTo(ds.getString(Tag.SeriesInstanceUID));

        assertThat(client.get("/studies?PatientID=NO-SUCH-ID").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> metaXml = client.get("/studies/" + study + "/metadata", "Accept",
                "multipart/related; type=\"application/dicom+xml\"");
        assertThat(WebClient.parts(metaXml)).hasSize(1);
    }

    @Test
    void routesCanAlsoBeAddedToAnApplicationAlreadyCreated() throws Exception {
        Javalin other = Javalin.create();
        DicomWebRoutes.register(other, archive, DicomWebConfig.DEFAULT);
        other.start("127.0.0.1", 0);
        try {
            HttpResponse<byte[]> r = new WebClient("http://127.0.0.1:" + other.port() + "/dicom-web").get("/studies");
            assertThat(r.statusCode()).isEqualTo(200);
        } finally {
            other.stop();
        }
    }

    @Test
    void errorsAreJsonNamingTheProblem() throws Exception {
        HttpResponse<byte[]> limit = client.get("/studies?limit=-1");
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(limit.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(new String(limit.body(), StandardCharsets.UTF_8)).contains("\"parameter\":\"limit\"", "BAD_PARAMETER");
        HttpResponse<byte[]> key = client.get("/studies?PatientNam=x");
        assertThat(new String(key.body(), StandardCharsets.UTF_8)).contains("\"parameter\":\"PatientNam\"");
        HttpResponse<byte[]> uid = client.get("/studies/not-a-uid/metadata");
        assertThat(uid.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> accept = client.get("/studies/1.2.3/metadata", "Accept", "text/html");
        assertThat(accept.statusCode()).isEqualTo(406);
    }
}
