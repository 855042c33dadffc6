package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.Vertx;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.account.AccountTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.notify.NotifyTopics;
import org.warroom.contracts.report.ReportTopics;
import org.warroom.contracts.report.StoredReport;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The situation report's mail: a report kept on {@code warroom.situation-reports} (as the dashboard keeps its
 * scheduled editions) reaches every address of the distribution list on a real SMTP server (GreenMail on
 * loopback), once, with the PDF attached byte for byte and the subject in the report's language; an old report
 * found by a new group is not mailed.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportMailerIntegrationTest {
    private Vertx vertx;
    private GreenMail smtp;
    private TopicWriter writer;
    private final TestClock clock = new TestClock();

    @BeforeAll
    void start(LocalKafka kafka) throws Exception {
        kafka.ensure(List.of(ReportTopics.REPORTS, ResultTopics.ALERTS, ResultTopics.ALERT_ACKS, AccountTopics.USERS,
                NotifyTopics.SUBSCRIPTIONS, NotifyTopics.DELIVERIES));
        vertx = Vertx.vertx();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        writer = new TopicWriter(vertx, kafka.kafkaSettings(), Duration.ofSeconds(15));
        // one old report, kept before the notifier (a new group) starts: not mailed
        writer.write(ReportTopics.REPORTS, "old", new StoredReport(LocalDate.of(2026, 1, 1), "08:00", null, "en",
                clock.instant().minus(Duration.ofDays(3)), pdf("old"))).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        Map<String, String> keys = new HashMap<>();
        keys.put("kafka.bootstrap", kafka.bootstrap());
        keys.put("data.dir", Files.createTempDirectory("report-mail-test").toString());
        keys.put("notify.group", "report-mail-test-" + UUID.randomUUID());
        keys.put("notify.tick.interval", "0s");
        keys.put("smtp.url", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
        keys.put("smtp.from", "warroom@example.test");
        keys.put("report.mail.to", "chief.secretary@example.test, warroom-ops@example.test");
        vertx.deployVerticle(new NotifierVerticle(NotifyConfig.from(Settings.ofKeys(keys)), clock))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    void stop() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static byte[] pdf(String marker) {
        return ("%PDF-1.7\n% warroom test report " + marker + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    @DisplayName("a kept report is mailed once to every address of the list, its PDF attached unchanged, subject in Hindi for a Hindi report")
    void shouldMailKeptReportToTheList() throws Exception {
        byte[] bytes = pdf("hi " + UUID.randomUUID());
        StoredReport report = new StoredReport(LocalDate.of(2026, 12, 7), "20:00", null, "hi", clock.instant(), bytes);
        writer.write(ReportTopics.REPORTS, report.id(), report).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);

        eventually(Duration.ofSeconds(30), () -> assertThat(mails(report.fileName())).hasSize(2));
        for (MimeMessage mail : mails(report.fileName())) {
            assertThat(mail.getSubject()).isEqualTo("स्थिति रिपोर्ट 2026-12-07, 20:00 IST");
            assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString).toList())
                    .containsExactlyInAnyOrder("chief.secretary@example.test", "warroom-ops@example.test");
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            assertThat(((String) parts.getBodyPart(0).getContent())).contains("की स्थिति रिपोर्ट संलग्न है");
            BodyPart attachment = parts.getBodyPart(1);
            assertThat(attachment.getContentType()).startsWith("application/pdf");
            assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(bytes);
        }
        assertThat(Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains("2026-01-01")).toList())
                .as("the old report is not mailed").isEmpty();
    }

    private List<MimeMessage> mails(String fileName) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getContent() instanceof MimeMultipart parts && parts.getCount() == 2
                        && fileName.equals(parts.getBodyPart(1).getFileName());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }
}
