package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.json.DicomJsonException;
import org.lumen.dicom.json.DicomJsonReader;
import org.lumen.dicom.json.DicomJsonWriter;
import org.lumen.dicom.model.ModelWriteOptions;

/**
 * Feeds arbitrary bytes to the DICOM JSON reader. The only exception allowed is {@link DicomJsonException}; anything else
 * (a runtime exception, a stack overflow, running out of memory, a hang) is a finding. What the reader accepts must also
 * write and read back to the same dataset. Seeds are in the test resources next to this class.
 */
class DicomJsonReaderFuzzTest {
    private static final DicomJsonReader READER = new DicomJsonReader();
    private static final DicomJsonWriter WRITER = new DicomJsonWriter(ModelWriteOptions.EXACT);

    @FuzzTest(maxDuration = "60s")
    void fuzzRead(byte[] input) throws DicomJsonException {
        Attributes dataset;
        try {
            dataset = READER.read(input);
        } catch (DicomJsonException expected) {
            return;
        }
        FuzzChecks.touch(dataset);
        Attributes again = READER.read(WRITER.toJson(dataset));
        String difference = dataset.firstDifference(again);
        if (difference != null) {
            throw new IllegalStateException("JSON written from an accepted document reads back differently: " + difference);
        }
    }
}
