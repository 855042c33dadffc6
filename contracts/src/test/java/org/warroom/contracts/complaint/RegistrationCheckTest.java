package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.reference.DistrictDirectory;

class RegistrationCheckTest {
    private final RegistrationCheck check = new RegistrationCheck(DistrictDirectory.load());

    @Test
    @DisplayName("district by code or Hindi/English name, 10-digit phone gets +91, commodity from the category, language from the text")
    void shouldTakeWhatACallTakerTypes() {
        Registration r = check.check("98765 43210", " Sita ", "भोपाल", "Ration", null, "राशन नहीं मिला", "call", null, null);
        assertThat(r.phone()).isEqualTo("+919876543210");
        assertThat(r.name()).isEqualTo("Sita");
        assertThat(r.district()).isEqualTo("396");
        assertThat(r.category()).isEqualTo("ration");
        assertThat(r.commodity()).isEqualTo("ration");
        assertThat(r.language()).isEqualTo("hi");
        assertThat(r.channel()).isEqualTo(ComplaintChannel.CALL);
        assertThat(check.check("+919876543210", null, "Bhopal", "wages", null, "no wages", null, "m-1", null))
                .satisfies(x -> {
                    assertThat(x.district()).isEqualTo("396");
                    assertThat(x.commodity()).isNull();
                    assertThat(x.channel()).isEqualTo(ComplaintChannel.DESK);
                    assertThat(x.language()).isEqualTo("en");
                    assertThat(x.message()).isEqualTo("m-1");
                });
    }

    @Test
    @DisplayName("oversized or hostile text, unknown district, bad phone: refused naming the field")
    void shouldNameTheWrongField() {
        assertField(() -> check.check("12", null, "396", "ration", null, "x", null, null, null), "phone");
        assertField(() -> check.check("9876543210", null, "Xyzzyville", "ration", null, "x", null, null, null), "district");
        assertField(() -> check.check("9876543210", null, "396", "rice", null, "x", null, null, null), "category");
        assertField(() -> check.check("9876543210", null, "396", "ration", null, "x".repeat(2001), null, null, null), "text");
        assertField(() -> check.check("9876543210", null, "396", "ration", null, "a\u0000b", null, null, null), "text");
        assertField(() -> check.check("9876543210", null, "396", "ration", null, "a\u202Eb", null, null, null), "text");
        assertField(() -> check.check("9876543210", "a\nb", "396", "ration", null, "x", null, null, null), "name");
        assertField(() -> check.check("9876543210", null, "396", "ration", null, "x", "fax", null, null), "channel");
        assertField(() -> check.check("9876543210", null, "396", "ration", null, "x", null, "<b>", null), "message");
        assertThat(ComplaintText.maskPhone("+919876543210")).isEqualTo("+91******3210");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
