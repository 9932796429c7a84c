package org.lumen.net;

import java.io.IOException;
import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.CommandField;

/**
 * C-MOVE and C-GET as SCU with every response as it arrives: {@link FindResults#nextResponse()} gives the pending responses
 * with their sub-operation counts (what movescu and getscu print), {@link FindResults#finalResponse()} the final counts and
 * status, {@link FindResults#cancel()} sends a C-CANCEL. {@link Association#move} and {@link Association#get} return only
 * the final response.
 */
public final class RetrieveProgress {
    private RetrieveProgress() {
    }

    /** C-MOVE of the matches of {@code keys} to {@code destination}. */
    public static FindResults move(Association association, String sopClass, String destination, Attributes keys)
            throws IOException {
        return invoke(association, CommandField.C_MOVE_RQ, sopClass, destination, keys);
    }

    /**
     * C-GET of the matches of {@code keys}; the instances come as C-STOREs to the storage service of the registry the
     * association was opened with ({@link DicomClient#connect(AeConfig, String, int, String, ConnectOptions,
     * DimseServiceRegistry)}), for the storage SOP classes proposed with the SCP role.
     */
    public static FindResults get(Association association, String sopClass, Attributes keys) throws IOException {
        return invoke(association, CommandField.C_GET_RQ, sopClass, null, keys);
    }

    private static FindResults invoke(Association association, int field, String sopClass, String destination,
            Attributes keys) throws IOException {
        AcceptedContext pc = association.context(sopClass, null);
        if (pc == null) {
            throw new NoPresentationContextException(sopClass, null, java.util.List.of());
        }
        Command rq = Command.request(field, 0, sopClass, true).set(Command.PRIORITY, 0);
        if (destination != null) {
            rq.set(Command.MOVE_DESTINATION, destination);
        }
        long timeout = Math.max(association.config().idleTimeout() == null ? 0 : association.config().idleTimeout().toMillis(),
                1000);
        FindResults results = new FindResults(association, timeout);
        int id = association.invoke(pc, rq, DataWriter.of(keys), results.listener());
        results.started(pc, id);
        return results;
    }
}
