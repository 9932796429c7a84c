package org.lumen.cli.dicom;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lumen dicom ...}: the DICOM toolkit from the command line. */
@Command(name = "dicom", mixinStandardHelpOptions = true, description = "Read, convert, render and de-identify DICOM files; talk to DICOM peers (echo, send, find, move, get).",
        subcommands = {DumpCommand.class, TranscodeCommand.class, RenderCommand.class, ToNiftiCommand.class,
                DeidentifyCommand.class,
                org.lumen.cli.net.EchoCommand.class,
                org.lumen.cli.net.SendCommand.class,
                org.lumen.cli.net.FindCommand.class,
                org.lumen.cli.net.MoveCommand.class,
                org.lumen.cli.net.GetCommand.class})
public final class DicomCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
