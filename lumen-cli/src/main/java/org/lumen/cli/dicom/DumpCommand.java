package org.lumen.cli.dicom;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lumen.dicom.data.BulkData;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.dump.DumpFormatter;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.dicom.model.BulkDataPolicy;
import org.lumen.dicom.model.BulkDataUriFunction;
import org.lumen.dicom.model.BulkDataUris;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lumen dicom dump FILE [--json]}: list a file's attributes like dcmdump, or print its DICOM JSON model. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "List a DICOM file's attributes (like dcmdump), or print the DICOM JSON model with --json.")
public final class DumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "A DICOM file (Part 10 or a bare dataset).")
    Path file;

    @Option(names = "--json", description = "Print the DICOM JSON model (PS3.18 F.2) of the dataset; no group 0002; bulk data as BulkDataURI.")
    boolean json;

    @Option(names = "--meta", negatable = true, defaultValue = "true", description = "Include the file meta information in the listing (default: ${DEFAULT-VALUE}).")
    boolean meta;

    @Override
    public Integer call() throws Exception {
        DicomFile dicom = DicomReader.read(file.toAbsolutePath().normalize(), ReadOptions.DEFAULT);
        if (json) {
            printJson(dicom);
            return 0;
        }
        StringBuilder out = new StringBuilder();
        DumpFormatter formatter = new DumpFormatter();
        if (meta && !dicom.fileMeta().isEmpty()) {
            out.append("# File meta information\n");
            formatter.append(out, dicom.fileMeta(), 0);
            out.append("\n# Dataset (").append(dicom.transferSyntax().name()).append(")\n");
        }
        formatter.append(out, dicom.dataset(), 0);
        System.out.print(out);
        for (String warning : dicom.warnings()) {
            System.err.println("warning: " + warning);
        }
        return 0;
    }

    /**
     * The PS3.18 JSON model of the dataset: no group 0002; pixel data and values the reader left in the file (1 KiB or more)
     * as a BulkDataURI naming this file and where the value lies in it; smaller binary values inline.
     */
    private void printJson(DicomFile dicom) throws java.io.IOException {
        String fileUri = file.toAbsolutePath().toUri().toString();
        BulkDataUriFunction uris = (path, vr, value) -> {
            if (value instanceof BulkData bulk) {
                return BulkDataUris.of(bulk);
            }
            boolean pixelData = path.equals("7FE00010") || path.equals("7FE00008") || path.equals("7FE00009");
            return value instanceof Fragments || pixelData ? fileUri + "#element=" + path : null;
        };
        ModelWriteOptions options = ModelWriteOptions.DEFAULT.withBulkData(BulkDataPolicy.URI, 0).withBulkDataUris(uris)
                .withPrettyPrint(true);
        new DicomJsonWriter(options).write(dicom.dataset(), System.out);
        System.out.println();
        System.out.flush();
    }
}
