package org.lumen.server.dimse;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.UID;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.Part10Layout;
import org.lumen.net.QueryRequest;
import org.lumen.net.RetrieveService;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.lumen.server.archive.Archive;
import org.lumen.server.archive.QueryLevel;
import org.lumen.server.archive.QueryOptions;
import org.lumen.server.archive.StoredInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * C-MOVE and C-GET over the archive: the identifier's unique keys (Patient ID, Study, Series, SOP Instance UIDs, lists
 * allowed) at and above its level select the instances, found through the same query engine as C-FIND; the network layer
 * runs the C-STORE sub-operations from the stored files as they lie on disk.
 */
final class ArchiveRetrieveScp implements RetrieveService {
    /** The unique key of each level, in QueryLevel order. */
    private static final int[] UNIQUE_KEYS = {Tag.PatientID, Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID};
    private static final VR[] UNIQUE_KEY_VRS = {VR.LO, VR.UI, VR.UI, VR.UI};

    private final Archive archive;

    ArchiveRetrieveScp(Archive archive) {
        this.archive = archive;
    }

    @Override
    public List<Instance> onRetrieve(QueryRequest req, Attributes keys) throws DimseException {
        QueryLevel level = QueryLevels.of(keys);
        boolean patientRoot = UID.PatientRootQueryRetrieveInformationModelMove.equals(req.sopClassUid())
                || UID.PatientRootQueryRetrieveInformationModelGet.equals(req.sopClassUid());
        Attributes selection = uniqueKeys(level, keys, patientRoot);
        QueryOptions options = QueryOptions.DEFAULT.withPatientRoot(patientRoot);
        List<Instance> instances = new ArrayList<>();
        try (Stream<Attributes> matches = archive.find(QueryLevel.IMAGE, selection, options)) {
            matches.map(match -> archive.instance(match.getString(Tag.SOPInstanceUID)))
                    .flatMap(Optional::stream)
                    .forEach(stored -> instances.add(toInstance(stored)));
        }
        return instances;
    }

    private static Attributes uniqueKeys(QueryLevel level, Attributes keys, boolean patientRoot) throws DimseException {
        Attributes selection = new Attributes();
        int first = patientRoot ? 0 : 1;
        int last = level.ordinal();
        for (int i = first; i <= last; i++) {
            int tag = UNIQUE_KEYS[i];
            String[] values = keys.getStrings(tag);
            if (values.length > 0) {
                selection.setString(tag, UNIQUE_KEY_VRS[i], values);
            }
        }
        int levelKey = UNIQUE_KEYS[last];
        if (!selection.contains(levelKey)) {
            throw new DimseException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "A " + level + " level retrieve needs "
                    + org.lumen.dicom.data.Tags.toString(levelKey) + " in the identifier");
        }
        return selection;
    }

    private static Instance toInstance(StoredInstance stored) {
        return new Instance(stored.sopClassUid(), stored.sopInstanceUid(), stored.transferSyntaxUid(),
                () -> Part10Layout.openDataset(stored.path()));
    }
}
