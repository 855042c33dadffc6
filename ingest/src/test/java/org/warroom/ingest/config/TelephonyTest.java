package org.warroom.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

class TelephonyTest {
    static final List<String> LINES = List.of("181", "104", "district-control");

    @Test
    void numbersInAnyFormatReachTheirLine() {
        Telephony t = Telephony.from(Settings.ofKeys(Map.of("telephony.lines",
                "181=181, +91 755 254 0000=district-control:396")), LINES);
        assertThat(t.route("181")).contains(new Telephony.Route("181", null));
        assertThat(t.route("07552540000")).contains(new Telephony.Route("district-control", "396"));
        assertThat(t.route("+917552540000")).contains(new Telephony.Route("district-control", "396"));
        assertThat(t.route("12345")).isEmpty();
    }

    @Test
    void theLongestCallerPrefixWins() {
        Telephony t = Telephony.from(Settings.ofKeys(Map.of("telephony.caller.districts", "75=999,755=396,612=212",
                "telephony.default.line", "104")), LINES);
        assertThat(t.callerDistrict("+91 755 1234567")).contains("396");
        assertThat(t.callerDistrict("06121234567")).contains("212");
        assertThat(t.callerDistrict("9812345678")).isEmpty();
        assertThat(t.route("5555")).contains(new Telephony.Route("104", null));
    }

    @Test
    void unknownLinesAreAConfigurationError() {
        assertThatThrownBy(() -> Telephony.from(Settings.ofKeys(Map.of("telephony.lines", "100=police")), LINES))
                .isInstanceOf(ConfigException.class).hasMessageContaining("police");
    }

    @Test
    void phoneNumbersAreMaskedForLogs() {
        assertThat(PhoneNumbers.masked("+919876541234")).isEqualTo("+91******1234");
        assertThat(PhoneNumbers.masked("181")).isEqualTo("***");
        assertThat(PhoneNumbers.national("+91 98765 41234")).isEqualTo("9876541234");
    }
}
