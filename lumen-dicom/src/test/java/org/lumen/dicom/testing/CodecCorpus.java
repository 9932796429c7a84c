package org.lumen.dicom.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lumen.dicom.data.Tags;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.transcode.Transcoder;

/**
 * The corpus files by the transfer syntax of their pixel data (the meta header's, as {@link Transcoder#sourceSyntax}
 * reads it), as paths relative to ../shared/data/dicom with '/' separators. Scanned once per test JVM.
 */
public final class CodecCorpus {
    private static Map<String, String> syntaxByFile;

    private CodecCorpus() {
    }

    /** The files whose pixel data is in one of {@code transferSyntaxUids}, sorted. */
    public static List<String> files(String... transferSyntaxUids) {
        Set<String> wanted = Set.of(transferSyntaxUids);
        List<String> out = new ArrayList<>();
        scan().forEach((file, uid) -> {
            if (wanted.contains(uid)) {
                out.add(file);
            }
        });
        return out;
    }

    /** Every file with encapsulated pixel data, sorted, with its transfer syntax UID. */
    public static Map<String, String> encapsulated() {
        Map<String, String> out = new LinkedHashMap<>();
        scan().forEach((file, uid) -> {
            if (TransferSyntax.of(uid).encapsulated()) {
                out.put(file, uid);
            }
        });
        return out;
    }

    private static synchronized Map<String, String> scan() {
        if (syntaxByFile == null) {
            Path root = TestData.data("dicom");
            Map<String, String> found = new LinkedHashMap<>();
            for (Path file : TestData.dicomCorpus()) {
                try {
                    DicomFile header = DicomReader.read(file, ReadOptions.HEADER_ONLY);
                    if (header.dataset().contains(Tags.PIXEL_DATA) || header.transferSyntax().encapsulated()) {
                        found.put(root.relativize(file).toString().replace(File.separatorChar, '/'),
                                Transcoder.sourceSyntax(header).uid());
                    }
                } catch (IOException | RuntimeException e) {
                    // not every corpus file parses; the reader's own tests cover those
                }
            }
            syntaxByFile = found;
        }
        return syntaxByFile;
    }

    /** For messages: the names of {@code files}. */
    public static String describe(List<String> files) {
        return Arrays.toString(files.toArray());
    }
}
