package org.warroom.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.warroom.contracts.json.Json;

/** The one place an Elasticsearch client is made: our JSON mapper (ISO times), credentials and TLS from settings. */
public final class ElasticClientFactory {
    private ElasticClientFactory() {
    }

    public static ElasticsearchClient create(ElasticSettings settings) {
        RestClient rest = RestClient.builder(settings.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new))
                .setHttpClientConfigCallback(http -> {
                    if (settings.username().isPresent()) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(
                                settings.username().get(), settings.password().orElse("")));
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    settings.caCertificate().ifPresent(ca -> http.setSSLContext(trusting(Path.of(ca))));
                    return http;
                })
                .build();
        return new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper(Json.mapper())));
    }

    private static SSLContext trusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("warroom-es-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Elasticsearch CA certificate " + caPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid Elasticsearch CA certificate " + caPem, e);
        }
    }
}
