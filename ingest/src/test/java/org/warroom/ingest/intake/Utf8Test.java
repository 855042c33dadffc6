package org.warroom.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Utf8Test {
    @ParameterizedTest(name = "{0}: first invalid byte at {1}")
    @CsvSource({
            "41, -1",
            "C3A9, -1",             // é
            "E0A495, -1",           // क
            "F09F9880, -1",         // 😀
            "C328, 0",              // bad continuation
            "C0AF, 0",              // overlong '/'
            "E080AF, 0",            // overlong, three bytes
            "EDA080, 0",            // UTF-16 surrogate D800 encoded
            "F4908080, 0",          // above U+10FFFF
            "41E0A4, 1",            // truncated at the end
            "4180, 1",              // stray continuation byte
            "41FF, 1",
    })
    void shouldFindTheFirstIllFormedSequence(String hex, int expected) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void shouldAcceptHindiText() {
        byte[] bytes = "भोपाल में पानी की किल्लत".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(-1);
    }
}
