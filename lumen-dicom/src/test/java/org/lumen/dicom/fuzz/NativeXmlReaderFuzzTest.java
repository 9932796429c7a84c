package org.lumen.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.lumen.dicom.data.Attributes;
import org.lumen.dicom.model.ModelWriteOptions;
import org.lumen.dicom.xml.DicomXmlException;
import org.lumen.dicom.xml.NativeXmlReader;
import org.lumen.dicom.xml.NativeXmlWriter;

/**
 * Feeds arbitrary bytes to the Native DICOM XML reader. The only exception allowed is {@link DicomXmlException}; what the
 * reader accepts must also write and read back to the same dataset. Seeds are in the test resources next to this class.
 */
class NativeXmlReaderFuzzTest {
    private static final NativeXmlReader READER = new NativeXmlReader();
    private static final NativeXmlWriter WRITER = new NativeXmlWriter(ModelWriteOptions.EXACT);

    @FuzzTest(maxDuration = "60s")
    void fuzzRead(byte[] input) throws DicomXmlException {
        Attributes dataset;
        try {
            dataset = READER.read(input);
        } catch (DicomXmlException expected) {
            return;
        }
        FuzzChecks.touch(dataset);
        Attributes again = READER.read(WRITER.toXml(dataset));
        String difference = dataset.firstDifference(again);
        if (difference != null) {
            throw new IllegalStateException("XML written from an accepted document reads back differently: " + difference);
        }
    }
}
