package org.lumen.server.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.transcode.Transcoder;

/**
 * A stand-in backend for route tests that do not search: files kept as received in a folder. QIDO tests use the real
 * archive ({@link ArchiveBackend}).
 */
final class FolderBackend implements DicomWebBackend {
    private final Path dir;
    private final Map<String, InstanceLocation> bySop = new ConcurrentHashMap<>();

    FolderBackend(Path dir) {
        this.dir = dir;
    }

    @Override
    public Stream<Attributes> search(QidoQuery query) {
        throw new UnsupportedOperationException("FolderBackend does not search");
    }

    @Override
    public List<InstanceLocation> locate(String study, String series, String sop) {
        List<InstanceLocation> out = new ArrayList<>();
        for (InstanceLocation i : bySop.values()) {
            if (i.studyUid().equals(study) && (series == null || i.seriesUid().equals(series))
                    && (sop == null || i.sopInstanceUid().equals(sop))) {
                out.add(i);
            }
        }
        out.sort(java.util.Comparator.comparing(InstanceLocation::seriesUid).thenComparing(InstanceLocation::sopInstanceUid));
        return out;
    }

    @Override
    public Stored store(InputStream part10) throws StoreRefusal, IOException {
        Path file = Files.createTempFile(dir, "in-", ".dcm");
        Files.copy(part10, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        DicomFile f;
        try {
            f = DicomReader.read(file, ReadOptions.HEADER_ONLY);
        } catch (IOException | RuntimeException e) {
            Files.delete(file);
            throw new StoreRefusal(0xC000, "Not DICOM: " + e.getMessage(), e);
        }
        Attributes ds = f.dataset();
        InstanceLocation loc = new InstanceLocation(ds.getString(Tag.StudyInstanceUID), ds.getString(Tag.SeriesInstanceUID),
                ds.getString(Tag.SOPInstanceUID), ds.getString(Tag.SOPClassUID), Transcoder.sourceSyntax(f).uid(), file);
        bySop.put(loc.sopInstanceUid(), loc);
        return new Stored(loc.studyUid(), loc.seriesUid(), loc.sopClassUid(), loc.sopInstanceUid());
    }
}
