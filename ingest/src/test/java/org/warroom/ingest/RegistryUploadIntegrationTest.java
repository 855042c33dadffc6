package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.topic.Topics;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** The registry bulk upload on the real service: streamed, counted, idempotent by worker id. */
@ExtendWith(RealKafka.class)
class RegistryUploadIntegrationTest {
    static final int ROWS = 20_000;
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        ingest = RunningIngest.start(broker, Map.of());
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    /** A registry with a BOM, Hindi names, and every 1000th row with a bad phone number. */
    private String csv() {
        StringBuilder out = new StringBuilder("\uFEFFid,name,phone,homeDistrict,skills,status,currentState,currentDistrict,verifiedAt\n");
        String[] homes = {"212", "196", "396", "410"};
        for (int i = 1; i <= ROWS; i++) {
            String phone = i % 1000 == 0 ? "not-a-phone" : "+9199" + String.format("%08d", i);
            out.append(run).append("-w").append(i).append(",\"रामू कुमार ").append(i).append("\",").append(phone).append(',')
                    .append(homes[i % homes.length]).append(",mason;carpentry,")
                    .append(i % 3 == 0 ? "home,,," : "working,Maharashtra,,")
                    .append(i % 5 == 0 ? "2026-03-30T10:00:00+05:30" : "").append('\n');
        }
        return out.toString();
    }

    private JsonObject upload(String body) {
        var response = ingest.post("/v1/workers/upload", ingest.key).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8))).await();
        assertThat(response.statusCode()).isEqualTo(202);
        String job = response.bodyAsJsonObject().getString("job");
        JsonObject[] status = new JsonObject[1];
        eventually(Duration.ofSeconds(60), () -> {
            status[0] = ingest.client.get(ingest.verticle.port(), "127.0.0.1", "/v1/jobs/" + job)
                    .putHeader("Authorization", "Bearer " + ingest.key).send().await().bodyAsJsonObject();
            assertThat(status[0].getString("state")).isEqualTo("done");
        });
        return status[0];
    }

    @Test
    @DisplayName("a 20,000-row registry goes through with the right counts, and uploading it again adds no worker")
    void uploadCountsAndReuploadIsIdempotent() {
        String body = csv();
        JsonObject first = upload(body);
        JsonObject second = upload(body);

        assertThat(first.getLong("accepted")).as(first.encode()).isEqualTo(ROWS - 20);
        for (JsonObject status : new JsonObject[] {first, second}) {
            assertThat(status.getLong("rows")).isEqualTo(ROWS);
            assertThat(status.getLong("accepted")).isEqualTo(ROWS - 20);
            assertThat(status.getLong("rejected")).isEqualTo(20);
            assertThat(status.getJsonArray("errors").getJsonObject(0).getMap())
                    .containsEntry("line", 1001).containsEntry("field", "phone");
        }
        var records = RunningIngest.read(kafka, Topics.WORKERS, w -> w.id().startsWith(run + "-"));
        Set<String> ids = records.stream().map(r -> r.key()).collect(Collectors.toSet());
        assertThat(ids).hasSize(ROWS - 20);
        var w7 = records.stream().filter(r -> r.key().equals(run + "-w7")).findFirst().orElseThrow().value();
        assertThat(w7.name()).isEqualTo("रामू कुमार 7");
        assertThat(w7.currentState()).isEqualTo("27");
        assertThat(w7.skills()).containsExactly("mason", "carpentry");
        assertThat(RunningIngest.read(kafka, Topics.DEAD_LETTER,
                d -> "workers".equals(d.feed()) && d.raw() != null && d.raw().startsWith(run + "-w1000,"))).hasSize(2);
    }

    @Test
    @DisplayName("a file without the expected header fails its job with the missing columns named")
    void wrongHeaderFailsTheJob() {
        var response = ingest.post("/v1/workers/upload", ingest.key).putHeader("Content-Type", "text/csv")
                .sendBuffer(Buffer.buffer("id,name\n1,a\n")).await();
        String job = response.bodyAsJsonObject().getString("job");
        eventually(Duration.ofSeconds(10), () -> {
            JsonObject status = ingest.client.get(ingest.verticle.port(), "127.0.0.1", "/v1/jobs/" + job)
                    .putHeader("Authorization", "Bearer " + ingest.key).send().await().bodyAsJsonObject();
            assertThat(status.getString("state")).isEqualTo("failed");
            assertThat(status.getString("failure")).contains("phone, homeDistrict");
        });
        assertThat(ingest.post("/v1/workers/upload", null).sendBuffer(Buffer.buffer("x")).await().statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("another ingest instance (behind the same proxy) answers for a job it did not run")
    void anotherInstanceAnswersForTheJob() {
        String body = "id,name,phone,homeDistrict,skills,status,currentState,currentDistrict,verifiedAt\n"
                + run + "-x1,सीता देवी,+919934512345,212,tailoring,working,27,,\n"
                + run + "-x2,Ram,not-a-phone,212,,home,,,\n";
        JsonObject here = upload(body);
        try (RunningIngest other = RunningIngest.start(kafka, Map.of())) {
            eventually(Duration.ofSeconds(30), () -> {
                var answer = other.client.get(other.verticle.port(), "127.0.0.1", "/v1/jobs/" + here.getString("job"))
                        .putHeader("Authorization", "Bearer " + ingest.key).send().await();
                assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
                JsonObject there = answer.bodyAsJsonObject();
                assertThat(there.getString("state")).isEqualTo("done");
                assertThat(there.getLong("accepted")).isEqualTo(1);
                assertThat(there.getLong("rejected")).isEqualTo(1);
                assertThat(there.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("phone");
            });
        }
    }
}
