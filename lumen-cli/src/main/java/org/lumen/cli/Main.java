package org.lumen.cli;

import org.lumen.cli.dicom.DicomCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lumen} command: wiring only; each subcommand lives in its own class over the libraries. */
@Command(name = "lumen", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lumen: an open imaging-AI node (DICOM toolkit, archive, analyses, reports).",
        subcommands = {DicomCommand.class, org.lumen.cli.serve.ServeCommand.class, DemoCommand.class,
                org.lumen.cli.bench.BenchCommand.class, org.lumen.cli.archive.ArchiveCommand.class,
                org.lumen.cli.ai.ModelsCommand.class,
                org.lumen.cli.ai.AnalyzeCommand.class, org.lumen.cli.ai.EvaluateCommand.class,
                org.lumen.cli.ai.TrainCommand.class, org.lumen.cli.quant.VolumetryCommand.class,
                org.lumen.cli.quant.RadiomicsCommand.class, org.lumen.cli.quant.CompareCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 ok, 2 bad input or usage, 1 anything else. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ExitCodes());
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("lumen: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.BAD_INPUT;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
