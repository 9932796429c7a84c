package org.lumen.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.testing.Peers;
import org.lumen.dicom.testing.TestData;
import org.lumen.net.AeConfig;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DicomClient;
import org.lumen.net.DicomServer;
import org.lumen.net.DimseResponse;
import org.lumen.net.DimseServiceRegistry;
import org.lumen.net.NService;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.lumen.server.config.NodeConfig;

/**
 * Storage Commitment (push model) with Lumen's own SCU against a running node, the report on the same association and,
 * when the requestor has gone, over a new association to its configured AE; and Modality Worklist C-FIND with dcmtk's
 * findscu over items dropped as DICOM files into {@code <data>/worklist} (as dcmtk's wlmscpfs keeps them).
 */
class NodeCommitmentWorklistTest {
    static final String SCU_AE = "COMMITSCU";
    static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    static final int CLASS_INSTANCE_CONFLICT = 0x0119;

    @TempDir
    static Path data;
    static LumenNode node;
    static DicomServer reportListener;
    /** Reports that reached the requestor's configured AE, by Transaction UID. */
    static final Map<String, CompletableFuture<Report>> REPORTS_ELSEWHERE = new ConcurrentHashMap<>();
    static final List<Attributes> STORED = new ArrayList<>();

    record Report(int eventType, Attributes info) {
    }

