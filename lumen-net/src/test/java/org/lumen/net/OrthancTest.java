package org.lumen.net;

import org.lumen.dicom.testing.OrthancPeer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.TestData;
import org.lumen.net.dimse.Status;

/** Lumen as SCU against Orthanc 1.10.1: store, find, move (to a Lumen SCP) and get. */
class OrthancTest {
    private static final String ELE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    @Test
    void storeFindMoveGet(@TempDir Path tmp) throws Exception {
        DicomFile ct = DicomReader.read(TestData.dicom("pydicom/test_files/CT_small.dcm"), ReadOptions.INCLUDE_ALL);
        String sopClass = ct.dataset().getString(Tag.SOPClassUID);
        String sopInstance = ct.dataset().getString(Tag.SOPInstanceUID);
        String studyUid = ct.dataset().getString(Tag.StudyInstanceUID);
        Map<String, byte[]> moved = new ConcurrentHashMap<>();
        Map<String, StoreRequest> movedRequests = new ConcurrentHashMap<>();
        DimseServiceRegistry destination = new DimseServiceRegistry().registerStorageFallback((req, in) -> {
            movedRequests.put(req.sopInstanceUid(), req);
            moved.put(req.sopInstanceUid(), in.readAllBytes());
        });
        try (DicomServer dest = DicomServer.start(AeConfig.of("LUMENDEST"), destination, 0)) {
            try (OrthancPeer orthanc = OrthancPeer.start(Map.of("LUMENDEST", dest.port()))) {
                int dicomPort = orthanc.dicomPort();
                AeConfig me = AeConfig.of("LUMENSCU").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
                ConnectOptions options = ConnectOptions.echo().propose(sopClass, ELE)
                        .propose(UID.StudyRootQueryRetrieveInformationModelFind, ELE)
                        .propose(UID.StudyRootQueryRetrieveInformationModelMove, ELE)
                        .propose(UID.StudyRootQueryRetrieveInformationModelGet, ELE).withScpRole(sopClass);
                try (Association as = DicomClient.connect(me, "127.0.0.1", dicomPort, "ORTHANC", options)) {
                    assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
                    DimseResponse stored = as.store(sopClass, sopInstance, ELE,
                            new ByteArrayInputStream(DcmtkInteropTest.encode(ct.dataset(), ELE)));
                    assertThat(stored.status()).as(stored.toString()).isEqualTo(Status.SUCCESS);

                    Attributes keys = new Attributes();
                    keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    keys.setNull(Tag.StudyInstanceUID, VR.UI);
                    keys.setNull(Tag.PatientID, VR.LO);
                    List<Attributes> found = new ArrayList<>();
                    try (FindResults results = as.find(UID.StudyRootQueryRetrieveInformationModelFind, keys)) {
                        results.forEachRemaining(found::add);
                        assertThat(results.finalResponse().status()).isEqualTo(Status.SUCCESS);
                    }
                    assertThat(found).hasSize(1);
                    assertThat(found.get(0).getString(Tag.StudyInstanceUID)).isEqualTo(studyUid);

                    Attributes retrieve = new Attributes();
                    retrieve.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    retrieve.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
                    DimseResponse move = as.move(UID.StudyRootQueryRetrieveInformationModelMove, "LUMENDEST", retrieve);
                    assertThat(move.status()).as(move.toString()).isEqualTo(Status.SUCCESS);
                    assertThat(moved).containsKey(sopInstance);

                    Map<String, byte[]> viaGet = new ConcurrentHashMap<>();
                    Map<String, String> getTs = new ConcurrentHashMap<>();
                    DimseResponse get = as.get(UID.StudyRootQueryRetrieveInformationModelGet, retrieve, (req, in) -> {
                        getTs.put(req.sopInstanceUid(), req.transferSyntaxUid());
                        viaGet.put(req.sopInstanceUid(), in.readAllBytes());
                    });
                    assertThat(get.status()).as(get.toString()).isEqualTo(Status.SUCCESS);
                    assertThat(get.completed()).isEqualTo(1);
                    DcmtkInteropTest.assertSameContent(DicomReader.readDataset(new ByteArrayInputStream(viaGet.get(sopInstance)),
                            "get", TransferSyntax.of(getTs.get(sopInstance)), ReadOptions.INCLUDE_ALL), ct.dataset());
                    as.release();
                }
            }
            DcmtkInteropTest.assertSameContent(DicomReader.readDataset(new ByteArrayInputStream(moved.get(sopInstance)), "move",
                    TransferSyntax.of(movedRequests.get(sopInstance).transferSyntaxUid()), ReadOptions.INCLUDE_ALL),
                    ct.dataset());
        }
    }
}
