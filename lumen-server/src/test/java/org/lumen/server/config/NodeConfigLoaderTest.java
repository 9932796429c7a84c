package org.lumen.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void noFileNoEnvironmentGivesTheDocumentedDefaults() throws Exception {
        NodeConfig config = NodeConfigLoader.load(null, Map.of());
        assertThat(config.data()).isEqualTo(Path.of("lumen-data"));
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.dicom().port()).isEqualTo(11112);
        assertThat(config.dicom().aeTitle()).isEqualTo("LUMEN");
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.archive().jdbcUrl()).isEmpty();
        assertThat(config.archive().duplicatePolicy()).isEqualTo("KEEP");
    }

    @Test
    void fileOverridesDefaultsKeyByKeyAndEnvironmentOverridesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("lumen.yaml"), """
                data: /srv/lumen
                dicom:
                  aeTitle: PACSAI
                  remoteAes:
                    ORTHANC: {host: 127.0.0.1, port: 4242}
                  allowedCallingAets:
                    store: [CT1, MR2]
                http:
                  corsOrigins: [http://localhost:3000]
                """);
        NodeConfig config = NodeConfigLoader.load(file, Map.of(
                "LUMEN_DICOM_PORT", "11113",
                "LUMEN_ARCHIVE_JDBC_URL", "jdbc:postgresql://127.0.0.1/lumen",
                "LUMEN_HTTP_CORS_ORIGINS", "http://a.test, http://b.test"));
        assertThat(config.data()).isEqualTo(Path.of("/srv/lumen"));
        assertThat(config.dicom().aeTitle()).isEqualTo("PACSAI");
        assertThat(config.dicom().port()).isEqualTo(11113);
        assertThat(config.dicom().maxAssociations()).isEqualTo(NodeConfig.defaults().dicom().maxAssociations());
        assertThat(config.dicom().remoteAes()).containsEntry("ORTHANC", new NodeConfig.RemoteAe("127.0.0.1", 4242));
        assertThat(config.dicom().allowedCallingAets()).containsEntry("store", List.of("CT1", "MR2"));
        assertThat(config.archive().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/lumen");
        assertThat(config.http().corsOrigins()).containsExactly("http://a.test", "http://b.test");
    }

    @Test
    void unknownSettingIsNamedNotIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("typo.yaml"), "dicom:\n  aetitle: X\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown setting 'dicom.aetitle'");
    }

    @Test
    void badValueNamesTheSetting() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "http:\n  port: eighty\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port");
    }

    @Test
    void invalidYamlAndMissingFileAreClearErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.yaml"), "dicom: [unclosed\n");
        assertThatThrownBy(() -> NodeConfigLoader.load(file, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> NodeConfigLoader.load(dir.resolve("absent.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not found");
    }

    @Test
    void everySettingHasOneEnvironmentVariableAndIsDocumented() throws Exception {
        assertThat(NodeConfigLoader.environmentName("dicom.aeTitle")).isEqualTo("LUMEN_DICOM_AE_TITLE");
        String reference = Files.readString(Path.of(System.getProperty("lumen.root"), "docs", "configuration.md"));
        for (String path : NodeConfigLoader.settingPaths()) {
            assertThat(reference).as("docs/configuration.md documents " + path)
                    .contains("`" + path + "`").contains(NodeConfigLoader.environmentName(path));
        }
    }

    @Test
    void printedConfigurationReadsBackEqual() throws Exception {
        NodeConfig config = NodeConfig.defaults().withBind("0.0.0.0");
        Path file = Files.writeString(dir.resolve("printed.yaml"), NodeConfigLoader.toYaml(config));
        assertThat(NodeConfigLoader.load(file, Map.of())).isEqualTo(config);
    }
}
