package org.warroom.contracts.complaint;

import java.util.List;
import java.util.regex.Pattern;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * Turns what was typed for a new complaint into a {@link Registration}, or refuses with the first wrong field
 * ({@link InvalidField}). The district may be an LGD code or a name in Hindi or English ({@code Bhopal},
 * {@code भोपाल}); an unknown one gets "did you mean". The commodity defaults to the category when that is one.
 */
public final class RegistrationCheck {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private final DistrictDirectory districts;

    public RegistrationCheck(DistrictDirectory districts) {
        this.districts = districts;
    }

    /** A checked registration; {@code channel} null means {@code desk}. */
    public Registration check(String phone, String name, String district, String category, String commodity,
                              String text, String channel, String message, String call) {
        String checkedPhone = ComplaintText.phone("phone", phone);
        String checkedName = ComplaintText.check("name", name, ComplaintText.MAX_NAME, false);
        if (checkedName != null && checkedName.contains("\n")) {
            throw new InvalidField("name", "must be one line");
        }
        District d = district(ComplaintText.check("district", district, 100, true));
        String cat = TicketCategory.parse(ComplaintText.check("category", category, 32, true)).orElseThrow(() ->
                new InvalidField("category", "unknown category '" + category + "'; allowed: "
                        + String.join(", ", TicketCategory.ALL)));
        String com = ComplaintText.check("commodity", commodity, 32, false);
        if (com != null) {
            com = WireEnum.parse(Commodity.class, com).map(Commodity::wire).orElseThrow(() -> new InvalidField(
                    "commodity", "unknown commodity '" + commodity + "'; allowed: "
                    + String.join(", ", WireEnum.allowed(Commodity.class))));
        } else {
            com = TicketCategory.commodity(cat).map(Commodity::wire).orElse(null);
        }
        String t = ComplaintText.check("text", text, ComplaintText.MAX_TEXT, true);
        ComplaintChannel ch = channel == null || channel.isBlank() ? ComplaintChannel.DESK
                : WireEnum.parse(ComplaintChannel.class, channel).orElseThrow(() -> new InvalidField("channel",
                "unknown channel '" + channel + "'; allowed: " + String.join(", ", WireEnum.allowed(ComplaintChannel.class))));
        return new Registration(checkedPhone, checkedName, d.code(), cat, com, t, ch, ComplaintText.language(t),
                id("message", message), id("call", call));
    }

    private District district(String given) {
        return districts.resolve(given).orElseThrow(() -> {
            List<String> suggestions = districts.suggest(given, 3);
            return new InvalidField("district", "unknown district '" + given + "': use an LGD code such as 396 or a name"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        });
    }

    private static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidField(field, "must be an id of 1–128 of A-Z a-z 0-9 . _ : @ -");
        }
        return value;
    }
}
