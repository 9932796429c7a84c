package org.lumen.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.TransferSyntax;

/** Writes a message's data set into the P-DATA stream; streams it when it comes from an InputStream. */
@FunctionalInterface
public interface DataWriter {
    void writeTo(OutputStream out, String transferSyntaxUid) throws IOException;

    static DataWriter of(InputStream in) {
        return (out, ts) -> in.transferTo(out);
    }

    static DataWriter of(Attributes dataset) {
        return (out, ts) -> DicomWriter.writeDataset(out, dataset, TransferSyntax.of(ts));
    }
}
