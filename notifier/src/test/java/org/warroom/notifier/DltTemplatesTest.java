package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.notify.ChannelKind;

class DltTemplatesTest {
    private static final DltTemplates TEMPLATES = DltTemplates.from(Settings.ofKeys(Map.of(
            "sms.template.alert.id", "1107160000000000001",
            "sms.template.alert.text", "वार रूम {severity}: {messageHi:40} ({districtHi}). स्वीकार करें {link:60}",
            "sms.template.alert-digest.id", "1107160000000000002",
            "sms.template.reply.registered.id", "1107160000000000003",
            "sms.template.reply.registered.text", "Complaint {ticket} registered. {text:50}")));

    private static Outgoing message(String purpose, Map<String, String> values, String text) {
        return new Outgoing("d1", ChannelKind.SMS, "+919800000001", "subject", text, new byte[0], purpose, values);
    }

    @Test
    @DisplayName("each message kind is rendered in its own registered template, with that template's id")
    void shouldChooseTheTemplateOfThePurpose() {
        DltTemplates.Rendered alert = TEMPLATES.render(message(Outgoing.ALERT, Map.of("severity", "HIGH",
                "messageHi", "भोपाल में दवाओं की कमी", "districtHi", "भोपाल", "link", "https://w.example/ack/T1"), "x"));
        assertThat(alert.template().id()).isEqualTo("1107160000000000001");
        assertThat(alert.text()).isEqualTo("वार रूम HIGH: भोपाल में दवाओं की कमी (भोपाल). स्वीकार करें https://w.example/ack/T1");

        DltTemplates.Rendered reply = TEMPLATES.render(message("reply.registered", Map.of("ticket", "MP-42"),
                "We will call you back\n  within the day."));
        assertThat(reply.template().id()).isEqualTo("1107160000000000003");
        assertThat(reply.text()).as("{text} is the whole text, on one line")
                .isEqualTo("Complaint MP-42 registered. We will call you back within the day.");

        DltTemplates.Rendered digest = TEMPLATES.render(message(Outgoing.ALERT_DIGEST, Map.of("count", "4",
                "message", "Medicine short", "link", "https://w.example/ack/T2"), "x"));
        assertThat(digest.template().id()).isEqualTo("1107160000000000002");
        assertThat(digest.text()).as("the shipped default text")
                .isEqualTo("warroom: 4 alerts / 4 चेतावनियाँ, first Medicine short. Acknowledge: https://w.example/ack/T2");
    }

    @Test
    @DisplayName("a value is cut to its variable's width: 30 characters for {name}, N for {name:N}")
    void shouldCutValuesToTheirWidth() {
        DltTemplates.Rendered r = TEMPLATES.render(message(Outgoing.ALERT, Map.of("severity", "X".repeat(31),
                "messageHi", "क".repeat(41), "districtHi", "d", "link", "l"), "x"));
        assertThat(r.text()).startsWith("वार रूम " + "X".repeat(30) + ": " + "क".repeat(40) + " (d)");
        assertThat(DltTemplates.fit("a\n b\t\tc ", 30)).isEqualTo("a b c");
        assertThat(DltTemplates.fit("abc def", 4)).isEqualTo("abc");
    }

    @Test
    @DisplayName("a kind with no registered template, or a missing variable, is a permanent failure that names it")
    void shouldRefuseWhatNoTemplateFits() {
        assertThatThrownBy(() -> TEMPLATES.render(message("reply.rated", Map.of(), "thanks")))
                .isInstanceOf(Channel.PermanentFailure.class)
                .hasMessage("no DLT template for the message kind 'reply.rated' (set sms.template.reply.rated.id)");
        assertThatThrownBy(() -> TEMPLATES.render(message("reply.registered", Map.of(), "t")))
                .isInstanceOf(Channel.PermanentFailure.class)
                .hasMessage("the DLT template of 'reply.registered' needs the variable 'ticket', which the message does not have");
        assertThatThrownBy(() -> DltTemplates.from(Settings.ofKeys(Map.of("sms.template.alert.id", "TPL-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sms.template.alert.id");
        assertThatThrownBy(() -> message(" ", Map.of(), "t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("every kind warroom sends, alerts and the complaint replies, has a default text to register")
    void shouldShipATextForEveryPurpose() {
        assertThat(DltTemplates.DEFAULT_TEXTS.keySet()).containsExactlyInAnyOrderElementsOf(DltTemplates.PURPOSES)
                .contains("reply.registered", "reply.resolved", "reply.rejected", "reply.status", "reply.reopened",
                        "reply.rated");
    }
}
