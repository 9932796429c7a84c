package org.lumen.server.dimse;

import org.lumen.dicom.data.UID;
import org.lumen.net.AeConfig;
import org.lumen.net.DimseServiceRegistry;
import org.lumen.server.archive.Archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The DIMSE services of a Lumen node over its archive, registered by SOP class with their calling-AE allow-lists:
 * storage (every storage SOP class), Patient and Study Root FIND, MOVE and GET, Storage Commitment push, Modality Worklist.
 * C-ECHO is always there.
 */
public final class DimseServices implements AutoCloseable {
    private final StorageCommitmentScp commitment;

    private DimseServices(StorageCommitmentScp commitment) {
        this.commitment = commitment;
    }

    /**
     * @param allowed    per service name (echo, store, find, move, get, commitment, worklist): calling AE titles let in;
     *                   a service absent from the map accepts any caller
     * @param remoteAes  peers by AE title, for Storage Commitment reports over a new association
     * @param worklist   the folder of worklist items
     */
    public static DimseServices register(DimseServiceRegistry registry, Archive archive, String aeTitle,
            Map<String, List<String>> allowed, Map<String, AeConfig.RemoteAe> remoteAes, Path worklist) {
        registry.restrictEcho(allowed(allowed, "echo"));
        registry.registerStorageFallback(new ArchiveStoreScp(archive), allowed(allowed, "store"));
        ArchiveQueryScp find = new ArchiveQueryScp(archive);
        registry.registerFind(UID.PatientRootQueryRetrieveInformationModelFind, find, allowed(allowed, "find"));
        registry.registerFind(UID.StudyRootQueryRetrieveInformationModelFind, find, allowed(allowed, "find"));
        // Relational queries and combined date-time matching are supported; fuzzy PN matching and timezone adjustment not.
        registry.supportExtendedNegotiation(UID.PatientRootQueryRetrieveInformationModelFind, (byte) 1, (byte) 1, (byte) 0, (byte) 0);
        registry.supportExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, (byte) 1, (byte) 1, (byte) 0, (byte) 0);
        ArchiveRetrieveScp retrieve = new ArchiveRetrieveScp(archive);
        registry.registerRetrieve(UID.PatientRootQueryRetrieveInformationModelMove, retrieve, allowed(allowed, "move"));
        registry.registerRetrieve(UID.StudyRootQueryRetrieveInformationModelMove, retrieve, allowed(allowed, "move"));
        registry.registerRetrieve(UID.PatientRootQueryRetrieveInformationModelGet, retrieve, allowed(allowed, "get"));
        registry.registerRetrieve(UID.StudyRootQueryRetrieveInformationModelGet, retrieve, allowed(allowed, "get"));
        for (String retrieveClass : new String[] {UID.PatientRootQueryRetrieveInformationModelMove,
                UID.StudyRootQueryRetrieveInformationModelMove, UID.PatientRootQueryRetrieveInformationModelGet,
                UID.StudyRootQueryRetrieveInformationModelGet}) {
            registry.supportExtendedNegotiation(retrieveClass, (byte) 1);   // relational retrieval
        }
        StorageCommitmentScp commitment = new StorageCommitmentScp(archive, aeTitle, remoteAes);
        registry.registerNService(UID.StorageCommitmentPushModel, commitment, allowed(allowed, "commitment"));
        registry.registerFind(UID.ModalityWorklistInformationModelFind, new WorklistScp(worklist),
                allowed(allowed, "worklist"));
        return new DimseServices(commitment);
    }

    private static String[] allowed(Map<String, List<String>> allowed, String service) {
        return allowed.getOrDefault(service, List.of()).toArray(String[]::new);
    }

    @Override
    public void close() {
        commitment.close();
    }
}
