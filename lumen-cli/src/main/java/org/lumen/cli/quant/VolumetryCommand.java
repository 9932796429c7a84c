package org.lumen.cli.quant;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lumen volumetry ...}: volumes from label maps and from atlas segmentation; wiring only. */
@Command(name = "volumetry", mixinStandardHelpOptions = true,
        description = "Measure volumes: of any label map, or of brain structures by atlas registration.",
        subcommands = {VolumetryLabelsCommand.class, HippocampusCommand.class, CommandLine.HelpCommand.class})
public final class VolumetryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name what to measure: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
