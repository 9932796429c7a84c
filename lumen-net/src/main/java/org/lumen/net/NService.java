package org.lumen.net;

import java.util.ArrayList;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.DimseException;

/**
 * Answers N-ACTION and N-EVENT-REPORT requests (Storage Commitment push model uses both). The returned attributes, if not
 * null, are sent as the response's data set. Through {@link NRequest#association()} a service can later send an
 * N-EVENT-REPORT back on the same association; {@link NRequest#afterResponse} runs such follow-up work only once the
 * response has been written, so that it cannot overtake the response.
 */
@FunctionalInterface
public interface NService {
    Attributes onNRequest(NRequest req, Attributes info) throws DimseException;

    /**
     * @param typeId     the Action Type ID (N-ACTION) or Event Type ID (N-EVENT-REPORT)
     * @param followUps  work registered through {@link #afterResponse}, run by the registry after the response
     */
    record NRequest(Association association, int commandField, String sopClassUid, String sopInstanceUid, int typeId,
            List<Runnable> followUps) {

        public NRequest(Association association, int commandField, String sopClassUid, String sopInstanceUid, int typeId) {
            this(association, commandField, sopClassUid, sopInstanceUid, typeId, new ArrayList<>());
        }

        /** Runs {@code action} on the association's thread right after the response is written (e.g. hand a report to an executor). */
        public void afterResponse(Runnable action) {
            followUps.add(action);
        }
    }
}