    @BeforeAll
    static void start() throws Exception {
        // Where the node sends a report when the requesting association is already closed (dicom.remoteAes).
        DimseServiceRegistry registry = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (req, info) -> {
                    reportElsewhere(info.getString(Tag.TransactionUID)).complete(new Report(req.typeId(), info));
                    return null;
                });
        reportListener = DicomServer.start(AeConfig.of(SCU_AE), registry, 0);
        NodeConfig defaults = NodeConfig.defaults();
        NodeConfig.Dicom d = defaults.dicom();
        NodeConfig.Dicom dicom = new NodeConfig.Dicom(0, "LUMEN", d.maxAssociations(), d.maxPduLength(), 30, Map.of(),
                Map.of(SCU_AE, new NodeConfig.RemoteAe("127.0.0.1", reportListener.port())));
        node = LumenNode.start(defaults.withData(data.resolve("node")).withDicom(dicom).withHttp(defaults.http().withPort(0)));
        List<Path> files = List.of(TestData.dicom("pydicom/test_files/CT_small.dcm"),
                TestData.dicom("pydicom/test_files/MR_small.dcm"), TestData.dicom("pydicom/test_files/rtplan.dcm"));
        Storescu.Outcome sent = Storescu.send(60, node.dicomPort(), "LUMEN", List.of("-R"), files);
        assertThat(sent.acknowledged()).as(sent.result().toString()).hasSize(3);
        for (Path f : files) {
            STORED.add(DataSets.read(f));
        }
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (reportListener != null) {
            reportListener.close();
        }
    }

    private static Attributes commitmentRequest(String transactionUid, List<String[]> classAndInstance) {
        Attributes info = new Attributes();
        info.setString(Tag.TransactionUID, VR.UI, transactionUid);
        Sequence seq = info.newSequence(Tag.ReferencedSOPSequence, classAndInstance.size());
        for (String[] ref : classAndInstance) {
            Attributes item = seq.addItem();
            item.setString(Tag.ReferencedSOPClassUID, VR.UI, ref[0]);
            item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, ref[1]);
        }
        return info;
    }

    private static String[] ref(Attributes ds) {
        return new String[] {ds.getString(Tag.SOPClassUID), ds.getString(Tag.SOPInstanceUID)};
    }

    private static Set<String> instancesIn(Attributes report, int sequenceTag) {
        Set<String> uids = new TreeSet<>();
        Sequence seq = report.getSequence(sequenceTag);
        if (seq != null) {
            seq.forEach(item -> uids.add(item.getString(Tag.ReferencedSOPInstanceUID)));
        }
        return uids;
    }

    private static int failureReason(Attributes report, String sopInstance) {
        for (Attributes item : report.getSequence(Tag.FailedSOPSequence)) {
            if (sopInstance.equals(item.getString(Tag.ReferencedSOPInstanceUID))) {
                return item.getInt(Tag.FailureReason, -1);
            }
        }
        return -1;
    }

    private static ConnectOptions commitmentContext() {
        return ConnectOptions.none().propose(UID.StorageCommitmentPushModel, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void storageCommitmentReportsStoredAndMissingInstancesOnTheSameAssociation() throws Exception {
        CompletableFuture<Report> report = new CompletableFuture<>();
        DimseServiceRegistry incoming = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (NService.NRequest req, Attributes info) -> {
                    report.complete(new Report(req.typeId(), info));
                    return null;
                });
        String missing = "1.2.826.0.1.3680043.10.999.404";
        String ctClass = STORED.get(0).getString(Tag.SOPClassUID);
        String mrInstanceAsCt = STORED.get(1).getString(Tag.SOPInstanceUID);   // stored, but as MR: a class conflict
        List<String[]> refs = new ArrayList<>();
        refs.add(ref(STORED.get(0)));
        refs.add(ref(STORED.get(2)));
        refs.add(new String[] {ctClass, missing});
        refs.add(new String[] {ctClass, mrInstanceAsCt});
        try (Association as = DicomClient.connect(AeConfig.of(SCU_AE).withTimeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(30)), "127.0.0.1", node.dicomPort(), "LUMEN", commitmentContext(), incoming)) {
            DimseResponse rsp = as.nAction(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1,
                    commitmentRequest("1.2.826.0.1.3680043.10.999.77", refs));
            assertThat(rsp.status()).as(rsp.toString()).isEqualTo(Status.SUCCESS);
            Report r = report.get(30, TimeUnit.SECONDS);
            // The handler saw the report before its N-EVENT-REPORT-RSP left; let it leave before releasing.
            Thread.sleep(300);
            as.release();
            assertThat(r.eventType()).as("event type 2: some failed").isEqualTo(2);
            assertThat(r.info().getString(Tag.TransactionUID)).isEqualTo("1.2.826.0.1.3680043.10.999.77");
            assertThat(instancesIn(r.info(), Tag.ReferencedSOPSequence)).containsExactlyInAnyOrder(
                    STORED.get(0).getString(Tag.SOPInstanceUID), STORED.get(2).getString(Tag.SOPInstanceUID));
            assertThat(instancesIn(r.info(), Tag.FailedSOPSequence)).containsExactlyInAnyOrder(missing, mrInstanceAsCt);
            assertThat(failureReason(r.info(), missing)).as("no such object instance").isEqualTo(NO_SUCH_OBJECT_INSTANCE);
            assertThat(failureReason(r.info(), mrInstanceAsCt)).as("class/instance conflict").isEqualTo(CLASS_INSTANCE_CONFLICT);
        }
    }

    @Test
    void storageCommitmentReportGoesToTheConfiguredAeWhenTheRequestorHasReleased() throws Exception {
        List<String[]> refs = STORED.stream().map(NodeCommitmentWorklistTest::ref).toList();
        try (Association as = DicomClient.connect(AeConfig.of(SCU_AE), "127.0.0.1", node.dicomPort(), "LUMEN",
                commitmentContext())) {
            DimseResponse rsp = as.nAction(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1,
                    commitmentRequest("1.2.826.0.1.3680043.10.999.78", refs));
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            as.release();   // at once: the report must come over a new association
        }
        Report r = reportElsewhere("1.2.826.0.1.3680043.10.999.78").get(30, TimeUnit.SECONDS);
        assertThat(r.eventType()).as("event type 1: all committed").isEqualTo(1);
        assertThat(r.info().getString(Tag.TransactionUID)).isEqualTo("1.2.826.0.1.3680043.10.999.78");
        assertThat(instancesIn(r.info(), Tag.ReferencedSOPSequence))
                .isEqualTo(new TreeSet<>(STORED.stream().map(ds -> ds.getString(Tag.SOPInstanceUID)).toList()));
        assertThat(r.info().getSequence(Tag.FailedSOPSequence)).as("no failures").isNull();
    }

    /**
     * A requestor releasing at once after its N-ACTION may still answer a report that crossed its A-RELEASE-RQ, with a
     * failure status (this was the intermittent loss of the report in the test above): here the requestor stays open but
     * refuses the report on its association, and the report must still reach its configured AE.
     */
    @Test
    void aReportRefusedOnTheRequestingAssociationGoesToTheConfiguredAe() throws Exception {
        String transaction = "1.2.826.0.1.3680043.10.999.79";
        CompletableFuture<Integer> refused = new CompletableFuture<>();
        DimseServiceRegistry refusing = new DimseServiceRegistry().registerNService(UID.StorageCommitmentPushModel,
                (NService.NRequest req, Attributes info) -> {
                    refused.complete(req.typeId());
                    throw new DimseException(Status.PROCESSING_FAILURE, "not taking reports here");
                });
        try (Association as = DicomClient.connect(AeConfig.of(SCU_AE), "127.0.0.1", node.dicomPort(), "LUMEN",
                commitmentContext(), refusing)) {
            DimseResponse rsp = as.nAction(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, 1,
                    commitmentRequest(transaction, List.<String[]>of(ref(STORED.get(0)))));
            assertThat(rsp.status()).isEqualTo(Status.SUCCESS);
            assertThat(refused.get(30, TimeUnit.SECONDS)).as("the report came first on the same association").isEqualTo(1);
            Report r = reportElsewhere(transaction).get(30, TimeUnit.SECONDS);
            assertThat(r.eventType()).isEqualTo(1);
            assertThat(instancesIn(r.info(), Tag.ReferencedSOPSequence))
                    .containsExactly(STORED.get(0).getString(Tag.SOPInstanceUID));
            as.release();
        }
    }

    private static CompletableFuture<Report> reportElsewhere(String transactionUid) {
        return REPORTS_ELSEWHERE.computeIfAbsent(transactionUid, uid -> new CompletableFuture<>());
    }

    /** A scheduled procedure step as a worklist item file. */
    private static void worklistItem(Path folder, String name, String accession, String modality, String date)
            throws Exception {
        Attributes item = new Attributes();
        item.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        item.setString(Tag.AccessionNumber, VR.SH, accession);
        item.setString(Tag.PatientName, VR.PN, "Doe^" + name);
        item.setString(Tag.PatientID, VR.LO, "P-" + name);
        item.setString(Tag.StudyInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.999.5." + accession);
        item.setString(Tag.RequestedProcedureID, VR.SH, "RP" + accession);
        Attributes step = item.newSequence(Tag.ScheduledProcedureStepSequence, 1).addItem();
        step.setString(Tag.ScheduledStationAETitle, VR.AE, "MODALITY1");
        step.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, date);
        step.setString(Tag.ScheduledProcedureStepStartTime, VR.TM, "093000");
        step.setString(Tag.Modality, VR.CS, modality);
        step.setString(Tag.ScheduledProcedureStepID, VR.SH, "SPS" + accession);
        step.setString(Tag.ScheduledProcedureStepDescription, VR.LO, modality + " exam");
        // dcmtk's wlmscpfs keeps .wl files: a data set with a file meta of no particular SOP class.
        Attributes forMeta = item.deepCopy();
        forMeta.setString(Tag.SOPClassUID, VR.UI, UID.ModalityWorklistInformationModelFind);
        forMeta.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.999.6." + accession.substring(1));
        Attributes meta = DicomWriter.createFileMeta(forMeta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        DicomWriter.write(folder.resolve(name + ".wl"), meta, item, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void worklistFindReturnsOnlyTheItemMatchingModalityAndDateRange(@TempDir Path out) throws Exception {
        Path folder = Files.createDirectories(node.config().data().resolve("worklist"));
        worklistItem(folder, "ctToday", "A1001", "CT", "20260315");
        worklistItem(folder, "mrToday", "A1002", "MR", "20260315");
        worklistItem(folder, "ctLater", "A1003", "CT", "20260420");
        worklistItem(folder, "ctEarlier", "A1004", "CT", "20250101");
        Files.writeString(folder.resolve("broken.wl"), "not DICOM");   // skipped with a log line

        Peers.Result r = Peers.run(60, "findscu", "-aet", "MODALITY1", "-aec", "LUMEN", "-W",
                "-k", "ScheduledProcedureStepSequence[0].Modality=CT",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20260301-20260331",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
                "-k", "AccessionNumber", "-k", "PatientName", "-k", "PatientID",
                "-X", "-od", out.toString(), "127.0.0.1", String.valueOf(node.dicomPort()));
        assertThat(r.ok()).as(r.toString()).isTrue();
        List<Attributes> answers = answers(out);
        assertThat(answers).as("matches: " + r).hasSize(1);
        Attributes a = answers.get(0);
        assertThat(a.getString(Tag.AccessionNumber)).isEqualTo("A1001");
        assertThat(a.getString(Tag.PatientName)).isEqualTo("Doe^ctToday");
        Attributes step = a.getSequence(Tag.ScheduledProcedureStepSequence).get(0);
        assertThat(step.getString(Tag.Modality)).isEqualTo("CT");
        assertThat(step.getString(Tag.ScheduledProcedureStepStartDate)).isEqualTo("20260315");
        assertThat(step.getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPSA1001");

        // Open-ended range and a wildcard on the patient: the later CT only.
        Path out2 = Files.createDirectories(out.resolve("second"));
        Peers.Result r2 = Peers.run(60, "findscu", "-aet", "MODALITY1", "-aec", "LUMEN", "-W",
                "-k", "ScheduledProcedureStepSequence[0].Modality=CT",
                "-k", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=20260401-",
                "-k", "PatientName=Doe^ct*", "-k", "AccessionNumber",
                "-X", "-od", out2.toString(), "127.0.0.1", String.valueOf(node.dicomPort()));
        assertThat(r2.ok()).as(r2.toString()).isTrue();
        assertThat(answers(out2)).extracting(x -> x.getString(Tag.AccessionNumber)).containsExactly("A1003");
    }

    private static List<Attributes> answers(Path folder) throws Exception {
        List<Attributes> answers = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                answers.add(DataSets.read(f));
            }
        }
        return answers;
    }
}
