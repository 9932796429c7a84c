package org.lumen.server.dimse;

import org.lumen.net.StoreRequest;
import org.lumen.net.StoreService;
import org.lumen.net.dimse.DimseException;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.IncomingInstance;
import org.lumen.server.archive.StoreException;

import java.io.InputStream;

/**
 * C-STORE into the archive, for every storage SOP class (private and unknown ones stored as received). The success
 * response leaves only after {@link Archive#store} returned, that is after the file is durable and its index row
 * committed; a refusal answers the status its reason maps to.
 */
final class ArchiveStoreScp implements StoreService {
    private final Archive archive;

    ArchiveStoreScp(Archive archive) {
        this.archive = archive;
    }

    @Override
    public void onCStore(StoreRequest req, InputStream dataset) throws DimseException {
        try {
            archive.store(new IncomingInstance(req.transferSyntaxUid(), req.sopClassUid(), req.sopInstanceUid(),
                    req.callingAe(), dataset));
        } catch (StoreException e) {
            throw new DimseException(e.reason().dimseStatus(), e.getMessage(), e);
        }
    }
}
