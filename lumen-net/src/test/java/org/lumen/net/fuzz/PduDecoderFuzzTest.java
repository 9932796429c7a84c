package org.lumen.net.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.lumen.net.dimse.Command;
import org.lumen.net.dimse.DimseFormatException;
import org.lumen.net.pdu.Pdu;
import org.lumen.net.pdu.PduCodec;
import org.lumen.net.pdu.PduFormatException;

/**
 * Feeds arbitrary bytes to the PDU decoder (whole PDU and stream reader) and, for every command PDV it yields, to the DIMSE
 * command decoder; the bytes are also tried as a command set directly. Only our declared format exceptions may escape
 * (and EOFException from the stream reader when the bytes end inside a PDU); anything else, an OutOfMemoryError or a hang
 * is a finding. The limits are small so that a length field cannot make us allocate much. In the normal test run this
 * replays the seeds in src/test/resources; with JAZZER_FUZZ=1 it fuzzes for the given time.
 */
class PduDecoderFuzzTest {
    private static final PduCodec.Limits LIMITS = new PduCodec.Limits(16384, 16384);

    @FuzzTest(maxDuration = "60s")
    void fuzzDecode(byte[] input) throws IOException {
        try {
            Pdu pdu = PduCodec.decode(input, LIMITS);
            if (pdu instanceof Pdu.PData data) {
                for (Pdu.Pdv pdv : data.pdvs()) {
                    if (pdv.command()) {
                        decodeCommand(pdv.data());
                    }
                }
            }
            // What we decode we can encode again.
            PduCodec.encode(pdu);
        } catch (PduFormatException expected) {
            // the decoder's documented answer to bad input
        }
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(input);
            while (PduCodec.read(in, LIMITS) != null) {
                // read every PDU the bytes hold
            }
        } catch (PduFormatException | EOFException expected) {
            // bad PDU, or the bytes end inside one
        }
        decodeCommand(input);
    }

    private static void decodeCommand(byte[] bytes) {
        try {
            Command command = Command.decode(bytes);
            command.toString();
            command.encode();
        } catch (DimseFormatException expected) {
            // the command decoder's documented answer to bad input
        }
    }
}
