package org.lumen.image.radiomics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The IBSI reference configurations as the manual's tables (chapter 5) give them, and what a settings file may say. */
class RadiomicsSettingsTest {

    @Test
    void configurationsAreTheManualsTables() {
        RadiomicsConfig a = RadiomicsConfig.named("A");
        assertThat(a.resampling()).isEmpty();
        assertThat(a.range()).contains(new RadiomicsConfig.IntensityRange(-500, 400));
        assertThat(a.discretisation()).isEqualTo(Discretisation.binSize(25));
        assertThat(a.ivhDiscretisation()).isEqualTo(Discretisation.NONE);
        assertThat(a.textureDimensionalities()).containsExactlyInAnyOrder(Dimensionality.TWO_D,
                Dimensionality.TWO_AND_HALF_D);

        RadiomicsConfig b = RadiomicsConfig.named("B");
        assertThat(b.resampling()).contains(new RadiomicsConfig.Resampling(2, true, GridInterpolation.LINEAR,
                GridInterpolation.LINEAR, 0.5, true));
        assertThat(b.discretisation()).isEqualTo(Discretisation.binNumber(32));

        RadiomicsConfig c = RadiomicsConfig.named("c");
        assertThat(c.resampling()).contains(new RadiomicsConfig.Resampling(2, false, GridInterpolation.LINEAR,
                GridInterpolation.LINEAR, 0.5, true));
        assertThat(c.range()).contains(new RadiomicsConfig.IntensityRange(-1000, 400));
        assertThat(c.outlierSigma()).isEmpty();
        assertThat(c.ivhDiscretisation()).isEqualTo(Discretisation.binSize(2.5));
        assertThat(c.textureDimensionalities()).containsExactly(Dimensionality.THREE_D);

        RadiomicsConfig d = RadiomicsConfig.named("D");
        assertThat(d.range()).isEmpty();
        assertThat(d.outlierSigma()).isEqualTo(OptionalDouble.of(3));

        RadiomicsConfig e = RadiomicsConfig.named("E");
        assertThat(e.resampling().orElseThrow().image()).isEqualTo(GridInterpolation.CUBIC_SPLINE);
        assertThat(e.resampling().orElseThrow().mask()).isEqualTo(GridInterpolation.LINEAR);
        assertThat(e.range()).contains(new RadiomicsConfig.IntensityRange(-1000, 400));
        assertThat(e.outlierSigma()).isEqualTo(OptionalDouble.of(3));
        assertThat(e.ivhDiscretisation()).isEqualTo(Discretisation.binNumber(1000));

        RadiomicsConfig phantom = RadiomicsConfig.named("digital-phantom");
        assertThat(phantom.discretisation()).isEqualTo(Discretisation.NONE);
        assertThat(phantom.textureDimensionalities()).isEqualTo(EnumSet.allOf(Dimensionality.class));
    }

    @Test
    void aHalfOpenRangeAndInfinityParse() throws Exception {
        RadiomicsConfig config = parse(minimal().replace("resegmentation.range = -500, 400",
                "resegmentation.range = -500, inf"));
        assertThat(config.range()).contains(new RadiomicsConfig.IntensityRange(-500, Double.POSITIVE_INFINITY));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> parse(minimal().replace("discretisation = FBS 25\n", "")))
                .hasMessageContaining("setting discretisation is missing");
        assertThatThrownBy(() -> parse(minimal() + "resampling.spacin = 2\n")).hasMessageContaining("[resampling.spacin]");
        assertThatThrownBy(() -> parse(minimal().replace("-500, 400", "none")))
                .hasMessageContaining("fixed bin size discretisation needs a re-segmentation range");
        assertThatThrownBy(() -> parse(minimal().replace("resampling.spacing = none", "resampling.spacing = 1, 1, 2")))
                .hasMessageContaining("isotropic");
        assertThatThrownBy(() -> RadiomicsConfig.named("F")).hasMessageContaining("digital-phantom, A, B, C, D, E");
    }

    private static String minimal() {
        return "name = mine\ntexture.dimensionalities = 3D\nresampling.spacing = none\nresegmentation.range = -500, 400\n"
                + "resegmentation.outliers = none\ndiscretisation = FBS 25\nivh.discretisation = none\n";
    }

    private static RadiomicsConfig parse(String text) throws Exception {
        return RadiomicsSettings.parse(new StringReader(text), "test.properties");
    }

    @Test
    void unusedOptionalPartsStayEmpty() throws Exception {
        assertThat(parse(minimal()).resampling()).isEqualTo(Optional.empty());
    }
}
