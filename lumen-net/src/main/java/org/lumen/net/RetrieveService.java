package org.lumen.net;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.DimseException;

/**
 * Answers C-MOVE and C-GET requests with the instances to send; the framework runs the C-STORE sub-operations (to the move
 * destination, or back over the same association for C-GET), sends pending responses with the sub-operation counts and
 * honours C-CANCEL between sub-operations.
 */
@FunctionalInterface
public interface RetrieveService {
    List<Instance> onRetrieve(QueryRequest req, Attributes keys) throws DimseException;

    /** One instance to send: its UIDs, the transfer syntax it is stored in, and how to open its data set (no file meta). */
    record Instance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, DataSource dataSet) {
    }

    @FunctionalInterface
    interface DataSource {
        InputStream open() throws IOException;
    }
}
