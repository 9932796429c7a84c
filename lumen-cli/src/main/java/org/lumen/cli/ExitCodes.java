package org.lumen.cli;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import org.lumen.dicom.io.DicomParseException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into the documented exit codes with one line on stderr: 2 for bad input (a file that is not valid DICOM,
 * a missing file, a bad argument value, pixel data that cannot be decoded or encoded, a damaged model package, an unreadable
 * dataset or image), 1 for anything else. The DICOM parse message already names the file, byte offset
 * and tag.
 */
public final class ExitCodes implements IExecutionExceptionHandler {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parseResult) {
        Throwable cause = unwrap(ex);
        cli.getErr().println("lumen: " + describe(cause));
        return isBadInput(cause) ? BAD_INPUT : FAILURE;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.io.UncheckedIOException || cause instanceof java.util.concurrent.CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static boolean isBadInput(Throwable t) {
        return t instanceof DicomParseException || t instanceof BadInputException
                || t instanceof org.lumen.dicom.deid.DeidentificationException || t instanceof NoSuchFileException
                || t instanceof FileNotFoundException || t instanceof org.lumen.dicom.pixel.PixelDataException
                || t instanceof org.lumen.ai.model.ModelPackageException || t instanceof org.lumen.ai.data.npz.NpzException
                || t instanceof org.lumen.ai.data.ImageReadException;
    }

    private static String describe(Throwable t) {
        if (t instanceof NoSuchFileException e) {
            return "no such file: " + e.getFile();
        }
        String message = t.getMessage();
        return message != null ? message : t.getClass().getSimpleName();
    }
}
