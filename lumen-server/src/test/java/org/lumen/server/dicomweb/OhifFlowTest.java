package org.lumen.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.json.DicomJsonReader;
import org.lumen.dicom.pixel.EncapsulatedFrameSource;
import org.lumen.dicom.pixel.PixelData;
import org.lumen.dicom.testing.TestData;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.ArchiveConfig;

/**
 * The requests OHIF v3's DICOMweb data source makes, in its order and with its headers (as its dicomweb-client sends
 * them, with omitQuotationForMultipartRequest): study list, series list, series metadata, frames of every instance,
 * each from a browser origin allowed by CORS.
 */
class OhifFlowTest {
    static final String ORIGIN = "http://localhost:3000";

    @TempDir
    Path storage;

    @Test
    void studyListSeriesMetadataAndFramesAsOhifAsksForThem() throws Exception {
        List<String> files = List.of("pydicom/test_files/JPEG2000.dcm", "pydicom/test_files/JPGExtended.dcm",
                "pydicom-data/JPEG-LL.dcm");
        try (Archive archive = Archive.open(ArchiveConfig.of(storage))) {
            Javalin app = Javalin.create(cfg -> DicomWebRoutes.register(cfg, archive,
                    DicomWebConfig.DEFAULT.withAllowedOrigins(List.of(ORIGIN)))).start("127.0.0.1", 0);
            try {
                WebClient web = new WebClient("http://127.0.0.1:" + app.port() + "/dicom-web");
                WebClient.Body body = WebClient.stowBody(WebClient.read(files.stream().map(TestData::dicom).toList()));
                assertThat(web.post("/studies", body.bytes(), "Content-Type", body.contentType()).statusCode()).isEqualTo(200);

                HttpResponse<byte[]> studies = web.get("/studies?limit=101&offset=0&fuzzymatching=false"
                        + "&includefield=00081030%2C00080060", "Accept", "application/dicom+json", "Origin", ORIGIN);
                assertThat(studies.statusCode()).isEqualTo(200);
                assertThat(studies.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
                List<Attributes> studyList = new DicomJsonReader().readList(studies.body());
                assertThat(studyList).hasSize(1);
                String study = studyList.get(0).getString(Tag.StudyInstanceUID);
                assertThat(studyList.get(0).getString(Tag.NumberOfStudyRelatedInstances)).isEqualTo("3");

                HttpResponse<byte[]> series = web.get("/studies/" + study + "/series", "Accept", "application/dicom+json",
                        "Origin", ORIGIN);
                List<Attributes> seriesList = new DicomJsonReader().readList(series.body());
                int frames = 0;
                for (Attributes s : seriesList) {
                    String seriesUid = s.getString(Tag.SeriesInstanceUID);
                    HttpResponse<byte[]> metadata = web.get("/studies/" + study + "/series/" + seriesUid + "/metadata",
                            "Accept", "application/dicom+json", "Origin", ORIGIN);
                    assertThat(metadata.statusCode()).isEqualTo(200);
                    for (Attributes instance : new DicomJsonReader().readList(metadata.body())) {
                        String sop = instance.getString(Tag.SOPInstanceUID);
                        HttpResponse<byte[]> frame = web.get("/studies/" + study + "/series/" + seriesUid + "/instances/" + sop
                                + "/frames/1", "Accept", "multipart/related; type=application/octet-stream; transfer-syntax=*",
                                "Origin", ORIGIN);
                        assertThat(frame.statusCode()).isEqualTo(200);
                        WebClient.Part part = WebClient.parts(frame).get(0);
                        // The part names the syntax the bytes are in, which the image loader decodes.
                        DicomFile original = DicomReader.read(archive.instance(sop).orElseThrow().path(), ReadOptions.DEFAULT);
                        String syntax = original.transferSyntax().uid();
                        assertThat(part.contentType()).endsWith("; transfer-syntax=" + syntax);
                        EncapsulatedFrameSource source = (EncapsulatedFrameSource) PixelData.of(original).frameSource();
                        assertThat(part.body()).isEqualTo(source.locator().encodedFrame(0));
                        frames++;
                    }
                }
                assertThat(frames).isEqualTo(3);
            } finally {
                app.stop();
            }
        }
    }
}
