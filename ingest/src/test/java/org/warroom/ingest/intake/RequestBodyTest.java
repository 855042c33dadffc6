package org.warroom.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warroom.ingest.feed.Decoded;

class RequestBodyTest {
    private final RequestBody body = new RequestBody(3, 100);

    private List<Item> items(String text, boolean single) {
        return body.items(text.getBytes(StandardCharsets.UTF_8), single, (json, line) -> Decoded.rejected("ok", json.toString()));
    }

    @Test
    void ndjsonLinesKeepTheSendersLineNumbers() {
        List<Item> items = items("{\"a\":1}\r\n\n{\"b\":2}\n", false);
        assertThat(items).extracting(Item::line).containsExactly(1, 3);
        assertThat(items.get(1).decoded().problems().get(0).reason()).isEqualTo("{\"b\":2}");
    }

    @Test
    void badLinesAreRefusedOneByOne() {
        List<Item> items = items("{\"a\":1,\"a\":2}\n[1]\n{\"a\":1} trailing", false);
        assertThat(items).extracting(i -> i.decoded().problems().get(0).reason())
                .allSatisfy(r -> assertThat(r).isNotEqualTo("ok"));
        assertThat(items.get(0).decoded().problems().get(0).reason()).contains("Duplicate field");
        assertThat(items.get(1).decoded().problems().get(0).reason()).isEqualTo("must be a JSON object");
        assertThat(items.get(2).decoded().problems().get(0).reason()).startsWith("not valid JSON");
    }

    @Test
    void aTooLongLineIsRefusedAndTooManyLinesRefuseTheRequest() {
        assertThat(items("{\"a\":\"" + "x".repeat(200) + "\"}", false).get(0).decoded().problems().get(0).reason())
                .contains("at most 100");
        assertThatThrownBy(() -> items("{}\n{}\n{}\n{}", false)).isInstanceOf(RequestBody.TooManyLines.class);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        List<Item> items = body.items(bad, false, (json, line) -> Decoded.rejected("ok", "ok"));
        assertThat(items.get(0).decoded().problems().get(0).reason()).contains("UTF-8");
    }

    @Test
    void aJsonDocumentMayBeOneObjectOrAnArray() {
        assertThat(items("{\n  \"a\": 1\n}", true)).hasSize(1);
        assertThat(items("[{\"a\":1},{\"b\":2}]", true)).extracting(Item::line).containsExactly(1, 2);
        assertThat(RequestBody.isSingleDocument("application/json; charset=utf-8")).isTrue();
        assertThat(RequestBody.isSingleDocument("application/x-ndjson")).isFalse();
    }
}
