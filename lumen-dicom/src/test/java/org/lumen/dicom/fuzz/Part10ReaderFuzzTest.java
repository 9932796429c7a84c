package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.data.Sequence;
import org.lumen.dicom.dump.DumpFormatter;
import org.lumen.dicom.io.DicomFile;
import org.lumen.dicom.io.DicomParseException;
import org.lumen.dicom.io.DicomReader;
import org.lumen.dicom.io.ReadOptions;

/**
 * Feeds arbitrary bytes to the Part 10 reader. The only exception allowed to escape is our own parse exception; anything
 * else (a runtime exception, a stack overflow, running out of memory, a hang) is a finding. In the normal test run this
 * replays the seeds (small corpus files placed by {@code run-tests}); with JAZZER_FUZZ=1 it fuzzes for the given time.
 */
class Part10ReaderFuzzTest {

    @FuzzTest(maxDuration = "180s")
    void fuzzRead(byte[] input) throws java.io.IOException {
        try {
            DicomFile file = DicomReader.read(input, "fuzz-input", ReadOptions.INCLUDE_ALL);
            touch(file.fileMeta());
            touch(file.dataset());
            new DumpFormatter().format(file.dataset());
        } catch (DicomParseException expected) {
            // The reader's documented answer to bad input.
        }
    }

    /** Decodes every value, as a caller would, so that lazy decoding is fuzzed too. */
    private static void touch(Attributes dataset) {
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.valueAt(i) instanceof Sequence sequence) {
                for (Attributes item : sequence) {
                    touch(item);
                }
            } else if (dataset.vrAt(i).isString() || dataset.vrAt(i).isBinaryNumber()) {
                dataset.stringsAt(i);
            }
        }
        dataset.specificCharacterSet();
    }
}
