package org.lumen.dicom.io;

import java.nio.file.Path;
import java.util.List;
import org.lumen.dicom.data.Attributes;

/**
 * A parsed Part 10 file (or a bare dataset).
 *
 * @param source          where it came from, for messages (a path or a stream name)
 * @param path            the file when read from disk (bulk data references point into it), else null
 * @param hasPreamble     whether the 128-byte preamble and "DICM" were present
 * @param fileMeta        group 0002 (empty when the file had none)
 * @param dataset         the dataset
 * @param transferSyntax  the syntax the dataset was actually read in (after any correction of a wrong meta header)
 * @param warnings        producer defects that were tolerated, each naming its offset
 */
public record DicomFile(String source, Path path, boolean hasPreamble, Attributes fileMeta, Attributes dataset,
        TransferSyntax transferSyntax, List<String> warnings) {

    public DicomFile {
        warnings = List.copyOf(warnings);
    }
}
