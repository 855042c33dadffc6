package org.warroom.contracts.config;

/** A setting that is missing or malformed; its message names the setting and what is wrong, for the operator. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String key, String problem) {
        super("configuration " + key + " (" + Settings.variableFor(key) + ") " + problem);
    }
}
