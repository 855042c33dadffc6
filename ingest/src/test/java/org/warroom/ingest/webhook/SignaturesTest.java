package org.warroom.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignaturesTest {
    /** The worked example of Twilio's "Validating requests" documentation (auth token 12345). */
    static final String TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    static Map<String, List<String>> twilioParams() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("To", List.of("+18005551212"));
        p.put("CallSid", List.of("CA1234567890ABCDE"));
        p.put("Digits", List.of("1234"));
        p.put("From", List.of("+12349013030"));
        p.put("Caller", List.of("+12349013030"));
        return p;
    }

    @Test
    void twilioSignatureMatchesTheDocumentedExample() {
        assertThat(Signatures.twilio("12345", TWILIO_URL, twilioParams())).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(Signatures.twilioValid("12345", TWILIO_URL, twilioParams(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
    }

    @Test
    void twilioSignatureFailsForAnotherUrlParameterOrToken() {
        Map<String, List<String>> tampered = twilioParams();
        tampered.put("Digits", List.of("9999"));
        assertThat(Signatures.twilioValid("12345", TWILIO_URL, tampered, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(Signatures.twilioValid("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", twilioParams(),
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(Signatures.twilioValid("54321", TWILIO_URL, twilioParams(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isFalse();
        assertThat(Signatures.twilioValid("12345", TWILIO_URL, twilioParams(), null)).isFalse();
    }

    @Test
    void whatsAppSignatureIsHexHmacSha256OfTheRawBody() {
        // RFC 4231-style known value: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
        assertThat(Signatures.whatsApp("key", body)).isEqualTo(expected);
        assertThat(Signatures.whatsAppValid("key", body, expected.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
        assertThat(Signatures.whatsAppValid("key", "the quick".getBytes(StandardCharsets.UTF_8), expected)).isFalse();
        assertThat(Signatures.whatsAppValid("other", body, expected)).isFalse();
        assertThat(Signatures.whatsAppValid("key", body, "")).isFalse();
    }
}
