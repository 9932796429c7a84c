package org.lumen.server.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Tag;
import org.lumen.dicom.data.VR;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;

/**
 * The process the durability test kills: stores generated instances one after another and prints "ACK uid" after each
 * store() has returned (so every printed UID was acknowledged). Arguments: data folder, template file, UID prefix, count.
 */
public final class DurabilityChild {
    private DurabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path template = Path.of(args[1]);
        String prefix = args[2];
        int count = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        DicomFile file = DicomReader.read(template, ReadOptions.INCLUDE_ALL);
        Archive archive = Archive.open(ArchiveConfig.of(data));
        out.println("OPEN");
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String uid = prefix + "." + i;
            byte[] dataset = datasetBytes(file, uid);
            archive.store(new IncomingInstance(file.transferSyntax().uid(), file.dataset().getString(Tag.SOPClassUID), uid,
                    "CHILD", new ByteArrayInputStream(dataset)));
            out.println("ACK " + uid);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("DONE %d %.1f%n", count, count / seconds);
        archive.close();
    }

    /** The data set the child sends for {@code uid}: the template with new SOP Instance and Series UIDs (10 per series). */
    public static byte[] datasetBytes(DicomFile template, String uid) throws IOException {
        Attributes dataset = template.dataset().deepCopy();
        dataset.setString(Tag.SOPInstanceUID, VR.UI, uid);
        int dot = uid.lastIndexOf('.');
        int n = Integer.parseInt(uid.substring(dot + 1));
        dataset.setString(Tag.SeriesInstanceUID, VR.UI, uid.substring(0, dot) + ".9." + (n / 10));
        dataset.setString(Tag.StudyInstanceUID, VR.UI, uid.substring(0, dot) + ".8." + (n / 100));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomWriter.writeDataset(bytes, dataset, template.transferSyntax());
        return bytes.toByteArray();
    }
}
