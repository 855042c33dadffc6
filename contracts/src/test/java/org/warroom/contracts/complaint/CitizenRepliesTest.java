package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.text.Words;

class CitizenRepliesTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-01T18:00:00+05:30");
    private final ComplaintLifecycle lifecycle = new ComplaintLifecycle(ComplaintSla.defaults());
    private final CitizenReplies replies = new CitizenReplies(Words.bundled());

    private Complaint registered(String text, String language, ComplaintChannel channel) {
        Registration r = new Registration("+919876543210", null, "396", "ration", null, text, channel, language, null,
                null);
        return replies.withReply(lifecycle.register(new ComplaintNumber("MP", "396", 123), r, "Food and Civil Supplies",
                "agent1", T0));
    }

    @Test
    @DisplayName("each step's reply gets the id number/v<version> and its purpose, pending, and becomes the notifier's request")
    void shouldHandStepRepliesToTheNotifier() {
        Complaint c = registered("राशन नहीं मिला", "hi", ComplaintChannel.WHATSAPP);
        assertThat(c.replies()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("MP-396-000123/v1");
            assertThat(r.purpose()).isEqualTo("reply.registered");
            assertThat(r.state()).isEqualTo(CitizenReplies.PENDING);
            assertThat(r.text()).contains("MP-396-000123").contains("दर्ज");
        });
        CitizenReply request = CitizenReplies.request(c);
        assertThat(request.to()).isEqualTo("+919876543210");
        assertThat(request.channel()).isEqualTo("whatsapp");
        assertThat(request.language()).isEqualTo("hi");
        Complaint resolved = replies.withReply(lifecycle.act(c, new ActionRequest(ComplaintAction.RESOLVE,
                "राशन पहुँचा", null, null, 1), "officer1", T0.plusHours(1)));
        Complaint rated = replies.withReply(lifecycle.act(resolved, new ActionRequest(ComplaintAction.RATE, null, null,
                null, 2, "4"), "citizen", T0.plusHours(2)));
        assertThat(CitizenReplies.request(rated).purpose()).isEqualTo("reply.rated");
        assertThat(CitizenReplies.request(rated).text()).contains("4");
        Complaint commented = lifecycle.act(registered("no ration", "en", ComplaintChannel.CALL),
                new ActionRequest(ComplaintAction.COMMENT, "called", null, null, 1), "officer1", T0);
        assertThat(CitizenReplies.request(replies.withReply(commented))).isNull();
    }

    @Test
    @DisplayName("status answers name the state in the citizen's language; 'not found' names no complaint")
    void shouldAnswerStatusQuestions() {
        Complaint c = registered("no ration for a week", "en", ComplaintChannel.SMS);
        CitizenReply status = replies.answer("m-1", c, CitizenReplies.STATUS, T0);
        assertThat(status.id()).isEqualTo("answer/m-1");
        assertThat(status.text()).isEqualTo("Complaint MP-396-000123: Open.");
        assertThat(status.channel()).isEqualTo("sms");
        CitizenReply none = replies.notFound("m-2", "whatsapp", "+919999999999", "hi", T0);
        assertThat(none.number()).isNull();
        assertThat(none.text()).doesNotContain("MP-").contains("शिकायत नहीं मिली");
    }
}
