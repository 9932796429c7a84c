package org.lumen.server.dimse;

import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.net.FindService;
import org.lumen.net.QueryRequest;
import org.lumen.net.dimse.DimseException;
import org.lumen.net.dimse.Status;
import org.lumen.server.query.WorklistQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Modality Worklist C-FIND. The scheduled procedure steps are DICOM files in a folder ({@code <data>/worklist}, one item a
 * file, as dcmtk's wlmscpfs keeps them), read at each query so that a RIS or a script can drop and remove items at any time.
 * A file that does not parse is skipped with a log line naming it.
 */
final class WorklistScp implements FindService {
    private static final Logger LOG = LoggerFactory.getLogger(WorklistScp.class);

    private final Path folder;

    WorklistScp(Path folder) {
        this.folder = folder;
    }

    @Override
    public Stream<Attributes> onCFind(QueryRequest req, Attributes keys) throws DimseException {
        return WorklistQuery.match(items(), keys);
    }

    private List<Attributes> items() throws DimseException {
        List<Attributes> items = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return items;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    items.add(DicomReader.read(file, ReadOptions.DEFAULT).dataset());
                } catch (IOException e) {
                    LOG.warn("Worklist item {} skipped: {}", file.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new DimseException(Status.UNABLE_TO_PROCESS, "Cannot read the worklist folder: " + e.getMessage(), e);
        }
        return items;
    }
}
