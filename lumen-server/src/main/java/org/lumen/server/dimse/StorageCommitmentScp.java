package org.lumen.server.dimse;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.net.AeConfig;
import org.lumen.net.Association;
import org.lumen.net.ConnectOptions;
import org.lumen.net.DicomClient;
import org.lumen.net.NService;
import org.lumen.net.dimse.CommandField;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.StoredInstance;
import org.lumen.dicom.io.TransferSyntax;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Storage Commitment, push model (PS3.4 J): an N-ACTION asks whether the archive holds a list of instances; after the
 * N-ACTION response, an N-EVENT-REPORT answers with the instances held (event 1) or those that are not (event 2). The
 * report goes back on the requesting association while it is open, else over a new association to the requestor's AE
 * (dicom.remoteAes), as the standard allows.
 */
final class StorageCommitmentScp implements NService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageCommitmentScp.class);
    static final int REQUEST_STORAGE_COMMITMENT = 1;
    static final int ALL_COMMITTED = 1;
    static final int SOME_FAILED = 2;
    private static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    private static final int CLASS_INSTANCE_CONFLICT = 0x0119;

    private final Archive archive;
    private final String aeTitle;
    private final Map<String, AeConfig.RemoteAe> remoteAes;
    // One thread: reports leave in the order requests came; each is handed over only after its N-ACTION response.
    private final ExecutorService reports = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "storage-commitment-reports");
        t.setDaemon(true);
        return t;
    });

    StorageCommitmentScp(Archive archive, String aeTitle, Map<String, AeConfig.RemoteAe> remoteAes) {
        this.archive = archive;
        this.aeTitle = aeTitle;
        this.remoteAes = remoteAes;
    }

    @Override
    public Attributes onNRequest(NRequest req, Attributes info) throws DimseException {
        if (req.commandField() != CommandField.N_ACTION_RQ || req.typeId() != REQUEST_STORAGE_COMMITMENT) {
            throw new DimseException(Status.UNRECOGNIZED_OPERATION,
                    "Storage Commitment takes N-ACTION with Action Type ID 1 only");
        }
        Sequence requested = info == null ? null : info.getSequence(Tag.ReferencedSOPSequence);
        String transactionUid = info == null ? null : info.getString(Tag.TransactionUID);
        if (requested == null || transactionUid == null || transactionUid.isBlank()) {
            throw new DimseException(Status.MISTYPED_ARGUMENT,
                    "Storage Commitment request needs a Transaction UID and a Referenced SOP Sequence");
        }
        Attributes report = commitmentResult(transactionUid, requested);
        int eventType = report.contains(Tag.FailedSOPSequence) ? SOME_FAILED : ALL_COMMITTED;
        req.afterResponse(() -> reports.submit(() -> sendReport(req.association(), eventType, report)));
        return null;
    }

    /** What the archive holds of the requested instances, as the N-EVENT-REPORT's information. */
    Attributes commitmentResult(String transactionUid, Sequence requested) {
        Attributes report = new Attributes();
        report.setString(Tag.TransactionUID, VR.UI, transactionUid);
        report.setString(Tag.RetrieveAETitle, VR.AE, aeTitle);
        Sequence committed = null;
        Sequence failed = null;
        for (Attributes item : requested) {
            String sopClass = item.getString(Tag.ReferencedSOPClassUID);
            String sopInstance = item.getString(Tag.ReferencedSOPInstanceUID);
            Optional<StoredInstance> stored = sopInstance == null ? Optional.empty() : archive.instance(sopInstance);
            int failure = stored.isEmpty() ? NO_SUCH_OBJECT_INSTANCE
                    : sopClass != null && !sopClass.equals(stored.get().sopClassUid()) ? CLASS_INSTANCE_CONFLICT : 0;
            if (failure == 0) {
                committed = committed == null ? report.newSequence(Tag.ReferencedSOPSequence, requested.size()) : committed;
                reference(committed.addItem(), sopClass, sopInstance);
            } else {
                failed = failed == null ? report.newSequence(Tag.FailedSOPSequence, requested.size()) : failed;
                Attributes failedItem = failed.addItem();
                reference(failedItem, sopClass, sopInstance);
                failedItem.setInt(Tag.FailureReason, VR.US, failure);
            }
        }
        return report;
    }

    private static void reference(Attributes item, String sopClass, String sopInstance) {
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass == null ? "" : sopClass);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstance == null ? "" : sopInstance);
    }

    private void sendReport(Association requesting, int eventType, Attributes report) {
        try {
            if (requesting.isOpen()) {
                try {
                    int status = requesting.nEventReport(UID.StorageCommitmentPushModel,
                            UID.StorageCommitmentPushModelInstance, eventType, report).status();
                    if (!Status.isFailure(status)) {
                        return;
                    }
                    // A requestor that is releasing can still answer a request that crossed its A-RELEASE-RQ, with a
                    // failure (it no longer serves Storage Commitment): the report was not taken, so it goes again.
                    LOG.info("Storage Commitment report to {}: answered on the requesting association with status"
                            + " {}H; opening a new one", requesting.callingAe(), Integer.toHexString(status));
                } catch (IOException e) {
                    // The requestor released or aborted meanwhile: the report goes over a new association below.
                    LOG.info("Storage Commitment report to {}: the requesting association ended ({}); opening a new one",
                            requesting.callingAe(), e.getMessage());
                }
            }
            AeConfig.RemoteAe remote = remoteAes.get(requesting.callingAe());
            if (remote == null) {
                LOG.warn("Storage Commitment report for {} lost: the association closed and {} is not in dicom.remoteAes",
                        requesting.callingAe(), requesting.callingAe());
                return;
            }
            ConnectOptions options = ConnectOptions.none().propose(UID.StorageCommitmentPushModel,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)
                    .withScpRole(UID.StorageCommitmentPushModel);
            try (Association back = DicomClient.connect(AeConfig.of(aeTitle), remote.host(), remote.port(),
                    remote.aeTitle(), options)) {
                back.nEventReport(UID.StorageCommitmentPushModel, UID.StorageCommitmentPushModelInstance, eventType, report);
                back.release();
            }
        } catch (IOException e) {
            LOG.warn("Storage Commitment report to {} failed: {}", requesting.callingAe(), e.getMessage());
        }
    }

    @Override
    public void close() {
        reports.shutdown();
    }
}
