package org.warroom.ingest.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.ingest.auth.RateLimiter;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.kafka.KafkaHealth;
import org.warroom.ingest.metrics.IngestMetrics;
import org.warroom.ingest.upload.RegistryImport;
import org.warroom.ingest.upload.UploadJob;
import org.warroom.ingest.upload.UploadJobs;

/**
 * {@code POST /v1/workers/upload} and {@code GET /v1/jobs/<id>}. The CSV is streamed to a temporary file under
 * {@code <data.dir>/uploads} with back-pressure (the request pauses while the file's write queue is full, and is
 * cut off with 413 past {@code ingest.upload.max.bytes}); once received, it answers 202 with the job id and
 * imports the file on the upload thread (one import at a time), then deletes it.
 */
public final class UploadHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadHandler.class);

    private final Vertx vertx;
    private final IngestConfig config;
    private final ApiKeyAuth auth;
    private final RateLimiter limiter;
    private final UploadJobs jobs;
    private final RegistryImport importer;
    private final KafkaHealth health;
    private final IngestMetrics metrics;
    private final ExecutorService importThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warroom-ingest-upload");
        t.setDaemon(true);
        return t;
    });

    public UploadHandler(Vertx vertx, IngestConfig config, ApiKeyAuth auth, RateLimiter limiter, UploadJobs jobs,
                         RegistryImport importer, KafkaHealth health, IngestMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.auth = auth;
        this.limiter = limiter;
        this.jobs = jobs;
        this.importer = importer;
        this.health = health;
        this.metrics = metrics;
    }

    public void handleUpload(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        var grant = auth.check(ctx, "workers");
        if (grant.isEmpty()) {
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !contentType.startsWith("text/csv") && !contentType.startsWith("application/csv")
                && !contentType.startsWith("text/plain") && !contentType.startsWith("application/octet-stream")) {
            Answers.error(ctx, 415, "send the registry as text/csv");
            return;
        }
        long declared = parseLength(request.getHeader("Content-Length"));
        if (declared > config.uploadMaxBytes()) {
            Answers.error(ctx, 413, "file too large (at most " + config.uploadMaxBytes() + " bytes)");
            return;
        }
        RateLimiter.Verdict verdict = limiter.take(grant.get().keyId(), 1);
        if (!verdict.allowed()) {
            metrics.rateLimited("workers");
            HttpProblem.answer(ctx, new HttpProblem(429, "this API key is over its rate", verdict.retryAfterSeconds()));
            return;
        }
        if (!health.up()) {
            HttpProblem.answer(ctx, new org.warroom.ingest.intake.KafkaUnavailableException(health.status().detail(), null));
            return;
        }
        UploadJob job = jobs.create(grant.get().keyId());
        Path dir = config.dataDir().resolve("uploads");
        Path file = dir.resolve(job.id() + ".csv");
        vertx.fileSystem().mkdirs(dir.toString())
                .compose(v -> vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setCreateNew(true)))
                .compose(out -> receive(request, out))
                .onSuccess(bytes -> {
                    LOG.info("registry upload {} received ({} bytes), importing", job.id(), bytes);
                    importThread.execute(() -> importFile(file, job, grant.get()));
                    Answers.json(ctx, 202, Map.of("job", job.id()));
                })
                .onFailure(e -> {
                    job.fail(e.getMessage());
                    vertx.fileSystem().delete(file.toString());
                    if (e instanceof HttpProblem p && p.status() == 413) {
                        ctx.response().putHeader("Connection", "close");
                    }
                    HttpProblem.answer(ctx, e);
                });
    }

    /** Copies the request body into the file with back-pressure; fails with 413 past the size limit. */
    private Future<Long> receive(HttpServerRequest request, AsyncFile out) {
        Promise<Long> received = Promise.promise();
        long[] bytes = {0};
        request.handler(chunk -> {
            bytes[0] += chunk.length();
            if (bytes[0] > config.uploadMaxBytes()) {
                request.handler(null);
                out.close();
                received.tryFail(new HttpProblem(413, "file too large (at most " + config.uploadMaxBytes() + " bytes)"));
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                request.pause();
                out.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(e -> {
            out.close();
            received.tryFail(e);
        });
        request.endHandler(v -> out.close().onComplete(closed -> {
            if (closed.failed()) {
                received.tryFail(closed.cause());
            } else {
                received.tryComplete(bytes[0]);
            }
        }));
        request.resume();
        return received.future();
    }

    private void importFile(Path file, UploadJob job, ApiKeyGrant grant) {
        long started = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            importer.run(in, job, grant.source(), grant::allowsDistrict);
        } catch (IOException | RuntimeException e) {
            LOG.error("registry upload {} failed: {}", job.id(), e.toString());
            job.fail("import failed: " + e.getClass().getSimpleName());
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", file, e.toString());
            }
        }
        Map<String, Object> s = job.status();
        LOG.info("registry upload {} {}: {} rows, {} accepted, {} rejected in {} ms", job.id(), s.get("state"),
                s.get("rows"), s.get("accepted"), s.get("rejected"), (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code GET /v1/jobs/<id>}: the job's progress, for the key that uploaded it (or an unrestricted key). */
    public void handleJob(RoutingContext ctx) {
        var grant = auth.check(ctx, "workers");
        if (grant.isEmpty()) {
            return;
        }
        var job = jobs.find(ctx.pathParam("id"))
                .filter(j -> j.keyId().equals(grant.get().keyId())
                        || (grant.get().feeds().isEmpty() && grant.get().districts().isEmpty()));
        if (job.isEmpty()) {
            Answers.error(ctx, 404, "no such job");
            return;
        }
        Answers.json(ctx, 200, job.get().answer());
    }

    private static long parseLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        importThread.shutdownNow();
    }
}
