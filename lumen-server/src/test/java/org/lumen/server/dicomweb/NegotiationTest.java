package org.lumen.server.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Tag;

/** Media types, Accept ordering, transfer-syntax choice and QIDO parameter parsing, without a server. */
class NegotiationTest {

    @Test
    void acceptKeepsQuotedParametersAndOrdersByQuality() {
        AcceptHeader accept = AcceptHeader.parse("multipart/related; type=\"application/dicom\"; "
                + "transfer-syntax=1.2.840.10008.1.2.4.80; q=0.5, multipart/related; type=\"application/dicom\"; "
                + "transfer-syntax=*");
        List<MediaType> dicom = accept.multipartFor("application/dicom", true);
        assertThat(dicom).hasSize(2);
        assertThat(dicom.get(0).parameter("transfer-syntax")).isEqualTo("*");
        SyntaxChoice choice = SyntaxChoice.of(dicom);
        assertThat(choice.forStored("1.2.840.10008.1.2.4.50")).isEqualTo("1.2.840.10008.1.2.4.50");
    }

    @Test
    void noTransferSyntaxMeansExplicitLittleEndian() {
        SyntaxChoice choice = SyntaxChoice.of(AcceptHeader.parse("multipart/related; type=application/dicom")
                .multipartFor("application/dicom", true));
        assertThat(choice.forStored("1.2.840.10008.1.2.4.90")).isEqualTo("1.2.840.10008.1.2.1");
        SyntaxChoice unknown = SyntaxChoice.of(AcceptHeader.parse("multipart/related; type=application/dicom; "
                + "transfer-syntax=1.2.3.4").multipartFor("application/dicom", true));
        assertThat(unknown.anyWritable()).isFalse();
    }

    @Test
    void mediaTypeRoundTripsThroughText() {
        MediaType m = MediaType.parse("Multipart/Related; Type=\"application/dicom+xml\"; boundary=\"a b\"");
        assertThat(m.essence()).isEqualTo("multipart/related");
        assertThat(m.parameter("type")).isEqualTo("application/dicom+xml");
        assertThat(MediaType.parse(m.toString())).isEqualTo(m);
        assertThatThrownBy(() -> AcceptHeader.parse("nonsense")).isInstanceOf(DicomWebException.class)
                .hasMessageContaining("Not a media type");
    }

    private static Map<String, List<String>> params(String... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
        }
        return m;
    }

    @Test
    void qidoKeysByKeywordOrTagWithIncludefieldPagingAndSequences() {
        QidoQuery q = QidoQuery.parse(QidoLevel.SERIES, params("00080060", "CT", "PatientName", "Doe*",
                "includefield", "BodyPartExamined,00181030", "includefield", "ProtocolName",
                "RequestAttributesSequence.ScheduledProcedureStepID", "S1", "SeriesInstanceUID", "1.2,1.3",
                "limit", "20", "offset", "5", "fuzzymatching", "true"), Map.of(Tag.StudyInstanceUID, "1.2.3"), 100, 1000);
        assertThat(q.keys().getString(Tag.Modality)).isEqualTo("CT");
        assertThat(q.keys().getString(Tag.PatientName)).isEqualTo("Doe*");
        assertThat(q.keys().contains(Tag.BodyPartExamined)).isTrue();
        assertThat(q.keys().contains(Tag.ProtocolName)).isTrue();
        assertThat(q.keys().getStrings(Tag.SeriesInstanceUID)).containsExactly("1.2", "1.3");
        assertThat(q.keys().getSequence(Tag.RequestAttributesSequence).get(0).getString(Tag.ScheduledProcedureStepID))
                .isEqualTo("S1");
        assertThat(q.keys().getString(Tag.StudyInstanceUID)).isEqualTo("1.2.3");
        assertThat(q.limit()).isEqualTo(20);
        assertThat(q.offset()).isEqualTo(5);
        assertThat(q.fuzzy()).isTrue();
        assertThat(QidoQuery.parse(QidoLevel.STUDY, params("includefield", "all", "limit", "5000"), Map.of(), 100, 1000))
                .satisfies(all -> {
                    assertThat(all.includeAll()).isTrue();
                    assertThat(all.limit()).isEqualTo(1000);
                    assertThat(all.capped()).isTrue();
                });
    }

    @Test
    void badQidoParametersAreNamed() {
        assertThat(badParameter(params("limit", "-1"))).isEqualTo("limit");
        assertThat(badParameter(params("offset", "x"))).isEqualTo("offset");
        assertThat(badParameter(params("PatientNam", "x"))).isEqualTo("PatientNam");
        assertThat(badParameter(params("fuzzymatching", "maybe"))).isEqualTo("fuzzymatching");
        assertThat(badParameter(params("includefield", "NoSuchKeyword"))).isEqualTo("includefield");
        assertThat(badParameter(params("PatientName", "a", "PatientName", "b"))).isEqualTo("PatientName");
        assertThat(badParameter(params("PatientName.StudyDate", "a"))).isEqualTo("PatientName.StudyDate");
    }

    private static String badParameter(Map<String, List<String>> params) {
        try {
            QidoQuery.parse(QidoLevel.STUDY, params, Map.of(), 100, 1000);
        } catch (DicomWebException e) {
            assertThat(e.error()).isEqualTo(DicomWebError.BAD_PARAMETER);
            return e.parameter();
        }
        throw new AssertionError("no error for " + params);
    }
}
