package org.warroom.ingest.config;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Optional TLS for the ingest server: {@code ingest.tls.cert} and {@code ingest.tls.key} (PEM files: the certificate
 * chain and its PKCS#8 private key; both or neither). When set, the server speaks HTTPS only (TLS 1.2 and 1.3).
 */
public record ServerTls(Optional<Path> certificate, Optional<Path> key) {

    public static ServerTls from(Settings settings) {
        Optional<Path> cert = settings.find("ingest.tls.cert").map(Path::of);
        Optional<Path> key = settings.find("ingest.tls.key").map(Path::of);
        if (cert.isPresent() != key.isPresent()) {
            throw new ConfigException(cert.isPresent() ? "ingest.tls.key" : "ingest.tls.cert",
                    "is required when the other TLS setting is given");
        }
        cert.filter(p -> !Files.isReadable(p)).ifPresent(p -> {
            throw new ConfigException("ingest.tls.cert", "names a file that cannot be read: " + p);
        });
        key.filter(p -> !Files.isReadable(p)).ifPresent(p -> {
            throw new ConfigException("ingest.tls.key", "names a file that cannot be read: " + p);
        });
        return new ServerTls(cert, key);
    }

    public boolean enabled() {
        return certificate.isPresent();
    }

    /** Server options: compression, and TLS with the PEM pair when enabled. */
    public HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        if (enabled()) {
            options.setSsl(true)
                    .setSslHandshakeTimeout(30).setSslHandshakeTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS)
                    .setEnabledSecureTransportProtocols(java.util.Set.of("TLSv1.2", "TLSv1.3"))
                    .setKeyCertOptions(new PemKeyCertOptions()
                            .setCertPath(certificate.get().toString())
                            .setKeyPath(key.get().toString()));
        }
        return options;
    }
}
