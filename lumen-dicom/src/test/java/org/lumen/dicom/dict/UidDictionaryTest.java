package org.lumen.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lumen.dicom.data.UID;
import org.junit.jupiter.api.Test;

class UidDictionaryTest {

    @Test
    void holdsTheAnnexARegistry() {
        assertThat(UidDictionary.entries()).hasSize(457);
        Set<String> types = UidDictionary.entries().stream().map(UidDictionary.Entry::type).collect(Collectors.toSet());
        assertThat(types).contains("SOP Class", "Transfer Syntax", "Well-known frame of reference", "Meta SOP Class",
                "Well-known SOP Instance", "Coding Scheme", "Application Context Name", "Service Class", "LDAP OID");
        assertThat(UidDictionary.entries().stream().filter(e -> e.type().equals("Transfer Syntax"))).hasSize(50);
    }

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource(delimiter = '|', value = {
        "1.2.840.10008.5.1.4.1.1.2      | CTImageStorage            | CT Image Storage                          | SOP Class",
        "1.2.840.10008.1.2              | ImplicitVRLittleEndian    | Implicit VR Little Endian                 | Transfer Syntax",
        "1.2.840.10008.1.2.1            | ExplicitVRLittleEndian    | Explicit VR Little Endian                 | Transfer Syntax",
        "1.2.840.10008.1.2.4.80         | JPEGLSLossless            | JPEG-LS Lossless Image Compression        | Transfer Syntax",
        "1.2.840.10008.1.2.4.201        | HTJ2KLossless             | High-Throughput JPEG 2000 Image Compression (Lossless Only) | Transfer Syntax",
        "1.2.840.10008.1.2.4.202        | HTJ2KLosslessRPCL         | High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only) | Transfer Syntax",
        "1.2.840.10008.1.2.4.203        | HTJ2K                     | High-Throughput JPEG 2000 Image Compression | Transfer Syntax",
        "1.2.840.10008.3.1.1.1          | DICOMApplicationContext   | DICOM Application Context Name            | Application Context Name",
        "1.2.840.10008.1.4.1.1          | TalairachBrainAtlas       | Talairach Brain Atlas Frame of Reference  | Well-known frame of reference",
        "1.2.840.10008.2.16.4           | DCM                       | DICOM Controlled Terminology              | Coding Scheme",
        "1.2.840.10008.5.1.4.1.2.2.1    | StudyRootQueryRetrieveInformationModelFind | Study Root Query/Retrieve Information Model - FIND | SOP Class",
    })
    void namesKeywordsAndTypes(String uid, String keyword, String name, String type) {
        assertThat(UidDictionary.nameOf(uid)).isEqualTo(name);
        assertThat(UidDictionary.keywordOf(uid)).isEqualTo(keyword);
        assertThat(UidDictionary.typeOf(uid)).isEqualTo(type);
        assertThat(UidDictionary.forKeyword(keyword)).isEqualTo(uid);
        assertThat(UidDictionary.isRetired(uid)).isFalse();
    }

    @Test
    void knowsRetiredUids() {
        assertThat(UidDictionary.isRetired("1.2.840.10008.1.2.2")).isTrue();
        assertThat(UidDictionary.nameOf("1.2.840.10008.1.2.2")).isEqualTo("Explicit VR Big Endian");
        assertThat(UidDictionary.isRetired("1.2.840.10008.5.1.4.1.1.5")).isTrue();
        // Retired and unnamed in PS3.6: registered, but without name or keyword.
        assertThat(UidDictionary.typeOf("1.2.840.10008.5.1.4.1.1.40")).isEqualTo("SOP Class");
        assertThat(UidDictionary.nameOf("1.2.840.10008.5.1.4.1.1.40")).isNull();
        assertThat(UidDictionary.keywordOf("1.2.840.10008.5.1.4.1.1.40")).isNull();
    }

    @Test
    void unknownUidsGiveNullAndFalse() {
        String privateUid = "1.2.826.0.1.3680043.8.498.1";
        assertThat(UidDictionary.nameOf(privateUid)).isNull();
        assertThat(UidDictionary.keywordOf(privateUid)).isNull();
        assertThat(UidDictionary.typeOf(privateUid)).isNull();
        assertThat(UidDictionary.isRetired(privateUid)).isFalse();
        assertThat(UidDictionary.nameOf(null)).isNull();
        assertThat(UidDictionary.forKeyword("NoSuchSopClass")).isNull();
        // A prefix of a registered UID is not that UID.
        assertThat(UidDictionary.nameOf("1.2.840.10008.5.1.4.1.1")).isNull();
    }

    @Test
    void generatedUidConstantsMatchTheDictionary() throws IllegalAccessException {
        assertThat(UID.CTImageStorage).isEqualTo("1.2.840.10008.5.1.4.1.1.2");
        assertThat(UID.ExplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2.1");
        assertThat(UID.HTJ2K).isEqualTo("1.2.840.10008.1.2.4.203");
        List<String> mismatches = new ArrayList<>();
        for (Field field : UID.class.getFields()) {
            String uid = (String) field.get(null);
            if (!field.getName().equals(UidDictionary.keywordOf(uid)) || !uid.equals(UidDictionary.forKeyword(field.getName()))) {
                mismatches.add(field.getName() + " = " + uid);
            }
        }
        assertThat(mismatches).isEmpty();
        long withKeyword = UidDictionary.entries().stream().filter(e -> !e.keyword().isEmpty()).count();
        assertThat(UID.class.getFields()).hasSize((int) withKeyword);
        assertThat(withKeyword).isEqualTo(455);
    }
}
