package org.lumen.cli.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;

/** The instances a peer (storescp, `lumen dicom get`) wrote into a folder. */
final class ReceivedInstances {
    private ReceivedInstances() {
    }

    /** The DICOM files under {@code dir} (recursively), by SOP Instance UID; other files are ignored. */
    static Map<String, Attributes> instancesIn(Path dir) throws IOException {
        Map<String, Attributes> out = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            try {
                Attributes ds = DicomReader.read(f, ReadOptions.INCLUDE_ALL).dataset();
                String iuid = ds.getString(Tag.SOPInstanceUID);
                if (iuid != null) {
                    out.put(iuid, ds);
                }
            } catch (IOException | RuntimeException notDicom) {
                // logs, index files
            }
        }
        return out;
    }
}
