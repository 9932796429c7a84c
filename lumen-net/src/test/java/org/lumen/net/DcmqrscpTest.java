package org.lumen.net;

import org.lumen.dicom.testing.PeerProcess;
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

/** Lumen as SCU against dcmtk's dcmqrscp: store, find, move (to a Lumen SCP) and get, each checked on the data. */
class DcmqrscpTest {
    private static final String ELE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private static final String FIND = UID.StudyRootQueryRetrieveInformationModelFind;
    private static final String MOVE = UID.StudyRootQueryRetrieveInformationModelMove;
    private static final String GET = UID.StudyRootQueryRetrieveInformationModelGet;

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
            int port = PeerProcess.freePort();
            Path db = Files.createDirectories(tmp.resolve("db"));
            Path cfg = tmp.resolve("dcmqrscp.cfg");
            Files.writeString(cfg, String.join("\n",
                    "NetworkTCPPort = " + port,
                    "MaxPDUSize = 16384",
                    "MaxAssociations = 16",
                    "HostTable BEGIN",
                    "lumendest = (LUMENDEST, 127.0.0.1, " + dest.port() + ")",
                    "HostTable END",
                    "VendorTable BEGIN",
                    "VendorTable END",
                    "AETable BEGIN",
                    "QRSCP " + db + " RW (200, 1024mb) ANY",
                    "AETable END", ""));
            try (PeerProcess qr = PeerProcess.start(tmp.resolve("dcmqrscp.log"), port, "dcmqrscp", "-s", "-c", cfg.toString())) {
                AeConfig me = AeConfig.of("LUMENSCU").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
                ConnectOptions options = ConnectOptions.echo().propose(sopClass, ELE).propose(FIND, ELE).propose(MOVE, ELE)
                        .propose(GET, ELE).withScpRole(sopClass);
                try (Association as = DicomClient.connect(me, "127.0.0.1", port, "QRSCP", options)) {
                    assertThat(as.echo().status()).isEqualTo(Status.SUCCESS);
                    byte[] data = DcmtkInteropTest.encode(ct.dataset(), ELE);
                    assertThat(as.store(sopClass, sopInstance, ELE, new ByteArrayInputStream(data)).status())
                            .isEqualTo(Status.SUCCESS);

                    Attributes keys = new Attributes();
                    keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    keys.setNull(Tag.StudyInstanceUID, VR.UI);
                    keys.setNull(Tag.PatientID, VR.LO);
                    List<Attributes> found = new ArrayList<>();
                    try (FindResults results = as.find(FIND, keys)) {
                        results.forEachRemaining(found::add);
                        assertThat(results.finalResponse().status()).isEqualTo(Status.SUCCESS);
                    }
                    assertThat(found).hasSize(1);
                    assertThat(found.get(0).getString(Tag.StudyInstanceUID)).isEqualTo(studyUid);
                    assertThat(found.get(0).getString(Tag.PatientID)).isEqualTo(ct.dataset().getString(Tag.PatientID));

                    Attributes retrieve = new Attributes();
                    retrieve.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                    retrieve.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
                    DimseResponse move = as.move(MOVE, "LUMENDEST", retrieve);
                    assertThat(move.status()).as(move.toString()).isEqualTo(Status.SUCCESS);
                    assertThat(move.completed()).isEqualTo(1);
                    assertThat(moved).containsKey(sopInstance);

                    Map<String, StoreRequest> got = new ConcurrentHashMap<>();
                    Map<String, byte[]> gotData = new ConcurrentHashMap<>();
                    DimseResponse get = as.get(GET, retrieve, (req, in) -> {
                        got.put(req.sopInstanceUid(), req);
                        gotData.put(req.sopInstanceUid(), in.readAllBytes());
                    });
                    assertThat(get.status()).as(get.toString()).isEqualTo(Status.SUCCESS);
                    assertThat(get.completed()).isEqualTo(1);
                    StoreRequest req = got.get(sopInstance);
                    Attributes viaGet = DicomReader.readDataset(new ByteArrayInputStream(gotData.get(sopInstance)), "get",
                            TransferSyntax.of(req.transferSyntaxUid()), ReadOptions.INCLUDE_ALL);
                    DcmtkInteropTest.assertSameContent(viaGet, ct.dataset());
                    as.release();
                }
            }
            String movedTs = movedRequests.get(sopInstance).transferSyntaxUid();
            // dcmqrscp names the C-MOVE's originator in the sub-operations.
            assertThat(movedRequests.get(sopInstance).moveOriginatorAe()).isEqualTo("LUMENSCU");
            Attributes viaMove = DicomReader.readDataset(new ByteArrayInputStream(moved.get(sopInstance)), "move",
                    TransferSyntax.of(movedTs), ReadOptions.INCLUDE_ALL);
            DcmtkInteropTest.assertSameContent(viaMove, ct.dataset());
        }
    }
}
