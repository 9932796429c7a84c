package org.lumen.server.dimse;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.lumen.server.archive.QueryLevel;

/** The Query/Retrieve Level of a C-FIND, C-MOVE or C-GET identifier, or the failure status a bad one deserves. */
final class QueryLevels {
    private QueryLevels() {
    }

    static QueryLevel of(Attributes keys) throws DimseException {
        String value = keys.getString(Tag.QueryRetrieveLevel);
        if (value == null || value.isBlank()) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "The identifier has no Query/Retrieve Level (0008,0052)");
        }
        try {
            return QueryLevel.of(value);
        } catch (IllegalArgumentException e) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, e.getMessage());
        }
    }
}
