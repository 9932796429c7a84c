package org.lumen.server.dimse;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.net.FindService;
import org.lumen.net.QueryRequest;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.QueryOptions;

import java.util.stream.Stream;

/**
 * C-FIND over the archive, Patient Root and Study Root, all four levels. Queries are always answered relationally (a
 * superset of hierarchical search, as most archives do). Combined date-time matching follows the requestor's SOP class
 * extended negotiation (byte 1, PS3.4 C.5.1.1.2).
 */
final class ArchiveQueryScp implements FindService {
    private final Archive archive;

    ArchiveQueryScp(Archive archive) {
        this.archive = archive;
    }

    @Override
    public Stream<Attributes> onCFind(QueryRequest req, Attributes keys) throws DimseException {
        QueryLevel level = QueryLevels.of(keys);
        boolean patientRoot = UID.PatientRootQueryRetrieveInformationModelFind.equals(req.sopClassUid());
        if (level == QueryLevel.PATIENT && !patientRoot) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level PATIENT needs the Patient Root model; Study Root starts at STUDY");
        }
        byte[] negotiated = req.extendedNegotiation();
        boolean combinedDateTime = negotiated != null && negotiated.length > 1 && negotiated[1] == 1;
        QueryOptions options = QueryOptions.DEFAULT.withPatientRoot(patientRoot).withCombinedDateTime(combinedDateTime);
        try {
            // The level and character set are control keys, not matched; Retrieve AE Title names us, who hold them all.
            return archive.find(level, keys, options).map(identifier -> {
                if (identifier.contains(Tag.RetrieveAETitle)) {
                    identifier.setString(Tag.RetrieveAETitle, VR.AE, req.calledAe());
                }
                return identifier;
            });
        } catch (IllegalArgumentException e) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage(), e);
        }
    }
}
