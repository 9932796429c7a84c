package org.lumen.server.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.WriteOptions;
import org.lumen.dicom.transcode.Transcoder;

/** Writes one stored instance as a Part 10 stream: the file's bytes as they are, or transcoded by the toolkit. */
final class InstanceWriter {
    private InstanceWriter() {
    }

    static void write(DicomWebBackend.InstanceLocation instance, String syntax, OutputStream out) throws IOException {
        if (syntax.equals(instance.transferSyntaxUid())) {
            Files.copy(instance.path(), out);
            return;
        }
        DicomFile file = DicomReader.read(instance.path(), ReadOptions.DEFAULT);
        Attributes dataset = Transcoder.transcode(file, syntax);
        DicomWriter.write(out, Transcoder.fileMeta(file, syntax), dataset, syntax, WriteOptions.DEFAULT);
    }
}
