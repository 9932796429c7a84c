package org.lumen.cli.dicom;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lumen.cli.BadInputException;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.dict.UidDictionary;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.DicomWriter;
import org.lumen.dicom.io.ReadOptions;
import org.lumen.dicom.io.TransferSyntax;
import org.lumen.dicom.pixel.EncodeOptions;
import org.lumen.dicom.transcode.Transcoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lumen dicom transcode IN OUT --ts UID}. */
@Command(name = "transcode", mixinStandardHelpOptions = true,
        description = "Rewrite a DICOM file in another transfer syntax: any syntax Lumen decodes (native, deflate, RLE, "
                + "JPEG, JPEG-LS, JPEG 2000) to any it writes (native, deflate, RLE, JPEG Lossless SV1, JPEG-LS, "
                + "JPEG 2000 lossless). Frames are decoded and encoded in parallel.")
public final class TranscodeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT")
    Path out;

    @Option(names = "--ts", required = true, paramLabel = "UID",
            description = "Target transfer syntax UID, e.g. 1.2.840.10008.1.2.1 (explicit VR little endian).")
    String ts;

    @Option(names = "--near", paramLabel = "N", defaultValue = "2",
            description = "JPEG-LS near-lossless (1.2.840.10008.1.2.4.81): largest error allowed per sample (default: 2).")
    int near;

    @Override
    public Integer call() throws Exception {
        String target = ts.trim();
        if (!TransferSyntax.isKnown(target)) {
            String name = UidDictionary.nameOf(target);
            throw new BadInputException("--ts " + target + " is not a transfer syntax UID"
                    + (name != null ? " (it is " + name + ")" : ""));
        }
        TransferSyntax syntax = TransferSyntax.of(target);
        if (syntax.encapsulated() && !syntax.video() && !org.lumen.dicom.pixel.FrameEncoders.standard().canEncode(syntax)) {
            // a choice this build cannot honour is the user's to change: bad input, before any file is read
            throw new BadInputException("No encoder for " + syntax.name() + " (" + target + ")");
        }
        DicomFile file = DicomReader.read(in, ReadOptions.DEFAULT);
        Attributes dataset;
        try {
            dataset = Transcoder.transcode(file, target, EncodeOptions.DEFAULT.withNearLossless(near));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(in + ": " + e.getMessage(), e);
        }
        DicomWriter.write(out, Transcoder.fileMeta(file, target), dataset, target);
        return 0;
    }
}
