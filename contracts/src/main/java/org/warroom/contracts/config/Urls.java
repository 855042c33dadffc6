package org.warroom.contracts.config;

import java.net.URI;

/** URLs from configuration, checked at start: a scheme and a host, or a {@link ConfigException} naming the key. */
public final class Urls {
    private Urls() {
    }

    public static URI parse(String key, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "must be a URL such as http://host:port, was '" + value + "'");
        }
    }
}
