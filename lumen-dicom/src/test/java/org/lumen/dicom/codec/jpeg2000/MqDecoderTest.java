package org.lumen.dicom.codec.jpeg2000;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The MQ decoder against the arithmetic coder test sequence of ITU-T T.88 / ISO 15444-1 (one context, state 0). */
class MqDecoderTest {
    private static final byte[] PLAIN = HexFormat.of().parseHex(
            "00020051000000C00352872AAAAAAAAA82C02000FCD79EF6BF7FED904F46A3BF");
    private static final byte[] CODED = HexFormat.of().parseHex(
            "84C73BFCE1A1430402200000410DBB86F4317FFF88FF37471ADB6ADFFFAC");

    @Test
    void decodesTheStandardTestSequence() {
        MqDecoder mq = new MqDecoder();
        java.util.Arrays.fill(mq.contexts, 0);
        mq.start(CODED, 0, CODED.length);
        byte[] decoded = new byte[PLAIN.length];
        for (int i = 0; i < PLAIN.length * 8; i++) {
            decoded[i >> 3] |= (byte) (mq.decode(0) << (7 - (i & 7)));
        }
        assertThat(HexFormat.of().formatHex(decoded)).isEqualTo(HexFormat.of().formatHex(PLAIN));
    }
}
