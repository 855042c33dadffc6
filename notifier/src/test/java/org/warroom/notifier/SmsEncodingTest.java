package org.warroom.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmsEncodingTest {
    @Test
    @DisplayName("English in the GSM alphabet stays 7-bit; Hindi, or one character outside the alphabet, is Unicode")
    void shouldTellUnicodeTexts() {
        assertThat(SmsEncoding.needsUnicode("warroom HIGH: Medicine short in Bhopal. Ack: http://x/ack/a_b-c")).isFalse();
        assertThat(SmsEncoding.needsUnicode("price 20€ {ok} [x] ~ |")).isFalse();
        assertThat(SmsEncoding.needsUnicode("भोपाल में दवाओं की कमी")).isTrue();
        assertThat(SmsEncoding.needsUnicode("Bhopal — now")).as("an em dash is not GSM").isTrue();
        assertThat(SmsEncoding.needsUnicode("₹ 500")).isTrue();
    }

    @Test
    @DisplayName("Unicode for the NIC gateway is FEFF then UCS-2 in hexadecimal (its guide's example); UTF-8 stays text")
    void shouldEncodeUnicodeAsTheGatewayWants() {
        // "परीक्षण संदेश" ("test message"), as the NIC SMS gateway's integration guide writes it
        assertThat(SmsEncoding.UCS2_HEX_BOM.encodeUnicode("परीक्षण संदेश"))
                .isEqualTo("FEFF092A093009400915094D09370923002009380902092609470936");
        assertThat(SmsEncoding.UCS2_HEX.encodeUnicode("क A")).isEqualTo("091500200041");
        assertThat(SmsEncoding.UTF8.encodeUnicode("दवा")).isEqualTo("दवा");
    }
}
