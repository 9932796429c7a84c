package org.lumen.dicom.deid;

import java.io.IOException;
import java.nio.file.Path;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.TransferSyntax;

/**
 * Where folder mode puts each de-identified instance. The CLI connects it to the Part 10 writer; tests collect instances
 * in memory. The target's parent folders may not exist yet.
 */
@FunctionalInterface
public interface DatasetSink {
    void write(Path target, Attributes fileMeta, Attributes dataset, TransferSyntax transferSyntax) throws IOException;
}
