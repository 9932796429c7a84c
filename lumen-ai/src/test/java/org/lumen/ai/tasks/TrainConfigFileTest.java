package org.lumen.ai.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lumen.ai.train.ClassBalance;
import org.lumen.ai.train.TrainConfig;

class TrainConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void aFileChangesSomeSettingsOfItsTaskPresetAndKeepsTheRest() throws Exception {
        Path file = tmp.resolve("breast.yaml");
        Files.writeString(file, """
                task: breast-us
                npz: data/breastmnist.npz
                epochs: 7
                classBalance: BALANCED_SAMPLING
                network: {widths: [16, 32], blocks: [1, 2]}
                augmentation:
                  rotationDegrees: 12.5
                """);
        TrainConfig config = TrainConfigFile.read(file);
        TrainConfig preset = Tasks.get("breast-us").defaults();
        assertThat(config.npz()).isEqualTo(Path.of("data/breastmnist.npz"));
        assertThat(config.epochs()).isEqualTo(7);
        assertThat(config.classBalance()).isEqualTo(ClassBalance.BALANCED_SAMPLING);
        assertThat(config.network().widths()).containsExactly(16, 32);
        assertThat(config.network().blocks()).containsExactly(1, 2);
        assertThat(config.network().stemWidth()).isEqualTo(preset.network().stemWidth());
        assertThat(config.augmentation().rotationDegrees()).isEqualTo(12.5);
        assertThat(config.augmentation().flipLeftRight()).isEqualTo(preset.augmentation().flipLeftRight());
        assertThat(config.positiveClass()).isZero();
        assertThat(config.classes()).containsExactly("malignant", "normal-or-benign");
        assertThat(config.lr()).isEqualTo(preset.lr());
    }

    @Test
    void anUnknownTaskIsNamedWithTheTasksThereAre() throws Exception {
        Path file = tmp.resolve("x.yaml");
        Files.writeString(file, "task: knee-mri\n");
        assertThatThrownBy(() -> TrainConfigFile.read(file)).hasMessageContaining("knee-mri")
                .hasMessageContaining("pneumonia-cxr");
    }

    @Test
    void aBadValueNamesTheFile() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "task: pneumonia-cxr\nepochs: 0\n");
        assertThatThrownBy(() -> TrainConfigFile.read(file)).hasMessageContaining("bad.yaml").hasMessageContaining("epochs");
    }
}
