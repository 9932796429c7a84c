package org.lumen.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code lumen --version}, from the jar manifest when built. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"lumen " + (version != null ? version : "0.1.0-SNAPSHOT")};
    }
}
