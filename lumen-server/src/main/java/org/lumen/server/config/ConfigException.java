package org.lumen.server.config;

/** A configuration the node cannot start with; the message names the setting or file and what is wrong with it. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
