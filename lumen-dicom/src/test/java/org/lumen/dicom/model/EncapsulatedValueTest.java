package org.lumen.dicom.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lumen.dicom.data.Fragments;
import org.lumen.dicom.data.VR;

class EncapsulatedValueTest {

    @Test
    void encodesItemsAndDelimiterAndDecodesThemBack() {
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[] {0, 0, 0, 0});
        fragments.add(new byte[] {1, 2});
        byte[] encoded = EncapsulatedValue.encode(fragments);
        assertThat(encoded).hasSize((int) EncapsulatedValue.encodedLength(fragments)).hasSize(8 + 4 + 8 + 2 + 8);
        Fragments back = EncapsulatedValue.decode(encoded, VR.OB);
        assertThat(back.size()).isEqualTo(2);
        assertThat(back.bytes(1)).containsExactly(1, 2);
        assertThat(EncapsulatedValue.decode(EncapsulatedValue.encode(new Fragments(VR.OB, false)), VR.OB).size()).isZero();
    }

    @Test
    void nativeBytesAndDamagedStructuresAreNotEncapsulated() {
        Fragments fragments = new Fragments(VR.OB, false);
        fragments.add(new byte[] {1, 2});
        byte[] encoded = EncapsulatedValue.encode(fragments);
        assertThat(EncapsulatedValue.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, VR.OB)).isNull();
        assertThat(EncapsulatedValue.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1), VR.OB)).isNull();
        byte[] trailing = java.util.Arrays.copyOf(encoded, encoded.length + 2);
        assertThat(EncapsulatedValue.decode(trailing, VR.OB)).isNull();
        byte[] hugeLength = encoded.clone();
        hugeLength[4] = (byte) 0xFF;
        hugeLength[7] = (byte) 0x7F;
        assertThat(EncapsulatedValue.decode(hugeLength, VR.OB)).isNull();
        byte[] nonZeroDelimiter = encoded.clone();
        nonZeroDelimiter[encoded.length - 4] = 1;
        assertThat(EncapsulatedValue.decode(nonZeroDelimiter, VR.OB)).isNull();
    }
}
