package org.lumen.dicom.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UidMapperTest {
    private static final byte[] SECRET = "a test secret of 32 bytes length".getBytes(StandardCharsets.US_ASCII);
    private static final String CT_SOP_INSTANCE = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";

    @Test
    void sameSecretGivesTheSameUidAndAnotherSecretAnotherOne() {
        UidMapper mapper = new UidMapper(SECRET);
        String mapped = mapper.map(CT_SOP_INSTANCE);
        assertThat(new UidMapper(SECRET.clone()).map(CT_SOP_INSTANCE)).isEqualTo(mapped);
        assertThat(mapper.map(CT_SOP_INSTANCE + " ")).as("padding is not part of the UID").isEqualTo(mapped);
        assertThat(UidMapper.withRandomSecret().map(CT_SOP_INSTANCE)).isNotEqualTo(mapped);
        assertThat(mapper.map(CT_SOP_INSTANCE + "1")).isNotEqualTo(mapped);
    }

    @Test
    void replacementIsAVersion8UuidUnderRoot225() {
        String mapped = new UidMapper(SECRET).map(CT_SOP_INSTANCE);
        assertThat(mapped).startsWith("2.25.").hasSizeLessThanOrEqualTo(64).matches("2\\.25\\.[1-9][0-9]*");
        BigInteger uuid = new BigInteger(mapped.substring(5));
        assertThat(uuid.bitLength()).isLessThanOrEqualTo(128);
        assertThat(uuid.shiftRight(76).intValue() & 0xF).as("version nibble").isEqualTo(8);
        assertThat(uuid.shiftRight(62).intValue() & 0x3).as("variant bits").isEqualTo(2);
    }

    @Test
    void uidsDefinedByTheStandardAreKept() {
        UidMapper mapper = new UidMapper(SECRET);
        assertThat(mapper.map("1.2.840.10008.5.1.4.1.1.2")).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(mapper.map("1.2.840.10008.1.2.1")).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(mapper.map("")).isEmpty();
        assertThat(mapper.map("1.2.840.100081")).as("only the root 1.2.840.10008. itself").startsWith("2.25.");
    }

    @Test
    void pseudonymsAreRepeatableAndDistinctPerIdentifier() {
        UidMapper mapper = new UidMapper(SECRET);
        assertThat(mapper.pseudonym("1CT1")).isEqualTo(new UidMapper(SECRET).pseudonym("1CT1")).matches("ANON[0-9A-F]{16}");
        assertThat(mapper.pseudonym("1CT1")).isNotEqualTo(mapper.pseudonym("4MR1"));
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new UidMapper(new byte[8])).hasMessageContaining("at least 16 bytes");
    }
}
