package org.warroom.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * What a client sees of a server's TLS, with the JDK's own clients: the negotiated TLS version and HTTP version of an
 * HTTPS request, and what a plain-HTTP request to the same port gets back (for "HTTPS only" tests).
 */
public final class TlsProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TlsProbe() {
    }

    /** An SSL context that trusts exactly the PEM certificate {@code certificate}. */
    public static SSLContext trusting(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET over HTTPS offering HTTP/2 and HTTP/1.1 (ALPN), and only the TLS versions {@code tlsVersions} (none: the
     * JDK's defaults). The answer carries the session: {@code sslSession().get().getProtocol()} is the TLS version.
     */
    public static HttpResponse<String> get(URI uri, SSLContext context, String... tlsVersions) throws IOException {
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (tlsVersions.length > 0) {
            parameters.setProtocols(tlsVersions);
        }
        HttpClient client = HttpClient.newBuilder().sslContext(context).sslParameters(parameters)
                .version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build();
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a server sends back to a plain-HTTP GET on its port, until it closes the connection. */
    public record PlainAnswer(byte[] bytes, boolean closed) {
        public String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        /** Whether the answer is an HTTP response (a server speaking plain HTTP on this port). */
        public boolean isHttp() {
            return text().startsWith("HTTP/");
        }

        /** Whether the answer is nothing but TLS alert records (content type 21), e.g. a "protocol version" alert. */
        public boolean onlyTlsAlerts() {
            for (int i = 0; i < bytes.length; ) {
                if (bytes[i] != 21 || i + 5 > bytes.length) {
                    return false;
                }
                i += 5 + (((bytes[i + 3] & 0xff) << 8) | (bytes[i + 4] & 0xff));
            }
            return true;
        }
    }

    /** Sends a plain-HTTP GET to {@code host:port} over a bare TCP connection and reads until the server closes it. */
    public static PlainAnswer plainHttp(String host, int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException stillOpen) {
                return new PlainAnswer(received.toByteArray(), false);
            } catch (IOException reset) {
                return new PlainAnswer(received.toByteArray(), true);
            }
            return new PlainAnswer(received.toByteArray(), true);
        }
    }
}
