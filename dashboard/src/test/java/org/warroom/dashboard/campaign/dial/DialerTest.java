package org.warroom.dashboard.campaign.dial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/** Click-to-call against a local receiver speaking Exotel's and Twilio's APIs: the form, the credentials, the answer. */
class DialerTest {
    private static final String AGENT = "+919812300001";
    private static final String WORKER = "+919876543210";
    private ProviderReceiver provider;

    @BeforeEach
    void start() throws Exception {
        provider = new ProviderReceiver();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private Dialer dialer(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of("dial.api.base", provider.url(), "dial.account.sid", "acme1",
                "dial.api.token", "tok-secret", "dial.caller.id", "08047091234",
                "ingest.public.url", "https://warroom.example.gov.in/", "exotel.token", "cb token"));
        keys.putAll(extra);
        return Dialer.of(DialSettings.from(Settings.ofKeys(keys)).orElseThrow());
    }

    @Test
    @DisplayName("Exotel: connect.json with From the agent, To the worker, the ExoPhone, ingest's webhook; Basic key:token")
    void shouldDialThroughExotel() throws Exception {
        provider.answer(200, """
                {"Call": {"Sid": "b6cfaf0a1d3c2e0e7f3b24d6c1d5197b", "ParentCallSid": null,
                 "DateCreated": "2026-12-07 12:00:00", "AccountSid": "acme1", "To": "09876543210",
                 "From": "09812300001", "PhoneNumberSid": "08047091234", "Status": "in-progress",
                 "Direction": "outbound-api", "Uri": "/v1/Accounts/acme1/Calls/b6cfaf0a1d3c2e0e7f3b24d6c1d5197b.json"}}""");
        DialedCall call = dialer(Map.of("dial.provider", "exotel", "dial.api.key", "key1")).dial(AGENT, WORKER, "c-1/l-1");

        assertThat(call).isEqualTo(new DialedCall("exotel:b6cfaf0a1d3c2e0e7f3b24d6c1d5197b", "in-progress"));
        ProviderReceiver.Received r = provider.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/v1/Accounts/acme1/Calls/connect.json");
        assertThat(r.authorization()).isEqualTo("Basic " + basic("key1:tok-secret"));
        assertThat(r.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(r.field("From")).isEqualTo(AGENT);
        assertThat(r.field("To")).isEqualTo(WORKER);
        assertThat(r.field("CallerId")).isEqualTo("08047091234");
        assertThat(r.field("StatusCallback")).isEqualTo("https://warroom.example.gov.in/webhooks/exotel?token=cb+token");
        assertThat(r.field("StatusCallbackEvents[0]")).isEqualTo("terminal");
        assertThat(r.field("StatusCallbackEvents[1]")).isEqualTo("answered");
        assertThat(r.field("CustomField")).isEqualTo("c-1/l-1");
    }

    @Test
    @DisplayName("Twilio: Calls.json rings the agent, TwiML dials the worker under the caller id; Basic sid:token")
    void shouldDialThroughTwilio() throws Exception {
        provider.answer(201, """
                {"account_sid": "ACacme1", "sid": "CA42ed11f93dc08b952027ffbc406d0868", "status": "queued",
                 "to": "+919812300001", "from": "+14155551212", "direction": "outbound-api", "duration": null,
                 "uri": "/2010-04-01/Accounts/ACacme1/Calls/CA42ed11f93dc08b952027ffbc406d0868.json"}""");
        DialedCall call = dialer(Map.of("dial.provider", "twilio", "dial.account.sid", "ACacme1",
                "dial.caller.id", "+14155551212")).dial(AGENT, WORKER, "c-1/l-1");

        assertThat(call).isEqualTo(new DialedCall("twilio:CA42ed11f93dc08b952027ffbc406d0868", "queued"));
        ProviderReceiver.Received r = provider.received().get(0);
        assertThat(r.path()).isEqualTo("/2010-04-01/Accounts/ACacme1/Calls.json");
        assertThat(r.authorization()).isEqualTo("Basic " + basic("ACacme1:tok-secret"));
        assertThat(r.field("To")).isEqualTo(AGENT);
        assertThat(r.field("From")).isEqualTo("+14155551212");
        assertThat(r.field("Twiml")).isEqualTo("<Response><Dial callerId=\"+14155551212\"><Number>" + WORKER
                + "</Number></Dial></Response>");
        assertThat(r.field("StatusCallback")).isEqualTo("https://warroom.example.gov.in/webhooks/twilio/voice");
        assertThat(r.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
    }

    @Test
    @DisplayName("a refusal is a DialFailed with the provider's reason, phone numbers masked")
    void shouldReportRefusalsWithNumbersMasked() {
        provider.answer(400, """
                {"RestException": {"Status": 400, "Message": "To number +919876543210 is on the DND list"}}""");
        assertThatThrownBy(() -> dialer(Map.of("dial.provider", "exotel", "dial.api.key", "key1")).dial(AGENT, WORKER, "r"))
                .isInstanceOf(DialFailed.class)
                .hasMessageContaining("Exotel refused the call (400)")
                .hasMessageContaining("••••••10 is on the DND list")
                .hasMessageNotContaining("9876543210");
        provider.answer(401, """
                {"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}""");
        assertThatThrownBy(() -> dialer(Map.of("dial.provider", "twilio")).dial(AGENT, WORKER, "r"))
                .isInstanceOf(DialFailed.class).hasMessage("Twilio refused the call (401): Authenticate");
    }

    @Test
    @DisplayName("settings: none without a provider; a missing secret or callback names its key; the token is never printed")
    void shouldReadSettings() {
        assertThat(DialSettings.from(Settings.ofKeys(Map.of()))).isEmpty();
        assertThatThrownBy(() -> DialSettings.from(Settings.ofKeys(Map.of("dial.provider", "plivo"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dial.provider");
        assertThatThrownBy(() -> DialSettings.from(Settings.ofKeys(Map.of("dial.provider", "exotel",
                "dial.account.sid", "a", "dial.api.key", "k", "dial.caller.id", "0804"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dial.api.token");
        assertThatThrownBy(() -> DialSettings.from(Settings.ofKeys(Map.of("dial.provider", "exotel",
                "dial.account.sid", "a", "dial.api.key", "k", "dial.api.token", "t", "dial.caller.id", "0804"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ingest.public.url");
        DialSettings twilio = DialSettings.from(Settings.ofKeys(Map.of("dial.provider", "twilio", "dial.account.sid", "AC1",
                "twilio.auth.token", "from-ingest", "dial.caller.id", "+1415", "dial.status.callback", "https://x/cb")))
                .orElseThrow();
        assertThat(twilio.apiBase()).hasToString("https://api.twilio.com");
        assertThat(twilio.apiKey()).isEqualTo("AC1");
        assertThat(twilio.apiToken()).isEqualTo("from-ingest");
        assertThat(twilio.toString()).doesNotContain("from-ingest");
    }

    private static String basic(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

}
