package org.lumen.net;

import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.net.dimse.DimseException;

/**
 * Answers C-FIND requests: each element of the stream becomes one pending response. The stream is closed when the search
 * ends, fails or is cancelled by a C-CANCEL (checked between identifiers).
 */
@FunctionalInterface
public interface FindService {
    Stream<Attributes> onCFind(QueryRequest req, Attributes keys) throws DimseException;
}
