package org.warroom.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.json.Json;
import org.warroom.ingest.config.Telephony;
import org.warroom.ingest.feed.CommodityRecognizer;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.MessagesDecoder;
import org.warroom.ingest.intake.Item;
import org.warroom.ingest.reference.DirectoryPlaces;
import org.warroom.ingest.reference.Places;

/** Provider payloads (in the providers' documented shapes) to events. */
class ProviderMappingTest {
    static final Places PLACES = DirectoryPlaces.load(Optional.empty(), List.of("23", "10"));
    static final Telephony TELEPHONY = Telephony.from(Settings.ofKeys(Map.of(
            "telephony.lines", "+911800111181=181,07552540000=district-control:396",
            "telephony.caller.districts", "612=212")), List.of("181", "104", "district-control"));
    final MessagesDecoder messages = new MessagesDecoder(PLACES, new CommodityRecognizer(), java.time.Clock.systemUTC());
    final CallSteps calls = new CallSteps(TELEPHONY, PLACES);

    static final String WHATSAPP = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
              "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"919812345678"}],
              "messages":[
                {"from":"919812345678","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODdGMEZBMQA=",
                 "timestamp":"1712000000","text":{"body":"पटना में दवाई नहीं मिल रही"},"type":"text"},
                {"from":"919812345678","id":"wamid.2","timestamp":"1712000001","type":"reaction",
                 "reaction":{"message_id":"wamid.x","emoji":"👍"}},
                {"from":"919812345678","id":"wamid.3","timestamp":"1712000002","type":"audio","audio":{"id":"1"}}],
              "statuses":[{"id":"wamid.s","status":"delivered","timestamp":"1712000003","recipient_id":"919812345678"}]
            },"field":"messages"}]}]}
            """;

    @Test
    void whatsAppTextMessagesBecomeCitizenMessagesWithDistrictAndCommodity() throws Exception {
        WhatsAppPayload.Mapped mapped = new WhatsAppPayload(messages).map(Json.mapper().readTree(WHATSAPP));
        assertThat(mapped.items()).hasSize(2);
        assertThat(mapped.skipped()).isEqualTo(2);
        CitizenMessage m = (CitizenMessage) mapped.items().get(0).decoded().event().value();
        assertThat(m.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(m.from()).isEqualTo("+919812345678");
        assertThat(m.senderName()).isEqualTo("Sheena Nelson");
        assertThat(m.id()).startsWith("wa:wamid.").doesNotContain("=");
        assertThat(m.at().toEpochSecond()).isEqualTo(1712000000L);
        assertThat(m.district()).isEqualTo("212");
        assertThat(m.commodities()).containsExactly(Commodity.MEDICINE);
        assertThat(((CitizenMessage) mapped.items().get(1).decoded().event().value()).text()).isEqualTo("[audio]");
    }

    @Test
    void aPayloadForAnotherObjectIsRefused() throws Exception {
        var mapped = new WhatsAppPayload(messages).map(Json.mapper().readTree("{\"object\":\"page\"}"));
        assertThat(mapped.items()).singleElement().satisfies(i -> assertThat(i.decoded().ok()).isFalse());
    }

    @Test
    void twilioSmsBecomesAnSmsMessage() {
        Decoded d = new TwilioCallbacks(messages, calls).sms(Map.of("MessageSid", List.of("SM123"),
                "From", List.of("+919812345678"), "To", List.of("+15005550006"), "Body", List.of("Gaya mein pani nahi hai")));
        CitizenMessage m = (CitizenMessage) d.event().value();
        assertThat(m.id()).isEqualTo("tw:SM123");
        assertThat(m.channel()).isEqualTo(Channel.SMS);
        assertThat(m.commodities()).containsExactly(Commodity.WATER);
    }

    @Test
    void twilioVoiceStatusesMapToCallSteps() {
        TwilioCallbacks twilio = new TwilioCallbacks(messages, calls);
        Decoded d = twilio.voiceStatus(Map.of("CallSid", List.of("CA1"), "CallStatus", List.of("in-progress"),
                "From", List.of("+916121234567"), "To", List.of("+911800111181"), "Direction", List.of("inbound"),
                "Timestamp", List.of("Tue, 02 Apr 2024 10:20:30 +0000")));
        CallStep step = (CallStep) d.event().value();
        assertThat(step.event()).isEqualTo(CallEventType.ANSWERED);
        assertThat(step.line()).isEqualTo("181");
        assertThat(step.district()).isEqualTo("212");
        assertThat(step.call()).isEqualTo("twilio:CA1");
        assertThat(step.id()).isEqualTo("twilio:CA1:answered");
        assertThat(step.at().toString()).isEqualTo("2024-04-02T10:20:30Z");
        assertThat(d.event().key()).isEqualTo("twilio:CA1");
        assertThat(TwilioCallbacks.event("no-answer")).contains(CallEventType.ABANDONED);
        assertThat(TwilioCallbacks.event("completed")).contains(CallEventType.ENDED);
        assertThat(twilio.voiceStatus(Map.of("CallSid", List.of("CA1"), "CallStatus", List.of("exploded"))).ok()).isFalse();
    }

    @Test
    void anUnmappedCalledNumberIsRefusedNamingTheSetting() {
        Decoded d = calls.step("twilio", "CA2", "+15005550006", "+919812345678", CallEventType.STARTED,
                java.time.OffsetDateTime.now());
        assertThat(d.problems().get(0).reason()).contains("telephony.lines").contains("+15*****0006");
    }

    @Test
    void exotelCompletedCallYieldsStartedAnsweredEnded() {
        List<Decoded> steps = new ExotelCallbacks(calls).status(Map.of("CallSid", List.of("b6cfaf"),
                "Status", List.of("completed"), "From", List.of("09812345678"), "To", List.of("07552540000"),
                "Direction", List.of("incoming"), "StartTime", List.of("2024-04-02 10:00:00"),
                "EndTime", List.of("2024-04-02 10:05:00"), "ConversationDuration", List.of("240")));
        assertThat(steps).extracting(d -> ((CallStep) d.event().value()).event())
                .containsExactly(CallEventType.STARTED, CallEventType.ANSWERED, CallEventType.ENDED);
        CallStep answered = (CallStep) steps.get(1).event().value();
        assertThat(answered.at().toString()).isEqualTo("2024-04-02T10:01+05:30");
        assertThat(answered.line()).isEqualTo("district-control");
        assertThat(answered.district()).isEqualTo("396");
        List<Decoded> missed = new ExotelCallbacks(calls).status(Map.of("CallSid", List.of("c2"),
                "Status", List.of("no-answer"), "CallFrom", List.of("09812345678"), "CallTo", List.of("1800111181")));
        assertThat(missed).extracting(d -> ((CallStep) d.event().value()).event())
                .containsExactly(CallEventType.STARTED, CallEventType.ABANDONED);
    }

    @Test
    void asteriskCdrRowsBecomeCallStepsWithStableIds() {
        String csv = """
                "","06121234567","1800111181","from-pstn","""
                + "\"\"\"Caller\"\" <06121234567>\",\"SIP/trunk-0001\",\"SIP/agent7-0002\",\"Dial\",\"SIP/agent7\","
                + "\"2024-04-02 10:00:00\",\"2024-04-02 10:00:20\",\"2024-04-02 10:04:20\",260,240,\"ANSWERED\",\"DOCUMENTATION\",\"1712032200.17\",\"\"\n"
                + "\"\",\"09812345678\",\"1800111181\",\"from-pstn\",\"\",\"SIP/trunk-0003\",\"\",\"Queue\",\"q\","
                + "\"2024-04-02 10:01:00\",,\"2024-04-02 10:02:00\",60,0,\"NO ANSWER\",\"DOCUMENTATION\"\n"
                + "too,short\n";
        AsteriskCdr cdr = new AsteriskCdr(calls);
        List<Item> items = cdr.items(new StringReader(csv));
        assertThat(items).hasSize(6);
        assertThat(items.subList(0, 3)).extracting(i -> ((CallStep) i.decoded().event().value()).event())
                .containsExactly(CallEventType.STARTED, CallEventType.ANSWERED, CallEventType.ENDED);
        CallStep first = (CallStep) items.get(0).decoded().event().value();
        assertThat(first.call()).isEqualTo("asterisk:1712032200.17");
        assertThat(first.district()).isEqualTo("212");
        assertThat(items.get(4).decoded().event().value()).extracting("event").isEqualTo(CallEventType.ABANDONED);
        assertThat(items.get(5).decoded().ok()).isFalse();
        assertThat(items.get(5).line()).isEqualTo(3);
        String again = ((CallStep) cdr.items(new StringReader(csv)).get(3).decoded().event().value()).call();
        assertThat(again).isEqualTo(((CallStep) items.get(3).decoded().event().value()).call());
    }
}
