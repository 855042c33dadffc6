package org.warroom.dashboard.security;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Optional TLS for the dashboard: {@code dashboard.tls.cert} and {@code dashboard.tls.key} (PEM files, both or
 * neither). When set, the server speaks HTTPS only, cookies are Secure and answers carry HSTS.
 */
public record TlsSettings(Optional<Path> certificate, Optional<Path> key) {

    public static TlsSettings from(Settings settings) {
        Optional<Path> cert = settings.find("dashboard.tls.cert").map(Path::of);
        Optional<Path> key = settings.find("dashboard.tls.key").map(Path::of);
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(cert.isPresent() ? "dashboard.tls.key" : "dashboard.tls.cert",
                    "is required when the other TLS setting is given");
        }
        cert.filter(p -> !Files.isReadable(p)).ifPresent(p -> {
            throw new ConfigException("dashboard.tls.cert", "names a file that cannot be read: " + p);
        });
        key.filter(p -> !Files.isReadable(p)).ifPresent(p -> {
            throw new ConfigException("dashboard.tls.key", "names a file that cannot be read: " + p);
        });
        return new TlsSettings(cert, key);
    }

    public static TlsSettings off() {
        return new TlsSettings(Optional.empty(), Optional.empty());
    }

    public boolean enabled() {
        return certificate.isPresent();
    }

    /** Server options: TLS with the PEM pair when enabled. */
    public HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        if (enabled()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                    .setCertPath(certificate.get().toString())
                    .setKeyPath(key.get().toString()));
        }
        return options;
    }
}
