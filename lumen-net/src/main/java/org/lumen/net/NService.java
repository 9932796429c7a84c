package org.lumen.net;

import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.DimseException;

/**
 * Answers N-ACTION and N-EVENT-REPORT requests (Storage Commitment push model uses both). The returned attributes, if not
 * null, are sent as the response's data set. Through {@link NRequest#association()} a service can later send an
 * N-EVENT-REPORT back on the same association.
 */
@FunctionalInterface
public interface NService {
    Attributes onNRequest(NRequest req, Attributes info) throws DimseException;

    /** @param typeId the Action Type ID (N-ACTION) or Event Type ID (N-EVENT-REPORT) */
    record NRequest(Association association, int commandField, String sopClassUid, String sopInstanceUid, int typeId) {
    }
}
