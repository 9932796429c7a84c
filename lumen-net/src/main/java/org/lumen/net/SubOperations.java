package org.lumen.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.transcode.Transcoder;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.CommandField;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The C-STORE sub-operations of a C-MOVE (over a new association to the destination) or a C-GET (over the requesting
 * association): one pending response with the counts after each, C-CANCEL honoured between them, and the final status of
 * PS3.4 C.4.2.1.5 / C.4.3.1.5 (success, B000 with failures, A702 when every one failed, FE00 when cancelled).
 */
final class SubOperations {
    private static final Logger LOG = LoggerFactory.getLogger(SubOperations.class);

    private final Association association;
    private final AcceptedContext pc;
    private final Command rq;
    private final QueryRequest req;
    private int completed;
    private int failed;
    private int warning;
    private final List<String> failedUids = new ArrayList<>();

    SubOperations(Association association, AcceptedContext pc, Command rq, QueryRequest req) {
        this.association = association;
        this.pc = pc;
        this.rq = rq;
        this.req = req;
    }

    void run(List<RetrieveService.Instance> instances) throws DimseException, IOException {
        boolean move = rq.commandField() == CommandField.C_MOVE_RQ;
        Association target = association;
        if (move) {
            target = openDestination(instances);
        }
        try {
            for (int i = 0; i < instances.size(); i++) {
                if (req.isCancelled()) {
                    Command rsp = counts(Command.responseTo(rq, Status.CANCEL, false)).set(
                            Command.NUMBER_OF_REMAINING_SUB_OPERATIONS, instances.size() - i);
                    LOG.info("{}: {} cancelled after {} sub-operations", association, CommandField.name(rq.commandField()), i);
                    association.sendResponse(pc, rsp, null);
                    return;
                }
                storeOne(target, instances.get(i), move);
                if (i < instances.size() - 1) {
                    Command pendingRsp = counts(Command.responseTo(rq, Status.PENDING, false))
                            .set(Command.NUMBER_OF_REMAINING_SUB_OPERATIONS, instances.size() - i - 1);
                    association.sendResponse(pc, pendingRsp, null);
                }
            }
        } finally {
            if (move && target != null) {
                target.close();
            }
        }
        int status = failed == 0 && warning == 0 ? Status.SUCCESS
                : failed > 0 && completed == 0 && warning == 0 ? Status.OUT_OF_RESOURCES_SUB_OPERATIONS
                : Status.WARNING_SUB_OPERATIONS;
        Attributes failedList = null;
        if (!failedUids.isEmpty()) {
            failedList = new Attributes();
            failedList.setString(Tag.FailedSOPInstanceUIDList, VR.UI, failedUids.toArray(String[]::new));
        }
        Command finalRsp = counts(Command.responseTo(rq, status, failedList != null));
        LOG.info("{}: {} done: {} completed, {} failed, {} warning", association, CommandField.name(rq.commandField()),
                completed, failed, warning);
        association.sendResponse(pc, finalRsp, failedList == null ? null : DataWriter.of(failedList));
    }

    private Association openDestination(List<RetrieveService.Instance> instances) throws DimseException {
        String destination = req.moveDestination();
        AeConfig.RemoteAe remote = destination == null ? null : association.config().moveDestinations().get(destination);
        if (remote == null) {
            throw new DimseException(Status.MOVE_DESTINATION_UNKNOWN, "Move destination unknown");
        }
        Set<String> pairs = new LinkedHashSet<>();
        ConnectOptions options = ConnectOptions.none();
        for (RetrieveService.Instance instance : instances) {
            if (pairs.add(instance.sopClassUid() + "|" + instance.transferSyntaxUid()) && options.contexts().size() < 127) {
                options = options.propose(instance.sopClassUid(), instance.transferSyntaxUid());
            }
            // Once per SOP class: the uncompressed syntaxes every SCP accepts, to transcode to when the stored one is refused.
            if (pairs.add(instance.sopClassUid() + "|native") && options.contexts().size() < 127) {
                options = options.propose(instance.sopClassUid(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                        TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            }
        }
        if (options.contexts().isEmpty()) {
            return null;
        }
        try {
            AeConfig own = AeConfig.of(association.config().aeTitle()).withSslContext(association.config().sslContext())
                    .withTimeouts(association.config().artimTimeout(), association.config().idleTimeout());
            return DicomClient.connect(own, remote.host(), remote.port(), remote.aeTitle(), options);
        } catch (IOException e) {
            LOG.warn("{}: cannot reach move destination {}: {}", association, destination, e.getMessage());
            throw new DimseException(Status.OUT_OF_RESOURCES_SUB_OPERATIONS, "Move destination unreachable", e);
        }
    }

    private void storeOne(Association target, RetrieveService.Instance instance, boolean move) {
        try {
            AcceptedContext pc = target.context(instance.sopClassUid(), instance.transferSyntaxUid());
            DimseResponse rsp;
            String originator = move ? req.callingAe() : null;
            if (pc != null) {
                try (InputStream data = instance.dataSet().open()) {
                    rsp = target.store(pc, instance.sopInstanceUid(), DataWriter.of(data), originator, rq.messageId());
                }
            } else {
                pc = target.context(instance.sopClassUid(), null);
                if (pc == null) {
                    throw new NoPresentationContextException(instance.sopClassUid(), null, List.of());
                }
                rsp = target.store(pc, instance.sopInstanceUid(), transcoded(instance, pc.transferSyntax()), originator,
                        rq.messageId());
            }
            if (Status.isSuccess(rsp.status())) {
                completed++;
            } else if (Status.isWarning(rsp.status())) {
                warning++;
            } else {
                failed++;
                failedUids.add(instance.sopInstanceUid());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: sub-operation failed: {}", association, e.getMessage());
            failed++;
            failedUids.add(instance.sopInstanceUid());
        }
    }

    /**
     * The instance re-expressed in a syntax the destination accepted, by lumen-dicom's Transcoder. This holds the instance in
     * memory, the price of a destination that refuses the stored syntax.
     */
    private static DataWriter transcoded(RetrieveService.Instance instance, String targetTs) throws IOException {
        TransferSyntax source = TransferSyntax.of(instance.transferSyntaxUid());
        Attributes dataset;
        try (InputStream in = instance.dataSet().open()) {
            dataset = DicomReader.readDataset(in, "instance to transcode", source, ReadOptions.INCLUDE_ALL);
        }
        DicomFile file = new DicomFile("sub-operation", null, false, new Attributes(), dataset, source, List.of());
        Attributes out = Transcoder.transcode(file, targetTs);
        return DataWriter.of(out);
    }

    private Command counts(Command rsp) {
        return rsp.set(Command.NUMBER_OF_COMPLETED_SUB_OPERATIONS, completed).set(Command.NUMBER_OF_FAILED_SUB_OPERATIONS, failed)
                .set(Command.NUMBER_OF_WARNING_SUB_OPERATIONS, warning);
    }
}
