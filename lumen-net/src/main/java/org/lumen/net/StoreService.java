package org.lumen.net;

import java.io.IOException;
import java.io.InputStream;
import org.lumen.net.dimse.DimseException;

/** Receives C-STORE requests. Returning normally answers Success; a {@link DimseException} answers its status. */
@FunctionalInterface
public interface StoreService {
    /**
     * @param dataset the data set bytes (no file meta) in {@code req.transferSyntaxUid()}, streamed from the network as they
     *        arrive; whatever the service leaves unread is discarded
     */
    void onCStore(StoreRequest req, InputStream dataset) throws DimseException, IOException;
}
